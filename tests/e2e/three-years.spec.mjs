// A learner of three years: the localStorage that `examples/three_years.rs --write`
// gives (every shipped deck studied daily for three years; scripts/test writes it before this
// runs) loads, takes a review answer, saves it, and shows the stats, with no console error.
import { readFileSync } from 'node:fs';
import { test, expect, DAY_MS, deck, storageKey, attemptsIn } from './support.mjs';

const seeded = JSON.parse(readFileSync(new URL('../../target/three-years.json', import.meta.url), 'utf8'));
const history = attemptsIn(JSON.parse(seeded[storageKey]).progress);
// The morning after the last day of study, when the learner opens the app again.
const nextMorning = history.reduce((latest, attempt) => Math.max(latest, attempt.answered_at), 0) + DAY_MS;

test('three years of daily review load, take an answer, save it and show the stats', async ({ quiz, page }) => {
  expect(history.length, 'three years of answers').toBeGreaterThan(4_000);
  await page.clock.install({ time: nextMorning });
  await page.addInitScript((entries) => {
    if (!sessionStorage.getItem('seeded')) {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      sessionStorage.setItem('seeded', '1');
    }
  }, seeded);
  await quiz.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(deck.title);
  await expect(page.getByTestId('due')).toContainText(/due for review/);
  await expect(quiz.loadNotice).toHaveCount(0);
  const unchanged = await page.evaluate((entries) => Object.entries(entries).every(([key, value]) => localStorage.getItem(key) === value), seeded);
  expect(unchanged, 'opening the app rewrites nothing').toBe(true);

  await quiz.button('Review').click();
  await expect(quiz.questionHeading).toHaveText(/^Question 1 of \d+$/);
  await quiz.answer(true);
  await expect.poll(async () => (await quiz.storedProgress()).progress.history.length).toBe(history.length + 1);
  const saved = await quiz.storedProgress();
  expect(saved.schema).toBe(4);
  expect(saved.progress.history.slice(0, history.length), 'every earlier answer kept as it was').toEqual(history);

  await quiz.navigation('Stats').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
  await expect(page.getByTestId('streak')).toHaveText(/^[1-9]\d* days?$/);
  await expect(page.locator('.stats tfoot')).toContainText(String(history.length + 1));
  // Every question's history, one click away, each a click more.
  await expect(page.locator('.question-history')).toHaveCount(0);
  await page.getByText(`Every answered question (${deck.questions.length})`).click();
  await expect(page.locator('.question-history')).toHaveCount(deck.questions.length);
  const first = page.locator('.question-history').first();
  await first.locator('summary').click();
  await expect(first.locator('li').first()).toContainText(/ — (right|wrong)/);
});
