/**
 * The stylesheet of what scripts add to a page, loaded once, on first need:
 * a script awaits it before it shows anything styled there, so nothing
 * appears unstyled and a page read without scripts never downloads it.
 */
import stylesheet from '../styles/enhancements.css?url';

let loaded: Promise<void> | null = null;

export function enhancementStyles(): Promise<void> {
  loaded ??= new Promise((resolve) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesheet;
    // A stylesheet that fails to load leaves the enhancements plain, not missing.
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
    document.head.append(link);
  });
  return loaded;
}
