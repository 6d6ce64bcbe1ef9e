// A seeded random walk of user actions: clicks on whatever button or option is on screen, the
// keys the app knows (and some it does not), reloads, back/forward, resizes. No console error,
// no uncaught exception, no panic, never a blank page, a reload always gives back the same
// screen, and the saved history is at every step exactly the answers seen being checked.
//
// Replay a run with the seed it printed:  QUIZDECK_WALK_SEED=<seed> npx playwright test random-walk
// A fresh seed each run:                  QUIZDECK_WALK_SEED=random …
// Longer or shorter:                      QUIZDECK_WALK_ACTIONS=<n> …
import assert from 'node:assert/strict';
import { test, expect, deck, storageKey, mulberry32, attemptsIn } from './support.mjs';

const DEFAULT_SEED = 20261125;
const seedSetting = process.env.QUIZDECK_WALK_SEED;
const SEED =
  seedSetting === 'random'
    ? Math.floor(Math.random() * 2 ** 32)
    : Number.parseInt(seedSetting ?? String(DEFAULT_SEED), 10) >>> 0;
const ACTIONS = Number.parseInt(process.env.QUIZDECK_WALK_ACTIONS ?? '2000', 10);

/** The walk's choices, drawn from mulberry32 with the walk's seed. */
function generator(seed) {
  const next = mulberry32(seed);
  const weighted = (table, roll = next()) => {
    let left = roll * table.reduce((sum, [weight]) => sum + weight, 0);
    for (const [weight, value] of table) {
      left -= weight;
      if (left < 0) return value;
    }
    return table.at(-1)[1];
  };
  return { next, pick: (list) => list[Math.floor(next() * list.length)], weighted };
}

const ACTION_KINDS = [
  [50, 'click'],
  [45, 'key'],
  [1, 'reload'],
  [0.6, 'back/forward'],
  [2, 'resize'],
];
const KEYS = [
  [6, '1'], [6, '2'], [6, '3'], [6, '4'], [2, '5'],
  [20, 'Enter'], [5, 'h'], [1, 'H'],
  [10, 'Tab'], [4, 'Shift+Tab'], [6, 'ArrowDown'], [2, 'ArrowUp'],
  [6, 'Escape'], [4, ' '], [1, '?'], [2, 'x'],
];
const VIEWPORTS = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
];
const CONTROLS = 'button, input[type=radio], input[type=checkbox], select';

/**
 * What is on screen, in one round trip. With `roll` (a random number) it also picks the
 * control to click next (the options and the main action weigh most, so rounds get
 * somewhere), scrolls it into view and says where it is drawn.
 */
function probe(page, roll = null) {
  return page.evaluate(
    ([selector, key, roll]) => {
      const article = document.querySelector('article.question');
      const feedback = document.querySelector('[data-testid=feedback]');
      const modal = document.querySelector('dialog[open]:modal');
      const centre = (element) => {
        const box = element.getBoundingClientRect();
        return [box.x + box.width / 2, box.y + box.height / 2];
      };
      // Whether a click at the control's centre reaches it (not a dialog or bar over it).
      const reachable = (element) => {
        const hit = document.elementFromPoint(...centre(element));
        return Boolean(hit) && (hit === element || element.contains(hit) || Boolean(hit.closest('label')?.contains(element)));
      };
      const usable = (element) =>
        element.checkVisibility() &&
        element.getClientRects().length > 0 &&
        !element.disabled &&
        !element.closest('fieldset:disabled, [inert]') &&
        (!modal || reachable(element));
      const weight = (element) => {
        if (element.closest('fieldset.choices')) return 6;
        if (element.matches('main button.primary')) return 5;
        // Rarely "Reset progress…": it forgets everything (the walk follows that too).
        if (element.textContent.trim().startsWith('Reset progress')) return 0.3;
        return 1;
      };
      let click = null;
      if (roll !== null) {
        const controls = [...document.querySelectorAll(selector)].filter(usable);
        let left = roll * controls.reduce((sum, element) => sum + weight(element), 0);
        const element = controls.find((element) => (left -= weight(element)) < 0) ?? controls.at(-1);
        if (element) {
          element.scrollIntoView({ block: 'center', inline: 'center' });
          const [x, y] = centre(element);
          const label = (element.textContent || element.value || '').trim().slice(0, 40);
          click = { x, y, label: `${element.tagName.toLowerCase()} "${label}"`, reachable: reachable(element) };
        }
      }
      const active = document.activeElement;
      const stored = localStorage.getItem(key);
      return {
        main: Boolean(document.querySelector('main')),
        question: article?.getAttribute('data-question') ?? null,
        heading: document.querySelector('main h1')?.textContent ?? null,
        verdict: feedback ? !feedback.classList.contains('incorrect') : null,
        // What Enter or Space would press: "Reset" in the confirmation dialog forgets everything.
        focusedReset: Boolean(active?.closest('dialog') && active.textContent.trim() === 'Reset'),
        progress: stored ? JSON.parse(stored).progress : null,
        click,
      };
    },
    [CONTROLS, storageKey, roll],
  ).then(({ progress, ...seen }) => ({
    ...seen,
    history: attemptsIn(progress).map((attempt) => `${attempt.question_id}${attempt.correct ? '+' : '-'}`),
  }));
}

