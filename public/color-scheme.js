// Applies the saved or system colour scheme before the app loads, so a dark page does not flash
// white. An external file rather than an inline script, so a strict Content-Security-Policy holds.
// Keys and classes are MUI's (useColorScheme with colorSchemeSelector "class").
(function () {
  try {
    var mode = localStorage.getItem('mui-mode') || 'system';
    var dark = mode === 'dark' || (mode === 'system' && window.matchMedia('(prefers-color-scheme: dark)').matches);
    document.documentElement.classList.add(dark ? 'dark' : 'light');
  } catch {
    // Storage forbidden: the app applies the scheme itself once it starts.
  }
})();
