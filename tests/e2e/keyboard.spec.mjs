// The whole quiz without a mouse: Tab, arrows, digits, H and Enter.
import { test, expect, deck, isOrder, rightChoicesOf, tabTo } from './support.mjs';


test('a full round by keyboard only', async ({ quiz, page }) => {
  const total = deck.questions.length;
  await quiz.open();
  await tabTo(page, quiz.button('Start'));
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
    if (isOrder(q)) {
      // Events are put in order with their Move up buttons, reached with Tab; then Check.
      for (const [place, id] of rightChoicesOf(q).entries()) {
        while ((await quiz.arrangement()).indexOf(id) > place) {
          const before = (await quiz.arrangement()).indexOf(id);
          await tabTo(page, quiz.orderItem(id).getByRole('button', { name: 'Move up' }), 40);
          await page.keyboard.press('Enter');
          await expect.poll(async () => (await quiz.arrangement()).indexOf(id)).toBe(before - 1);
        }
      }
      await tabTo(page, quiz.checkButton, 40);
    } else {
      const order = await quiz.choiceOrder();
      for (const id of rightChoicesOf(q)) {
        await page.keyboard.press(String(order.indexOf(id) + 1));
        await expect(quiz.radio(id)).toBeChecked();
      }
    }
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
  await tabTo(page, quiz.button(target), 40);
  await page.keyboard.press('Enter');
  await expect(quiz.questionHeading).toBeFocused();
});

test('focus is visible on every control', async ({ quiz, page }) => {
  await quiz.open();
  await tabTo(page, quiz.button('Start'));
  const outline = await quiz.button('Start').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe('solid');
});

test('"?" lists the keyboard shortcuts and Escape closes the list', async ({ quiz, page }) => {
  await quiz.open();
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Show the hint');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});
