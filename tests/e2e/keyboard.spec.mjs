// The whole quiz without a mouse: Tab, arrows, digits, H and Enter.
import { test, expect, deck } from './support.mjs';

test('a full round by keyboard only', async ({ quiz, page }) => {
  const total = deck.questions.length;
  await quiz.open();
  await page.keyboard.press('Tab');
  await expect(quiz.button('Start')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.questionHeading).toBeFocused();

  // First question: Tab into the radio group, arrow to another option, Enter to check.
  await page.keyboard.press('Tab');
  await expect(quiz.radios().first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(quiz.radios().nth(1)).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(quiz.feedback).toBeFocused();
  await page.keyboard.press('Enter');

  // The rest: H for the hint, a digit to choose, Enter to check and Enter to go on.
  for (let number = 2; number <= total; number++) {
    await expect(quiz.questionHeading).toHaveText(`Question ${number} of ${total}`);
    await expect(quiz.questionHeading).toBeFocused();
    await page.keyboard.press('h');
    await expect(quiz.hint).toBeVisible();
    const q = await quiz.currentQuestion();
    const position = (await quiz.choiceOrder()).indexOf(q.answer) + 1;
    await page.keyboard.press(String(position));
    await expect(quiz.radio(q.answer)).toBeChecked();
    await page.keyboard.press('Enter');
    await expect(quiz.feedback).toBeFocused();
    await expect(quiz.feedback).toContainText('Correct (with the hint)');
    await page.keyboard.press('Enter');
  }
  await expect(page.getByRole('heading', { name: 'Round complete' })).toBeFocused();
  await expect(quiz.score).toContainText(`of ${total} right.`);

  // Buttons on the summary are reachable with Tab and act on Enter.
  const target = (await quiz.score.innerText()).includes(`${total} of ${total}`)
    ? 'Start over'
    : 'Retry missed questions';
  for (let presses = 0; presses < 10; presses++) {
    await page.keyboard.press('Tab');
    if (await quiz.button(target).evaluate((el) => el === document.activeElement)) break;
  }
  await expect(quiz.button(target)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(quiz.questionHeading).toBeFocused();
});

test('focus is visible on every control', async ({ quiz, page }) => {
  await quiz.open();
  await page.keyboard.press('Tab');
  const outline = await quiz.button('Start').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});
