// Apply a saved colour scheme before first paint; without a choice the system setting applies.
// Classic and external (loaded in <head>), so it runs before paint under a CSP without inline scripts.
const saved = localStorage.getItem('colour-scheme');
if (saved === 'light' || saved === 'dark') document.documentElement.dataset.scheme = saved;
