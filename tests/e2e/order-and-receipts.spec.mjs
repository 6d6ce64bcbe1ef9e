// An order question answered by keyboard alone, and what Django did (the receipts) read after
// checking; both audited by axe-core in the light and the dark theme.
import { readFileSync } from 'node:fs';
import { test, expect, audit, deck, question, rightChoicesOf, tabTo } from './support.mjs';

const receipts = JSON.parse(readFileSync(new URL('../../decks/django-async.receipts.json', import.meta.url), 'utf8'));
const ORDER_QUESTION = 'order-thread-sensitive-two-requests';


/** Takes the topic of question `id` as a round and answers rightly up to that question. */
async function takeTopicAndSkipTo(quiz, id) {
  const topic = deck.topics.find((t) => t.id === question(id).topic);
  await quiz.open();
  await quiz.button(`Take topic: ${topic.title}`).click();
  await quiz.skipTo(id);
}

test('an order question is put in order with the keyboard alone and graded right', async ({ quiz, page }) => {
  await takeTopicAndSkipTo(quiz, ORDER_QUESTION);
  const right = rightChoicesOf(question(ORDER_QUESTION));
  const shown = await quiz.arrangement();
  expect(shown).not.toEqual(right);
  expect([...shown].sort()).toEqual([...right].sort());

  for (const [place, id] of right.entries()) {
    const up = quiz.orderItem(id).getByRole('button', { name: 'Move up' });
    while ((await quiz.arrangement()).indexOf(id) > place) {
      await tabTo(page, up, 80);
      const before = (await quiz.arrangement()).indexOf(id);
      await page.keyboard.press('Enter');
      await expect.poll(async () => (await quiz.arrangement()).indexOf(id)).toBe(before - 1);
      // The move is announced, and the focus stays with the moved event.
      await expect(page.locator('fieldset.order [role=status]')).toHaveText(`Moved to place ${before} of ${right.length}.`);
      await expect(quiz.orderItem(id).getByRole('button')).toContainText(['Move up', 'Move down']);
      expect(await quiz.orderItem(id).evaluate((item) => item.contains(document.activeElement))).toBe(true);
    }
  }
  expect(await quiz.arrangement()).toEqual(right);
  await tabTo(page, quiz.checkButton, 80);
  await page.keyboard.press('Enter');
  await expect(quiz.feedback).toContainText('Correct');
  await expect(page.locator('.order-item.right')).toHaveCount(right.length);
});

test('a wrong order shows the learner\'s order beside the right one', async ({ quiz, page }) => {
  await takeTopicAndSkipTo(quiz, ORDER_QUESTION);
  const shown = await quiz.arrangement();
  await quiz.checkButton.click();
  await expect(quiz.feedback).toContainText('Incorrect');
  const review = quiz.feedback.locator('.order-review');
  const right = question(ORDER_QUESTION).choice;
  await expect(review.locator('div').nth(0).locator('li')).toHaveCount(shown.length);
  await expect(review.locator('div').nth(1).locator('li').first()).toContainText(right[0].text.trim().slice(0, 12));
  await expect(page.locator('.order-item.wrong').first()).toContainText('Belongs at');
});

test('what Django did for each option is there to read after checking', async ({ quiz, page }) => {
  const id = 'correct-async-view';
  await takeTopicAndSkipTo(quiz, id);
  await quiz.answer(false);
  const details = quiz.feedback.getByTestId('receipts');
  await expect(details).not.toHaveAttribute('open', /.*/);
  await expect(quiz.feedback.locator('.evidence')).toContainText('under uvicorn (ASGI)');
  await details.locator('summary').click();
  const rows = details.locator('li');
  const expected = receipts.questions[id];
  await expect(rows).toHaveCount(expected.length);
  await expect(details).toContainText(expected[0].summary);
  await expect(details).toContainText('(your answer)');
  await expect(details).toContainText(`Django ${receipts.versions.django}`);
});

for (const colorScheme of ['light', 'dark']) {
  test(`the order question and the receipts pass axe in the ${colorScheme} theme`, async ({ quiz, page }) => {
    await page.emulateMedia({ colorScheme });
    await takeTopicAndSkipTo(quiz, ORDER_QUESTION);
    expect(await audit(page), 'order question').toEqual([]);
    await quiz.checkButton.click();
    await quiz.feedback.getByTestId('receipts').locator('summary').click();
    expect(await audit(page), 'order feedback with receipts').toEqual([]);
  });
}
