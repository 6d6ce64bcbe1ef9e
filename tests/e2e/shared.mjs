// What both end-to-end suites share, free of any test runner or browser driver: the decks'
// answer keys (read from the deck files, through the compiler's `deck export`), answering a question through either suite's
// page object, the launcher of the test HTTP server, and scripts that run in the page.
// tests/e2e (Playwright, Chromium) and tests/engines (WebDriver, three engines) import it, and
// the benchmark (scripts/bench.mjs, scripts/lighthouse.mjs) its server.
import { spawn } from 'node:child_process';
import { exportDecks } from '../../scripts/deck-export.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The public URL the build in dist/ was made for (its `<base href>`, which Trunk writes from
 * `--public-url`): scripts/test builds for `/quizdeck/`, as GitHub Pages serves a project, and
 * the tests serve it there. `/` when there is no build yet.
 */
export const PUBLIC_URL = (() => {
  try {
    const html = readFileSync(new URL('../../dist/index.html', import.meta.url), 'utf8');
    return html.match(/<base href="?([^">\s]+)"?/)?.[1] ?? '/';
  } catch {
    return '/';
  }
})();

// Every deck as the compiler validated it, in its TOML shape, by id: read once, so the tests see
// exactly the decks the build compiled in (and fail here, naming the problem, if one is broken).
const deckFiles = exportDecks();
const asDeck = (file) => ({ ...file.deck, topics: file.topic, questions: file.question });
/** Every deck, by id. */
export const decks = Object.fromEntries(Object.entries(deckFiles).map(([id, file]) => [id, asDeck(file)]));
/** The deck most tests take (the app has several: its bare address is the library). */
export const deck = decks['django-async'];
/** That deck's start screen, relative to the app's base. */
export const deckAddress = `deck/${deck.id}`;
/** A day in milliseconds, as the app's clock counts. */
export const DAY_MS = 24 * 60 * 60 * 1000;
export const storageKey = `quizdeck:${deck.id}:progress`;
export const backupKey = `quizdeck:${deck.id}:unreadable`;

// Question ids are unique across the decks (checked here), so a question on screen is found
// whichever deck it is from.
const questionById = new Map(Object.values(decks).flatMap((each) => each.questions.map((q) => [q.id, q])));
if (questionById.size !== Object.values(decks).reduce((n, each) => n + each.questions.length, 0)) {
  throw new Error('two decks share a question id: the tests could not tell their questions apart');
}
export const question = (id) => questionById.get(id);
/**
 * The attempts of a deck's stored (or exported) progress, oldest first, as objects with the
 * domain's fields (`question_id`, `question_hash`, `choice_ids`, `correct`, `hint_used`,
 * `answered_at`). Schema 4 keeps them compact (src/codec/compact.rs: each question once, an
 * attempt `[its question's place, ms since the attempt before, flags 1 right | 2 hint, choice
 * ids…]`); earlier schemas kept these objects as they are.
 */
export function attemptsIn(progress) {
  const history = progress?.history;
  if (!history || Array.isArray(history)) return history ?? [];
  let answeredAt = 0;
  return history.attempts.map(([place, gap, flags, ...choiceIds]) => {
    answeredAt += gap;
    const [questionId, questionHash] = history.questions[place];
    return {
      question_id: questionId,
      question_hash: questionHash,
      choice_ids: choiceIds,
      correct: (flags & 1) !== 0,
      hint_used: (flags & 2) !== 0,
      answered_at: answeredAt,
    };
  });
}

/** A stored value of a deck's progress (JSON-parsed, or null) with its history as
 * {@link attemptsIn} gives it, so that tests read every schema alike. */
export const withAttempts = (stored) =>
  stored?.progress?.history ? { ...stored, progress: { ...stored.progress, history: attemptsIn(stored.progress) } } : stored;

/** An order question ("put the events in order"): its choices in the file are its answer. */
export const isOrder = (q) => q.kind === 'order';
/** The ids of the right choices (one for a single-choice question; every one, in the right
 * order, for an order question). */
export const rightChoicesOf = (q) => (isOrder(q) ? q.choice.map((choice) => choice.id) : [q.answer].flat());
export const isMultiple = (q) => Array.isArray(q.answer);
export const wrongChoiceOf = (q) => q.choice.find((choice) => !rightChoicesOf(q).includes(choice.id)).id;
/** The choices to pick for a right or a wrong answer. */
export const answerOf = (q, right) => (right ? rightChoicesOf(q) : [wrongChoiceOf(q)]);

/**
 * Puts an order question's events in `order` through a page object (`arrangement()`, the ids
 * as listed; `moveUp(id)`), moving each into its place from the top, as a learner would.
 */
export async function arrange(quiz, order) {
  for (const [place, id] of order.entries()) {
    while ((await quiz.arrangement()).indexOf(id) > place) await quiz.moveUp(id);
  }
}

/**
 * Answers the question on screen rightly or wrongly (after the hint, with `hint`) and checks,
 * through either suite's page object: anything with `currentQuestion()`, `showHint()`,
 * `choose(id)`, `arrangement()`, `moveUp(id)` and `check(verdict)`, the last waiting for the
 * feedback to say `verdict`. An order question is answered wrongly by checking it as shown
 * (never its right order). Returns the deck's question.
 */
export async function answer(quiz, right, { hint = false } = {}) {
  const q = await quiz.currentQuestion();
  if (hint) await quiz.showHint();
  if (isOrder(q)) {
    if (right) await arrange(quiz, rightChoicesOf(q));
  } else {
    for (const id of answerOf(q, right)) await quiz.choose(id);
  }
  await quiz.check(right ? 'Correct' : 'Incorrect');
  return q;
}

const serveScript = fileURLToPath(new URL('./serve.mjs', import.meta.url));

/**
 * Serves `dir` over HTTP with serve.mjs on `port` (0: any free port) under `base`, until the
 * returned process is killed; `flags` are serve.mjs's (`--hold-wasm`, `--precompressed`,
 * `--compress gzip`). With `tries` above 1, a port in use is passed over for the next one.
 * The process's `url` is the address it serves. The one launcher of the build's server: the
 * tests, scripts/bench and scripts/lighthouse.mjs use it.
 */
export async function serve(dir, port, base = '/', flags = [], { tries = 1 } = {}) {
  for (let p = port; p < port + tries; p++) {
    const server = spawn(process.execPath, [serveScript, dir, String(p), base, ...flags], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const listening = await new Promise((resolve) => {
      server.stdout.once('data', (line) => resolve(String(line)));
      server.once('exit', () => resolve(null));
    });
    if (listening) {
      server.url = listening.match(/ at (\S+)/)[1];
      return server;
    }
  }
  const ports = tries > 1 ? `ports ${port}–${port + tries - 1}` : `port ${port}`;
  throw new Error(`serve.mjs could not listen on ${ports}`);
}

/**
 * Runs in the page: resolves once a service worker controls it (the worker claims the page on
 * its first install, so this needs no reload).
 */
export async function controlledByWorkerInPage() {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) =>
      navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }),
    );
  }
}
