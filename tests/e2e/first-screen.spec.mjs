// The first screen before the app: index.html holds a new learner's library and each deck's
// first question, drawn at build time by the app's components. A learner can start answering
// while the WebAssembly is still on its way, and the app carries on from there. Every test
// holds the wasm back until the step that needs the app: no timing involved.
import { test, expect, deck, decks, answerOf, storageKey, attemptsIn } from './support.mjs';

const total = deck.questions.length;
const startOf = (page, { title }) => page.getByRole('button', { name: `Start ${title}`, exact: true });
// A worker would serve the wasm from its cache on a reload, past the hold.
test.use({ serviceWorkers: 'block' });

/** Holds every request for the wasm until `release()` is called. */
async function holdTheWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route(/_bg\.wasm$/, async (route) => {
    await held;
    // A page that navigated away meanwhile no longer wants it.
    await route.continue().catch(() => {});
  });
  return release;
}

const appIsUp = (page) => expect(page.locator('.boot-shell')).toHaveCount(0);
const status = (page) => page.locator('#boot');

/** Opens the page with the wasm held, presses the deck's Start in the library, and returns the
 * question shown. */
async function startBeforeTheApp(page, quiz) {
  const release = await holdTheWasm(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decks');
  for (const { title } of Object.values(decks)) {
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  }
  await startOf(page, deck).click();
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${total}`);
  await expect(quiz.questionHeading).toBeFocused();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  return { release, first: await quiz.currentQuestion() };
}

test('a new learner answers the first question before the app has loaded', async ({ page, quiz }) => {
  const { release, first } = await startBeforeTheApp(page, quiz);
  await expect(quiz.checkButton).toBeDisabled();
  for (const id of answerOf(first, true)) await quiz.radio(id).check();
  await expect(quiz.checkButton).toBeEnabled();
  await quiz.checkButton.click();
  await expect(status(page)).toHaveText('Checking your answer as soon as the quiz has loaded…');
  await expect(quiz.radios().first()).toBeDisabled();
  expect(await page.evaluate(() => Object.keys(localStorage))).toEqual([]);

  release();
  await appIsUp(page);
  await expect(quiz.feedback).toContainText('Correct');
  expect(await quiz.currentQuestion()).toBe(first);
  const saved = await quiz.storedProgress();
  expect(saved.progress.history.map((a) => [a.question_id, a.correct])).toEqual([[first.id, true]]);

  // From here on it is the app's round, the first question already answered.
  await quiz.next();
  await expect(quiz.questionHeading).toHaveText(`Question 2 of ${total}`);
  await page.reload();
  await expect(quiz.questionHeading).toHaveText(`Question 2 of ${total}`);
});

test('a choice, the hint and the focus carry over when the app takes over', async ({ page, quiz }) => {
  const { release, first } = await startBeforeTheApp(page, quiz);
  const [wrong] = answerOf(first, false);
  await quiz.radio(wrong).check();
  await quiz.hintButton.click();
  await expect(status(page)).toHaveText('The hint appears as soon as the quiz has loaded…');
  await quiz.radio(wrong).focus();

  release();
  await appIsUp(page);
  await expect(quiz.hint).toBeVisible();
  await expect(quiz.radio(wrong)).toBeChecked();
  await expect(quiz.radio(wrong)).toBeFocused();
  await expect(quiz.feedback).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(quiz.feedback).toContainText('Incorrect');
  const [attempt] = (await quiz.storedProgress()).progress.history;
  expect([attempt.question_id, attempt.correct, attempt.hint_used]).toEqual([first.id, false, true]);
});

test('the other deck starts before the app too, and the app carries on in that deck', async ({ page, quiz }) => {
  const other = decks['asyncio-basics'];
  const release = await holdTheWasm(page);
  await page.goto('./');
  await startOf(page, other).click();
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${other.questions.length}`);
  const id = await page.locator('div.first-question article.question').getAttribute('data-question');
  expect(other.questions.map((q) => q.id)).toContain(id);
  release();
  await appIsUp(page);
  await expect(page).toHaveURL(/\/deck\/asyncio-basics\/round$/);
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${other.questions.length}`);
  await expect(page.locator('article.question')).toHaveAttribute('data-question', id);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decks');
  await expect(page.getByRole('button', { name: `Continue ${other.title}` })).toBeVisible();
});

test('its links work before the app: a deck opens its address, "Loading…" until the app shows it', async ({
  page,
  quiz,
}) => {
  const release = await holdTheWasm(page);
  await page.goto('./');
  await page.getByRole('link', { name: deck.title }).click();
  await expect(page).toHaveURL(/\/deck\/django-async$/);
  await expect(page.getByText('Loading the quiz…')).toBeVisible();
  release();
  await appIsUp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(deck.title);
  await quiz.navigation('Stats').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stats');
  await expect(quiz.navigation('Stats')).toHaveAttribute('aria-current', 'page');
  await quiz.navigation('Home').click();
  await expect(quiz.navigation('Home')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decks');
});

test('a returning learner sees "Loading the quiz…", never a new learner\'s start screen', async ({ page, quiz }) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.navigation('Home').click();

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decks');
  const release = await holdTheWasm(page);
  await page.reload();
  await expect(page.getByText('Loading the quiz…')).toBeVisible();
  await expect(startOf(page, deck)).toBeHidden();
  await expect(page.getByTestId('deck-progress').first()).toBeHidden();
  release();
  await appIsUp(page);
  const card = page.locator('.deck-card', { has: page.getByRole('link', { name: deck.title }) });
  await expect(card.getByTestId('deck-progress')).toHaveText(`1 of ${total} answered, 1 right last time.`);
  await expect(card.getByRole('button', { name: `Continue ${deck.title}` })).toBeVisible();
  expect(attemptsIn(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), storageKey)).progress)).toHaveLength(1);
});

test('the first screen is the app\'s own: the same words once the app has taken over', async ({ page }) => {
  const release = await holdTheWasm(page);
  await page.goto('./');
  const before = await page.locator('.first-visit').innerText();
  release();
  await appIsUp(page);
  // The storage line is the one thing the app learns from the browser after loading.
  const after = await page.locator('main').innerText();
  const withoutStorageLine = (text) => text.replace(/\n*Storage: .*$/s, '');
  expect(withoutStorageLine(after)).toBe(withoutStorageLine(before));
});
