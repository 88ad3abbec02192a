/**
 * The Light / Dark / Auto control in the header. src/scripts/colour-scheme-early.js has
 * already applied the saved choice before first paint; this keeps the radio
 * buttons, the page and the saved choice in step.
 */
type Choice = 'light' | 'dark' | 'auto';

export function initSchemeToggle() {
  const control = document.querySelector<HTMLFieldSetElement>('.scheme-control');
  if (!control) return;
  const root = document.documentElement;
  const apply = (choice: Choice) => {
    root.dataset.schemeChoice = choice;
    if (choice === 'auto') delete root.dataset.scheme;
    else root.dataset.scheme = choice;
    for (const radio of control.querySelectorAll<HTMLInputElement>('input[type="radio"]')) radio.checked = radio.value === choice;
  };
  apply((root.dataset.schemeChoice as Choice | undefined) ?? 'auto');
  control.hidden = false;
  control.addEventListener('change', (event) => {
    const choice = (event.target as HTMLInputElement).value as Choice;
    apply(choice);
    if (choice === 'auto') localStorage.removeItem('colour-scheme');
    else localStorage.setItem('colour-scheme', choice);
  });
}
