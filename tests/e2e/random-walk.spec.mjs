// A seeded random walk of user actions: clicks on whatever button or option is on screen, the
// keys the app knows (and some it does not), reloads, back/forward, resizes. No console error,
// no uncaught exception, no panic, never a blank page, and at the end the saved history is
// exactly the answers that were seen being checked.
//
// Replay a run with the seed it printed:  QUIZDECK_WALK_SEED=<seed> npx playwright test random-walk
// A fresh seed each run:                  QUIZDECK_WALK_SEED=random …
// Longer or shorter:                      QUIZDECK_WALK_ACTIONS=<n> …
import { test, expect, deck, storageKey } from './support.mjs';

const DEFAULT_SEED = 20261125;
const seedSetting = process.env.QUIZDECK_WALK_SEED;
const SEED =
  seedSetting === 'random'
    ? Math.floor(Math.random() * 2 ** 32)
    : Number.parseInt(seedSetting ?? String(DEFAULT_SEED), 10) >>> 0;
const ACTIONS = Number.parseInt(process.env.QUIZDECK_WALK_ACTIONS ?? '2000', 10);

/** mulberry32: a small seeded generator, the same sequence for the same seed everywhere. */
function generator(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    below: (n) => Math.floor(next() * n),
    pick: (list) => list[Math.floor(next() * list.length)],
    weighted: (table) => {
      let roll = next() * table.reduce((sum, [weight]) => sum + weight, 0);
      for (const [weight, value] of table) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return table.at(-1)[1];
    },
  };
}

const CONTROLS = 'button, input[type=radio], input[type=checkbox], select';
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

/**
 * What is on screen, in one round trip. `controls` are [index into CONTROLS, weight] of the
 * usable ones: the options and the main action weigh most, so rounds get somewhere.
 */
function probe(page) {
  return page.evaluate(
    ([selector, key]) => {
      const article = document.querySelector('article.question');
      const feedback = document.querySelector('[data-testid=feedback]');
      const modal = document.querySelector('dialog[open]:modal');
      // With a modal dialog open (maybe two, one over the other), only what is on top of the
      // page where it is drawn can be clicked.
      const onTop = (element) => {
        const box = element.getBoundingClientRect();
        const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
        return Boolean(hit) && (hit === element || element.contains(hit) || (hit.tagName === 'LABEL' && hit.contains(element)));
      };
      const usable = (element) =>
        element.checkVisibility() &&
        element.getClientRects().length > 0 &&
        !element.disabled &&
        !element.closest('fieldset:disabled, [inert]') &&
        (!modal || onTop(element));
      const active = document.activeElement;
      const stored = localStorage.getItem(key);
      return {
        main: Boolean(document.querySelector('main')),
        question: article?.getAttribute('data-question') ?? null,
        heading: document.querySelector('main h1')?.textContent ?? null,
        verdict: feedback ? !feedback.classList.contains('incorrect') : null,
        controls: [...document.querySelectorAll(selector)].flatMap((element, index) => {
          if (!usable(element)) return [];
          if (element.closest('fieldset.choices')) return [[index, 6]];
          if (element.matches('main button.primary')) return [[index, 5]];
          return [[index, 1]];
        }),
        // What Enter or Space would press: "Reset" in the confirmation dialog forgets everything.
        focusedReset: Boolean(active?.closest('dialog') && active.textContent.trim() === 'Reset'),
        history: stored ? (JSON.parse(stored).progress?.history ?? null) : null,
      };
    },
    [CONTROLS, storageKey],
  );
}

test('a seeded random walk of user actions keeps the page alive and the progress right', async ({
  quiz,
  page,
  context,
}, testInfo) => {
  test.setTimeout(180_000);
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
  const seen = []; // [question id, right] of every check seen, in order
  const counts = { click: 0, key: 0, reload: 0, 'back/forward': 0, resize: 0, checks: 0, resets: 0 };
  const recent = [];
  let state = await probe(page);

  for (let step = 0; step < ACTIONS; step++) {
    const kind = random.weighted([
      [50, 'click'],
      [45, 'key'],
      [1, 'reload'],
      [0.6, 'back/forward'],
      [2, 'resize'],
    ]);
    let description = kind;
    let resets = false;
    let navigated = false;
    try {
      if (kind === 'click' && state.controls.length > 0) {
        // A real mouse click where the control is drawn (scrolled into view first).
        const index = random.weighted(state.controls.map(([index, weight]) => [weight, index]));
        const target = await page.evaluate(
          ([selector, index]) => {
            const element = document.querySelectorAll(selector)[index];
            element.scrollIntoView({ block: 'center', inline: 'center' });
            const box = element.getBoundingClientRect();
            const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
            const hit = document.elementFromPoint(x, y);
            const label = `${element.tagName.toLowerCase()} "${(element.textContent || element.value || '').trim().slice(0, 40)}"`;
            const reachable = Boolean(hit) && (hit === element || element.contains(hit) || Boolean(hit.closest('label')?.contains(element)));
            return { x, y, label, reachable };
          },
          [CONTROLS, index],
        );
        description = `click ${target.label}${target.reachable ? '' : ' (covered: not clicked)'}`;
        resets = target.reachable && target.label === 'button "Reset"';
        if (target.reachable) await page.mouse.click(target.x, target.y);
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
        await page.goBack();
        if (!page.url().startsWith(origin)) await page.goForward();
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
      const after = await probe(page);
      expect(after.main, 'the page went blank').toBe(true);
      if (navigated) {
        // A reload or a return lands on the same screen, the same question, the same verdict.
        const keep = ({ question, heading, verdict }) => ({ question, heading, verdict });
        expect(keep(after), 'a reload changed the screen').toEqual(keep(state));
      } else if (
        state.question &&
        state.verdict === null &&
        after.verdict !== null &&
        after.question === state.question &&
        after.heading === state.heading
      ) {
        seen.push([after.question, after.verdict]);
        counts.checks += 1;
      }
      if (resets && after.history?.length === 0) {
        seen.length = 0;
        counts.resets += 1;
      }
      const stored = (after.history ?? []).map((attempt) => [attempt.question_id, attempt.correct]);
      expect(stored, 'the saved history is not the answers seen being checked').toEqual(seen);
      state = after;
    } catch (error) {
      error.message = `random walk seed ${SEED}, step ${step} (${description}); last steps:\n  ${recent.join('\n  ')}\n${error.message}`;
      throw error;
    }
    recent.push(`${step}: ${description}`);
    if (recent.length > 15) recent.shift();
  }

  // The end: the start screen agrees with the answers seen, and a last reload changes nothing.
  await page.setViewportSize(VIEWPORTS[3]);
  await page.keyboard.press('Escape');
  await quiz.navigation('Home').click();
  const latest = new Map(seen);
  if (seen.length > 0) {
    const right = [...latest.values()].filter(Boolean).length;
    await expect(page.getByTestId('done-so-far')).toHaveText(
      `You have answered ${latest.size} of ${deck.questions.length} questions; ${right} were right the last time you answered them.`,
    );
  }
  const text = await page.locator('main').innerText();
  await page.reload();
  await expect.poll(() => page.locator('main').innerText()).toBe(text);
  console.log(`random walk: ${ACTIONS} actions walked ${JSON.stringify(counts)}`);
  expect(counts.checks, 'the walk never checked an answer').toBeGreaterThan(10);
});
