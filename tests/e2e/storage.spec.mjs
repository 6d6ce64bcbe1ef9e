// Bad input from storage and a browser that will not store: the quiz keeps working, says so
// in one sentence, and never loses what was already saved.
import { test, expect, storageKey, backupKey, attemptsIn } from './support.mjs';

test('a corrupt saved value is kept aside and the learner is told', async ({ quiz, page }) => {
  await page.addInitScript(
    ([key]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, '{"app":"quizdeck","schema":1,"deck":"django-async","pro');
        sessionStorage.setItem('seeded', '1');
      }
    },
    [storageKey],
  );
  await quiz.open();
  await expect(quiz.loadNotice).toContainText('could not be read (it is not valid data)');
  await expect(quiz.loadNotice).toContainText(backupKey);
  expect(await page.evaluate((key) => localStorage.getItem(key), backupKey)).toBe(
    '{"app":"quizdeck","schema":1,"deck":"django-async","pro',
  );
  await quiz.button('Start').click();
  await quiz.answer(true);
  await page.reload();
  await expect(quiz.feedback).toContainText('Correct');
  await expect(quiz.loadNotice).toHaveCount(0);
});

test('progress from a newer version is left where it is and never saved over', async ({ quiz, page }) => {
  const future = '{"app":"quizdeck","schema":99,"progress":{"whatever":true}}';
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem(key, value);
        sessionStorage.setItem('seeded', '1');
      }
    },
    [storageKey, future],
  );
  await quiz.open();
  await expect(quiz.loadNotice).toContainText('saved by a newer version of quizdeck');
  await quiz.button('Start').click();
  await quiz.answer(true);
  await expect(quiz.feedback).toContainText('Correct');
  expect(await page.evaluate((key) => localStorage.getItem(key), storageKey)).toBe(future);
  expect(await page.evaluate((key) => localStorage.getItem(key), backupKey)).toBeNull();
  await quiz.button('Dismiss').click();
  await expect(quiz.loadNotice).toHaveCount(0);
});

test('a newer version saving in another tab stops this tab saving over it', async ({ quiz, page, context }) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await expect.poll(() => page.evaluate((key) => localStorage.getItem(key), storageKey)).not.toBeNull();

  // The other tab stands for a newer quizdeck: what it saves, this version cannot read. (A
  // page of the same origin that is not the app, so only this tab runs it.)
  const future = '{"app":"quizdeck","schema":99,"progress":{"whatever":true}}';
  const other = await context.newPage();
  await other.goto(new URL('icon.svg', page.url()).href);
  await other.evaluate(([key, value]) => localStorage.setItem(key, value), [storageKey, future]);
  await other.close();

  await expect(quiz.loadNotice).toContainText('saved by a newer version of quizdeck');
  await quiz.next();
  await quiz.answer(false);
  await expect(quiz.feedback).toBeVisible();
  expect(await page.evaluate((key) => localStorage.getItem(key), storageKey)).toBe(future);
});

test('blocked storage: the quiz works in memory and says progress will not be kept', async ({ quiz, page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await quiz.open();
  await expect(quiz.saveNotice).toContainText('blocking storage');
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.next();
  await expect(quiz.questionHeading).toHaveText(/^Question 2 of/);
});

test('full storage: the learner is told, and saving resumes when there is room', async ({ quiz, page }) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.next();
  const saved = await quiz.storedProgress();

  await page.evaluate(() => {
    window.realSetItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await quiz.answer(false);
  await expect(quiz.saveNotice).toContainText('Storage is full');
  expect(await quiz.storedProgress()).toEqual(saved);

  await page.evaluate(() => {
    Storage.prototype.setItem = window.realSetItem;
  });
  await quiz.next();
  await expect(quiz.saveNotice).toHaveCount(0);
  expect((await quiz.storedProgress()).progress.history).toHaveLength(2);
});

/** Starts a round, answers its first question and picks the second's answer, unchecked, once
 * that pick is saved. Returns the pick. */
async function pickOnTheSecondQuestion(quiz) {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.next();
  const pick = [(await quiz.currentQuestion()).answer].flat()[0];
  await quiz.radio(pick).check();
  await expect.poll(async () => (await quiz.storedProgress()).progress.round.step.answering.selected).toEqual([pick]);
  return pick;
}

/** The round of `pickOnTheSecondQuestion` is back as it was, and nothing needed saying. */
async function expectResumedWith(quiz, pick) {
  await expect(quiz.questionHeading).toHaveText(/^Question 2 of/);
  await expect(quiz.radio(pick)).toBeChecked();
  await expect(quiz.loadNotice).toHaveCount(0);
}

test('progress saved by the first release (schema 1) is migrated, not lost', async ({ quiz, page }) => {
  const pick = await pickOnTheSecondQuestion(quiz);
  const current = await quiz.storedProgress();

  // Rewrite it as release 1 wrote it: one choice_id per attempt, `selected` a string.
  const v1 = structuredClone(current);
  v1.schema = 1;
  delete v1.progress.settings;
  for (const attempt of [...v1.progress.history, ...v1.progress.round.attempts]) {
    attempt.choice_id = attempt.choice_ids[0];
    delete attempt.choice_ids;
  }
  v1.progress.round.step.answering.selected = pick;
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [storageKey, JSON.stringify(v1)]);

  await page.reload();
  await expectResumedWith(quiz, pick);
  await expect.poll(async () => (await quiz.storedProgress()).schema).toBe(4);
  expect((await quiz.storedProgress()).progress.history).toEqual(current.progress.history);
});

test('a deck update that leaves the round and its answers as they were resumes it, saying nothing', async ({ quiz, page }) => {
  const pick = await pickOnTheSecondQuestion(quiz);
  const saved = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey);

  saved.deck_hash = 'a-deck-since-reworded-elsewhere';
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [storageKey, JSON.stringify(saved)]);

  await page.reload();
  await expectResumedWith(quiz, pick);
});

test('a deck update that rewords an answered question says exactly what it cost', async ({ quiz, page }) => {
  await quiz.open();
  await quiz.button('Start').click();
  const reworded = await quiz.answer(true);
  await quiz.next();
  await quiz.answer(false);
  await quiz.next();
  await expect.poll(async () => (await quiz.storedProgress()).progress.history.length).toBe(2);

  // As schema 3 wrote it, against a deck in which the first question read differently.
  const v3 = await quiz.storedProgress();
  v3.schema = 3;
  v3.deck_hash = 'the-deck-before-the-rewording';
  for (const attempt of [...v3.progress.history, ...v3.progress.round.attempts]) {
    if (attempt.question_id === reworded.id) attempt.question_hash = 'an-earlier-wording';
  }
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [storageKey, JSON.stringify(v3)]);

  await page.reload();
  await expect(quiz.loadNotice).toContainText('has been updated: your unfinished round was closed');
  await expect(quiz.loadNotice).toContainText('1 question you had answered has changed or been removed');
  await expect(quiz.loadNotice).toContainText('no longer count toward it. All your answers are kept');
  // Kept as given, the reworded question's among them: they stay days studied.
  await expect.poll(async () => attemptsIn((await quiz.storedProgress()).progress).length).toBe(2);
  // The round address opens a fresh round in place of the closed one.
  await expect(quiz.questionHeading).toHaveText(/^Question 1 of/);
});