test('a seeded random walk of user actions keeps the page alive and the progress right', async ({
  quiz,
  page,
  context,
}, testInfo) => {
  test.setTimeout(240_000);
  const replay = `QUIZDECK_WALK_SEED=${SEED} npx playwright test tests/e2e/random-walk.spec.mjs`;
  console.log(`random walk: seed ${SEED}, ${ACTIONS} actions (replay: ${replay})`);
  testInfo.annotations.push({ type: 'seed', description: String(SEED) });
  const random = generator(SEED);
  const origin = new URL(testInfo.project.use.baseURL).origin;
  // Source links lead off the site: answer them with "204 No Content" so a followed link
  // leaves the page where it is, and close any tab one opens.
  await context.route(
    (url) => url.origin !== origin,
    (route) => route.fulfill({ status: 204 }),
  );
  context.on('page', (popup) => popup.close());
  page.on('dialog', (dialog) => dialog.dismiss());

  await page.goto('about:blank');
  await quiz.open();
  const seen = []; // "<question id>+" or "-" for every check seen, in order
  const counts = { click: 0, key: 0, reload: 0, 'back/forward': 0, resize: 0, covered: 0, checks: 0, resets: 0 };
  const recent = [];
  let kind = random.weighted(ACTION_KINDS);
  let state = await probe(page, kind === 'click' ? random.next() : null);
  const started = Date.now();

  for (let step = 0; step < ACTIONS; step++) {
    let description = kind;
    let resets = false;
    let navigated = false;
    try {
      if (kind === 'click' && state.click) {
        description = `click ${state.click.label}`;
        if (state.click.reachable) {
          resets = state.click.label === 'button "Reset"';
          await page.mouse.click(state.click.x, state.click.y);
        } else {
          description += ' (covered: not clicked)';
          counts.covered += 1;
        }
      } else if (kind === 'key' || kind === 'click') {
        const key = random.weighted(KEYS);
        description = `key ${key}`;
        resets = (key === 'Enter' || key === ' ') && state.focusedReset;
        await page.keyboard.press(key);
      } else if (kind === 'reload') {
        navigated = true;
        await page.reload();
      } else if (kind === 'back/forward') {
        navigated = true;
        // Back, then Forward: whatever screen Back showed, Forward returns to this one.
        await page.goBack();
        await page.goForward();
      } else {
        const viewport = random.pick(VIEWPORTS);
        description = `resize ${viewport.width}x${viewport.height}`;
        await page.setViewportSize(viewport);
      }
      counts[kind] += 1;
      if (navigated || !page.url().startsWith(origin)) {
        if (!page.url().startsWith(origin)) await quiz.open();
        await expect(page.locator('main')).toBeVisible();
      }
      const next = random.weighted(ACTION_KINDS);
      const after = await probe(page, next === 'click' ? random.next() : null);
      // Plain assertions inside the loop: Playwright's expect records a report step per call,
      // which over thousands of steps costs more than the walk itself.
      assert.ok(after.main, 'the page went blank');
      if (navigated) {
        // A reload or a return lands on the same screen, the same question, the same verdict.
        const keep = ({ question, heading, verdict }) => ({ question, heading, verdict });
        assert.deepEqual(keep(after), keep(state), 'a reload changed the screen');
      } else if (
        state.question &&
        state.verdict === null &&
        after.verdict !== null &&
        after.question === state.question &&
        after.heading === state.heading
      ) {
        seen.push(`${after.question}${after.verdict ? '+' : '-'}`);
        counts.checks += 1;
      }
      if (resets && after.history.length === 0) {
        seen.length = 0;
        counts.resets += 1;
      }
      assert.deepEqual(after.history, seen, 'the saved history is not the answers seen being checked');
      state = after;
      kind = next;
    } catch (error) {
      error.message = `random walk seed ${SEED}, step ${step} (${description}); the steps before:\n  ${recent.join('\n  ')}\n${error.message}`;
      throw error;
    }
    recent.push(`${step}: ${description}`);
    if (recent.length > 15) recent.shift();
  }
  const seconds = (Date.now() - started) / 1000;

  // The end: the start screen agrees with the answers seen, and a last reload changes nothing.
  await page.setViewportSize(VIEWPORTS[3]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await quiz.toDeckStart();
  const latest = new Map(seen.map((answer) => [answer.slice(0, -1), answer.endsWith('+')]));
  if (seen.length > 0) {
    const right = [...latest.values()].filter(Boolean).length;
    await expect(page.getByTestId('done-so-far')).toHaveText(
      `You have answered ${latest.size} of ${deck.questions.length} questions; ${right} were right the last time you answered them.`,
    );
  }
  const text = await page.locator('main').innerText();
  await page.reload();
  await expect.poll(() => page.locator('main').innerText()).toBe(text);
  console.log(`random walk: ${ACTIONS} actions in ${seconds.toFixed(0)} s ${JSON.stringify(counts)}`);
  expect(counts.checks, 'the walk hardly ever checked an answer').toBeGreaterThan(ACTIONS / 100);
});
