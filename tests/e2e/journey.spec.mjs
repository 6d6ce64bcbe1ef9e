// A learner's whole journey through the shipped deck.
import { test, expect, deck, decks, question, storageKey, isOrder, rightChoicesOf, withAttempts } from './support.mjs';

const total = deck.questions.length;

test('a whole round: feedback, summary, retry missed', async ({ quiz, page }) => {
  await quiz.open();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(deck.title);
  await expect(page.getByText(`${total} questions in ${deck.topics.length} topics`)).toBeVisible();
  await quiz.button('Start').click();

  // Wrong on every fifth question, with the hint on every seventh.
  const plan = deck.questions.map((_, index) => index % 5 !== 1);
  const missed = [];
  for (const [index, right] of plan.entries()) {
    await expect(quiz.questionHeading).toHaveText(`Question ${index + 1} of ${total}`);
    const q = await quiz.answer(right, { hint: index % 7 === 3 });
    await expect(quiz.feedback).toBeFocused();
    await expect(page.getByTestId('announcer')).toHaveText(right ? 'Correct.' : 'Incorrect.');
    if (!right && isOrder(q)) {
      missed.push(q);
      await expect(quiz.feedback).toContainText('Your order');
      await expect(quiz.feedback).toContainText('Right order');
    } else if (!right) {
      missed.push(q);
      await expect(quiz.feedback).toContainText('Your answer');
      await expect(quiz.feedback).toContainText('Right answer');
      const chosen = q.choice.find((choice) => !rightChoicesOf(q).includes(choice.id));
      const firstWords = chosen.why.replace(/[`*]/g, '').split(' ').slice(0, 4).join(' ');
      const reason = Array.isArray(q.answer) ? page.locator('.choice.wrong .choice-reason') : quiz.feedback.locator('.reason');
      await expect(reason).toContainText(firstWords);
    }
    await expect(quiz.feedback.locator('.explanation')).not.toBeEmpty();
    await quiz.next();
  }

  const score = plan.filter(Boolean).length;
  await expect(quiz.score).toHaveText(`You got ${score} of ${total} right.`);
  await expect(page.locator('.missed')).toHaveCount(missed.length);
  await quiz.button('Retry missed questions').click();
  for (const [index, q] of missed.entries()) {
    await expect(quiz.questionHeading).toHaveText(`Question ${index + 1} of ${missed.length}`);
    expect((await quiz.currentQuestion()).id).toBe(q.id);
    await quiz.answer(true);
    await quiz.next();
  }
  await expect(page.getByRole('heading', { name: 'Retry complete' })).toBeVisible();
  await expect(quiz.score).toHaveText(`You got ${missed.length} of ${missed.length} right.`);
  await expect(page.locator('.missed')).toHaveCount(0);

  await quiz.toDeckStart();
  await expect(page.getByTestId('done-so-far')).toHaveText(
    `You have answered ${total} of ${total} questions; ${total} were right the last time you answered them.`,
  );
});

test('a reload keeps the screen, option order, selection, hint and feedback', async ({ quiz, page }) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.next();

  await quiz.hintButton.click();
  const q = await quiz.currentQuestion();
  const [pick] = rightChoicesOf(q);
  await quiz.radio(pick).check();
  const order = await quiz.choiceOrder();
  await page.reload();
  await expect(quiz.questionHeading).toHaveText(`Question 2 of ${total}`);
  expect(await quiz.choiceOrder()).toEqual(order);
  await expect(quiz.radio(pick)).toBeChecked();
  await expect(quiz.hint).toBeVisible();

  for (const other of rightChoicesOf(q).slice(1)) await quiz.radio(other).check();
  await quiz.checkButton.click();
  await expect(quiz.feedback).toContainText('Correct (with the hint)');
  const feedback = await quiz.feedback.innerText();
  await page.reload();
  await expect.poll(() => quiz.feedback.innerText()).toBe(feedback);
  await expect(quiz.feedback).toBeFocused();
  expect(await quiz.choiceOrder()).toEqual(order);

  // Leaving for the start screen and coming back is also kept across a reload.
  await quiz.toDeckStart();
  await expect(page.getByText(`Round in progress (the whole deck): question 2 of ${total}.`)).toBeVisible();
  await page.reload();
  await quiz.button('Continue').click();
  await expect.poll(() => quiz.feedback.innerText()).toBe(feedback);
});

test("the seed's wrong Q4 answer is graded wrong and the corrected one right", async ({ quiz, page }) => {
  const q = question('sync-orm-in-async-view');
  // What the seed claimed (a), and what Django 5.2 really does.
  expect(q.choice.find((c) => c.id === q.answer).text).toContain('SynchronousOnlyOperation');
  expect(q.choice.find((c) => c.id === 'a').why).toContain('DJANGO_ALLOW_ASYNC_UNSAFE');

  await quiz.open();
  await quiz.button('Start').click();
  await quiz.skipTo(q.id);
  await quiz.radio('a').check(); // the seed's answer
  await quiz.checkButton.click();
  await expect(quiz.feedback).toContainText('Incorrect');
  await expect(quiz.feedback).toContainText('DJANGO_ALLOW_ASYNC_UNSAFE');
  await quiz.next();
  await quiz.finishRound();
  await quiz.button('Retry missed questions').click();
  expect((await quiz.currentQuestion()).id).toBe(q.id);
  await quiz.radio(q.answer).check();
  await quiz.checkButton.click();
  await expect(quiz.feedback).toContainText('Correct');
  await quiz.next();
  const stored = await quiz.storedProgress();
  expect(stored.progress.history.filter((a) => a.correct).length).toBe(total);
  await expect(page.getByRole('heading', { name: 'Retry complete' })).toBeVisible();
});

test('progress is saved after every action', async ({ quiz, page }) => {
  await quiz.open();
  expect(await quiz.storedProgress(), 'opening the app writes nothing').toBeNull();
  await quiz.button('Start').click();
  await quiz.hintButton.click();
  await expect.poll(async () => (await quiz.storedProgress())?.progress.round.step).toEqual({
    answering: { selected: [], hint_shown: true },
  });
  expect(await quiz.storedProgress()).toMatchObject({ app: 'quizdeck', schema: 4, deck: deck.id });
  const q = await quiz.answer(true);
  await expect.poll(async () => (await quiz.storedProgress()).progress.history.map((a) => a.question_id)).toEqual([
    q.id,
  ]);
  // The keys the app really writes: the progress of the deck answered in, named after the deck
  // file's id (the key every other test reads, storageKey, is the app's, not only the tests' own
  // idea of it), and the library's record; the decks not opened have none.
  const keys = (await page.evaluate(() => Object.keys(localStorage))).sort();
  expect(keys).toEqual([`quizdeck:${deck.id}:progress`, 'quizdeck:library'].sort());
  expect(keys).toContain(storageKey);
});

test('a whole round of the asyncio deck, kept apart from the Django deck', async ({ quiz, page }) => {
  const asyncio = decks['asyncio-basics'];
  const total = asyncio.questions.length;
  await quiz.open(`deck/${asyncio.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(asyncio.title);
  await quiz.button('Start').click();
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${total}`);
  const kinds = new Set();
  for (let index = 0; index < total; index++) {
    await expect(quiz.questionHeading).toHaveText(`Question ${index + 1} of ${total}`);
    const q = await quiz.answer(index !== 1);
    kinds.add(isOrder(q) ? 'order' : Array.isArray(q.answer) ? 'multiple' : 'single');
    expect(asyncio.questions).toContain(q);
    // What proves it: a run on plain Python, never Django.
    await expect(quiz.feedback.locator('.evidence').first()).toContainText('Python 3.11');
    await quiz.next();
  }
  expect([...kinds].sort()).toEqual(['multiple', 'order', 'single']);
  await expect(page.getByRole('heading', { level: 1, name: 'Round complete' })).toBeVisible();
  await expect(quiz.score).toHaveText(`You got ${total - 1} of ${total} right.`);
  const stored = async (key) => withAttempts(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), key));
  expect((await stored(`quizdeck:${asyncio.id}:progress`)).progress.history).toHaveLength(total);
  expect(await stored(storageKey), 'the Django deck is untouched: never written').toBeNull();
});
