// The first screen before the app: index.html holds a new learner's start screen and
// first question, drawn at build time by the app's components. A learner can start answering
// while the WebAssembly is still on its way, and the app carries on from there. Every test
// holds the wasm back until the step that needs the app: no timing involved.
import { test, expect, deck, answerOf, storageKey } from './support.mjs';

const total = deck.questions.length;
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

/** Opens the page with the wasm held, presses Start, and returns the question shown. */
async function startBeforeTheApp(page, quiz) {
  const release = await holdTheWasm(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(deck.title);
  await expect(page.locator('.lede')).toHaveText(deck.description);
  await quiz.button('Start').click();
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

test('what needs the app says it is loading, then the app does it; its links work already', async ({
  page,
  quiz,
}) => {
  const release = await holdTheWasm(page);
  await page.goto('./');
  await quiz.button('Share this deck').click();
  await expect(status(page)).toHaveText('One moment: the quiz is still loading.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(deck.title);
  // A link is a link: it opens its address, which shows "Loading…" until the app shows it.
  await quiz.navigation('Stats').click();
  await expect(page).toHaveURL(/\/deck\/django-async\/stats$/);
  await expect(page.getByText('Loading the quiz…')).toBeVisible();
  release();
  await appIsUp(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stats');
  await expect(quiz.navigation('Stats')).toHaveAttribute('aria-current', 'page');
  await quiz.navigation('Home').click();
  await expect(quiz.navigation('Home')).toHaveAttribute('aria-current', 'page');
});

test('a returning learner sees "Loading the quiz…", never a new learner\'s start screen', async ({ page, quiz }) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.navigation('Home').click();

  const release = await holdTheWasm(page);
  await page.reload();
  await expect(page.getByText('Loading the quiz…')).toBeVisible();
  await expect(quiz.button('Start')).toBeHidden();
  await expect(page.getByTestId('done-so-far')).toBeHidden();
  release();
  await appIsUp(page);
  await expect(page.getByTestId('done-so-far')).toContainText(`You have answered 1 of ${total}`);
  await expect(quiz.button('Continue')).toBeVisible();
  expect(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), storageKey)).progress.history).toHaveLength(1);
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
