// The first screen until the app takes over (inlined into index.html's <head>, so it runs
// before anything is painted). index.html holds a new learner's library (or an only deck's
// start screen) and, in a <template>, the first question of the round each deck's Start begins, both drawn by the app's own components at build
// time (src/ui/first_screen.rs). This script lets a learner start that question while the
// WebAssembly is still on its way: Start shows it, its options are native inputs, Check and
// Show hint are remembered on the screen (data-check, data-hint) and done by the app as it
// takes over (main.rs reads the screen, then removes it). It grades nothing and saves nothing.
(() => {
  const root = document.documentElement;
  // The start screen drawn at build time is a new learner's: a learner with saved progress
  // (or whose storage cannot be read) sees "Loading the quiz…" until the app shows theirs.
  try {
    if (Object.keys(localStorage).some((key) => key.startsWith('quizdeck:'))) {
      root.classList.add('returning');
    }
  } catch {
    root.classList.add('returning');
  }
  // So does an address that names another screen than the start (a link to the stats, say).
  const bare = (path) => path.replace(/(index\.html)?$/, '').replace(/\/$/, '');
  const appRoot = new URL(document.querySelector('base')?.getAttribute('href') ?? '/', location.href);
  if (bare(location.pathname) !== bare(appRoot.pathname)) {
    root.classList.add('returning');
  }

  const firstScreen = () => document.querySelector('.boot-shell');
  const say = (text, role = 'status') => {
    const line = document.getElementById('boot');
    line.setAttribute('role', role);
    line.textContent = text;
  };

  // Until the app is up, turn any failure to start it (its WebAssembly or JavaScript glue did
  // not load, say on a dropped connection) into a clear sentence instead of a page that never
  // answers. Capture: a script that fails to load fires `error` at its element, not window.
  const fail = () => {
    if (!firstScreen()) return;
    say('The quiz could not load. Check your internet connection, then reload the page.', 'alert');
  };
  addEventListener('error', fail, true);
  addEventListener('unhandledrejection', fail);

  // The buttons are the components' own, marked for this script (tests/first_screen.rs).
  const START = '[data-boot="start"]';
  const CHECK = '[data-boot="check"]';
  const HINT = '[data-boot="hint"]';

  document.addEventListener('click', (event) => {
    const shell = firstScreen();
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!shell || !button || !shell.contains(button)) return;
    if (button.matches(START)) {
      // Which deck's Start: the app replays the round of that deck.
      shell.dataset.started = button.dataset.deck;
      shell.querySelector('.first-visit').hidden = true;
      const template = shell.querySelector(`template.first-question[data-deck="${button.dataset.deck}"]`);
      const question = document.createElement('div');
      question.className = 'first-question';
      question.dataset.deck = button.dataset.deck;
      // Moved, not cloned: the template is used once, and a clone would be more work in the
      // click that must show the question within a frame.
      question.append(template.content);
      template.replaceWith(question);
      question.querySelector('h1').focus();
    } else if (button.matches(CHECK)) {
      if (button.disabled || shell.hasAttribute('data-check')) return;
      // The answer is final once checked, as in the app.
      shell.dataset.check = '';
      button.closest('.first-question').querySelector('fieldset').disabled = true;
      button.setAttribute('aria-disabled', 'true');
      say('Checking your answer as soon as the quiz has loaded…');
    } else if (button.matches(HINT)) {
      shell.dataset.hint = '';
      button.setAttribute('aria-disabled', 'true');
      say('The hint appears as soon as the quiz has loaded…');
    } else {
      say('One moment: the quiz is still loading.');
    }
  });

  // Check needs a selection, as in the app.
  document.addEventListener('change', (event) => {
    const shell = firstScreen();
    if (!shell || !shell.contains(event.target)) return;
    const question = event.target.closest('.first-question');
    if (!question) return;
    question.querySelector(CHECK).disabled = !question.querySelector('input:checked');
  });
})();
