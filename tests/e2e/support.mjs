// Shared by every Playwright end-to-end test: the deck's answer key (from shared.mjs), a page
// object for the quiz, seeded randomness, and a guard that fails a test on any console error.
import { createRequire } from 'node:module';
import { test as base, expect } from '@playwright/test';
import { answer, DAY_MS, deck, deckAddress, question, storageKey, withAttempts } from './shared.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** An axe-core audit of the page (WCAG 2 A/AA, 2.1 AA, best practice): its violations. */
export async function audit(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

export {
  DAY_MS,
  deck,
  decks,
  deckAddress,
  storageKey,
  backupKey,
  question,
  rightChoicesOf,
  isMultiple,
  isOrder,
  wrongChoiceOf,
  answerOf,
  attemptsIn,
  withAttempts,
} from './shared.mjs';

/**
 * Presses Tab until `locator` has the focus, at most `limit` times (keyboard only: no click, no
 * focus() call). Nothing is pressed when it already has it, so a control that keeps the focus
 * is pressed again where it is.
 */
export async function tabTo(page, locator, limit = 12) {
  for (let presses = 0; presses < limit; presses++) {
    if (await locator.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(locator).toBeFocused();
}

export class QuizPage {
  constructor(page) {
    this.page = page;
    this.main = page.locator('main');
    this.questionHeading = page.getByRole('heading', { level: 1, name: /^Question \d+ of \d+$/ });
    this.feedback = page.getByTestId('feedback');
    this.checkButton = page.getByRole('button', { name: 'Check' });
    this.hintButton = page.getByRole('button', { name: 'Show hint' });
    this.hint = page.getByRole('complementary', { name: 'Hint' });
    this.score = page.getByTestId('score');
    this.loadNotice = page.getByTestId('load-notice');
    this.saveNotice = page.getByTestId('save-notice');
  }

  /** Opens `path`: by default the start screen of the deck under test (`./`, the app's bare
   * address, is the library). */
  async open(path = deckAddress) {
    await this.page.goto(path);
    await expect(this.main).toBeVisible();
  }

  button(name) {
    return this.page.getByRole('button', { name, exact: true });
  }

  /** The options' inputs: radio buttons, or checkboxes on "select all that apply". */
  radios() {
    return this.page.locator('fieldset.choices input');
  }

  radio(choiceId) {
    return this.page.locator(`fieldset.choices input[value="${choiceId}"]`);
  }

  /** The deck question on screen (from the deck file). */
  async currentQuestion() {
    const id = await this.page.locator('article.question').getAttribute('data-question');
    return question(id);
  }

  /** Choice ids in the order they are shown. */
  async choiceOrder() {
    return this.radios().evaluateAll((inputs) => inputs.map((input) => input.value));
  }

  async showHint() {
    await this.hintButton.click();
  }

  /** An order question's event ids as listed now. */
  arrangement() {
    return this.page
      .locator('main .order-item .choice-text')
      .evaluateAll((texts) => texts.map((text) => text.id.replace(/^order-/, '')));
  }

  orderItem(choiceId) {
    return this.page.locator('main li.order-item', { has: this.page.locator(`#order-${choiceId}`) });
  }

  /** Presses an event's "Move up" and waits for it to have moved. */
  async moveUp(choiceId) {
    const before = (await this.arrangement()).indexOf(choiceId);
    await this.orderItem(choiceId).getByRole('button', { name: 'Move up' }).click();
    await expect.poll(async () => (await this.arrangement()).indexOf(choiceId)).toBe(before - 1);
  }

  async choose(choiceId) {
    await this.radio(choiceId).check();
  }

  /** Checks the answer and waits for the feedback to say `verdict`. */
  async check(verdict) {
    await this.checkButton.click();
    await expect(this.feedback).toContainText(verdict);
  }

  /** Answers the question on screen rightly or wrongly, and checks (shared.mjs). */
  answer(right, options) {
    return answer(this, right, options);
  }

  async next() {
    await this.feedback.getByRole('button').click();
    await expect(this.feedback).toHaveCount(0);
  }

  /** Answers rightly until the round's summary is on screen. */
  async finishRound() {
    while ((await this.page.locator('article.question').count()) > 0) {
      await this.answer(true);
      await this.next();
    }
  }

  /** Answers rightly until the question with `id` is on screen. */
  async skipTo(id) {
    while ((await this.currentQuestion()).id !== id) {
      await this.answer(true);
      await this.next();
    }
  }

  /** Goes to the start screen of the deck under test the way a learner would: Home (the
   * library), then the deck. */
  async toDeckStart() {
    await this.navigation('Home').click();
    await this.page.getByRole('link', { name: deck.title, exact: true }).click();
    await expect(this.page.getByRole('heading', { level: 1, name: deck.title })).toBeVisible();
  }

  navigation(name) {
    return this.page.getByRole('navigation').getByRole('link', { name, exact: true });
  }

  /** The deck's stored progress, its history as attempt objects (see `withAttempts`). */
  async storedProgress() {
    return withAttempts(await this.page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey));
  }

  /** True when the page itself never scrolls sideways. */
  async fitsWidth() {
    return this.page.evaluate(
      () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
    );
  }
}

/**
 * mulberry32: a small seeded generator, the same sequence for the same seed everywhere.
 * Returns the function that gives the next number in [0, 1). Self-contained, so that its source
 * also runs in a page (see `context` below).
 */
export function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The app's randomness (round order, option order) made repeatable: in every page, Math.random
 * is mulberry32, restarted from the same seed on every load, so a failure replays and the
 * README's screenshot is the same picture every run. QUIZDECK_RANDOM_SEED picks another seed.
 */
const RANDOM_SEED = Number(process.env.QUIZDECK_RANDOM_SEED ?? 20261201);

/**
 * The console errors and uncaught exceptions of `page` from now on, as a list that grows. The
 * `page` fixture fails its test on any; a test's other pages (a second tab, another context)
 * check their own list.
 */
export function consoleErrorsOf(page) {
  const problems = [];
  // An address that names a screen has no file of its own: the test server answers it as
  // GitHub Pages does, with 404.html (the app) and status 404, which Chromium logs. Expected,
  // for those navigations only.
  const screenAddresses = new Set();
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.status() === 404) {
      screenAddresses.add(response.url());
    }
  });
  const expected = (message) =>
    message.text().includes('status of 404') && screenAddresses.has(message.location().url);
  page.on('console', (message) => message.type() === 'error' && !expected(message) && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  return problems;
}

export const test = base.extend({
  // Every page of the test's context, a second tab's too.
  context: async ({ context }, use) => {
    await context.addInitScript({ content: `Math.random = (${mulberry32})(${RANDOM_SEED});` });
    await use(context);
  },
  page: async ({ page }, use) => {
    const problems = consoleErrorsOf(page);
    await use(page);
    expect(problems, 'console errors and uncaught exceptions').toEqual([]);
  },
  quiz: async ({ page }, use) => {
    await use(new QuizPage(page));
  },
});

export { expect };
