// Two tabs of the quiz at once, each going its own way: every answer either tab checks is
// saved, whatever the order, and a tab that was reloaded or left behind catches up.
// (learning.spec.mjs has the simple case: two tabs taking turns in one round.)
import { test, expect, deck, storageKey, QuizPage, consoleErrorsOf, attemptsIn } from './support.mjs';

const total = deck.questions.length;

/** A second tab in the same browser, with the same console-error guard as the first. */
/** A second tab opened at the app's bare address: on the screen the first tab left saved. */
async function secondTab(context) {
  const page = await context.newPage();
  const problems = consoleErrorsOf(page);
  const quiz = new QuizPage(page);
  await quiz.open('./');
  return { page, quiz, problems };
}

/** Answers the question on screen; returns the answer as `<question id>+` (right) or `-`. */
async function answer(quiz, right) {
  const q = await quiz.answer(right);
  return `${q.id}${right ? '+' : '-'}`;
}

const storedAnswers = async (page) =>
  attemptsIn(await page.evaluate((key) => JSON.parse(localStorage.getItem(key)).progress, storageKey)).map(
    (attempt) => `${attempt.question_id}${attempt.correct ? '+' : '-'}`,
  );

const sorted = (list) => [...list].sort();

test('two tabs in different rounds, answering interleaved, reloading: every answer is saved', async ({
  quiz,
  page,
  context,
}) => {
  await quiz.open();
  const other = await secondTab(context); // opened before anything was done: a stale tab
  await quiz.button('Start').click();
  const topic = deck.topics[2];
  await other.page.getByRole('button', { name: `Take topic: ${topic.title}` }).click();
  await expect(other.quiz.questionHeading).toHaveText(/^Question 1 of \d+$/);

  const made = [];
  for (let turn = 0; turn < 8; turn++) {
    const tab = turn % 2 === 0 ? quiz : other.quiz;
    made.push(await answer(tab, turn % 3 !== 0));
    await tab.next();
    // A reload in each tab mid-way, each after the second tab's turn: that tab's round was
    // saved last, so the first tab asks before its own kind of round begins again in its
    // place, and the second resumes.
    if (turn === 3) {
      await page.reload();
      await quiz.button('Start the whole deck').click();
    }
    if (turn === 5) await other.page.reload();
  }
  // Both check at the same moment.
  await Promise.all([
    (async () => made.push(await answer(quiz, true)))(),
    (async () => made.push(await answer(other.quiz, false)))(),
  ]);

  await expect.poll(async () => sorted(await storedAnswers(page))).toEqual(sorted(made));
  expect(sorted(await storedAnswers(other.page))).toEqual(sorted(made));

  // Each tab, on its start screen, counts every answer, including the other tab's.
  const latest = new Map(made.map((answer) => [answer.slice(0, -1), answer.endsWith('+')]));
  const right = [...latest.values()].filter(Boolean).length;
  const summary = `You have answered ${latest.size} of ${total} questions; ${right} were right the last time you answered them.`;
  for (const tab of [quiz, other.quiz]) {
    await tab.toDeckStart();
    await expect(tab.page.getByTestId('done-so-far')).toHaveText(summary);
  }
  await page.reload();
  expect(sorted(await storedAnswers(page))).toEqual(sorted(made));
  expect(other.problems, 'console errors in the second tab').toEqual([]);
});

test('"Reset progress" in one tab is not undone by another tab that still shows the old answers', async ({
  quiz,
  page,
  context,
}) => {
  await quiz.open();
  await quiz.button('Start').click();
  for (const right of [true, false, true]) {
    await answer(quiz, right);
    await quiz.next();
  }
  const other = await secondTab(context); // opens on the saved screen: question 4
  await expect(other.quiz.questionHeading).toHaveText(`Question 4 of ${total}`);

  await quiz.navigation('Settings').click();
  await quiz.button('Reset progress…').click();
  const confirm = page.getByRole('dialog', { name: 'Reset progress?' });
  await confirm.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect.poll(() => storedAnswers(page)).toEqual([]);

  // The other tab, still on question 4, answers it: that answer is kept, the reset ones stay gone.
  const kept = await answer(other.quiz, true);
  await expect.poll(() => storedAnswers(page)).toEqual([kept]);
  await page.reload();
  await quiz.toDeckStart();
  await expect(page.getByTestId('done-so-far')).toContainText(`You have answered 1 of ${total}`);
  expect(other.problems, 'console errors in the second tab').toEqual([]);
});
