/** The light/dark toggle: an enhancement; without it the page follows prefers-color-scheme. */
export function initSchemeToggle() {
  const button = document.querySelector<HTMLButtonElement>('.scheme-toggle');
  if (!button) return;
  const root = document.documentElement;
  const isDark = () => (root.dataset.scheme ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light')) === 'dark';
  const show = () => button.setAttribute('aria-pressed', String(isDark()));
  button.hidden = false;
  show();
  button.addEventListener('click', () => {
    root.dataset.scheme = isDark() ? 'light' : 'dark';
    localStorage.setItem('colour-scheme', root.dataset.scheme);
    show();
  });
}
