// Until the app mounts, turn any failure to start it (its WebAssembly or JavaScript glue did
// not load, say on a dropped connection) into a clear sentence instead of an endless
// "Loading the quiz…". Once the app is up, this does nothing.
(() => {
  const started = () => document.querySelector('main') !== null;
  const fail = () => {
    const boot = document.getElementById('boot');
    if (started() || !boot) return;
    boot.textContent =
      'The quiz could not load. Check your internet connection, then reload the page.';
    boot.setAttribute('role', 'alert');
  };
  // Capture: a script or module that fails to load fires `error` at its element, not window.
  window.addEventListener('error', fail, true);
  window.addEventListener('unhandledrejection', fail);
})();
