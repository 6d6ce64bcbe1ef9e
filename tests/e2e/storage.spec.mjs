// Bad input from storage and a browser that will not store: the quiz keeps working, says so
// in one sentence, and never loses what was already saved.
import { test, expect, storageKey, backupKey } from './support.mjs';

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

test('progress saved by the first release (schema 1) is migrated, not lost', async ({ quiz, page }) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.next();
  const q = await quiz.currentQuestion();
  const pick = [q.answer].flat()[0];
  await quiz.radio(pick).check();
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
  await expect(quiz.questionHeading).toHaveText(/^Question 2 of/);
  await expect(quiz.radio(pick)).toBeChecked();
  await expect(quiz.loadNotice).toHaveCount(0);
  await expect.poll(async () => (await quiz.storedProgress()).schema).toBe(4);
  expect((await quiz.storedProgress()).progress.history).toEqual(current.progress.history);
});
