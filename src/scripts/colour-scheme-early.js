// Runs before first paint: classic and external (loaded in <head>), so it runs under a CSP without inline scripts.
// Applies a saved colour scheme (without a choice the system setting applies), records the reader's choice for the
// header's Light/Dark/Auto control, and marks that scripts run, so controls that need them show from the start
// without moving the page.
(function () {
  var root = document.documentElement;
  var saved = null;
  try { saved = localStorage.getItem('colour-scheme'); } catch (e) { /* storage blocked: follow the system */ }
  root.classList.add('js');
  if (saved === 'light' || saved === 'dark') root.dataset.scheme = saved;
  root.dataset.schemeChoice = saved === 'light' || saved === 'dark' ? saved : 'auto';
})();
