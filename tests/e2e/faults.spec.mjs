// What the browser does to us: a reload on every screen, storage that refuses reads or writes
// (and recovers), and the network dropping during the first visit. The quiz keeps working,
// says what is wrong in words, and never loses what was already saved. (storage.spec.mjs has
// the first cases: corrupt, future-version, blocked and full storage.)
import { test as plain } from '@playwright/test';
import { test, expect, deck, storageKey } from './support.mjs';

const total = deck.questions.length;

/** Everything a reload must give back: the page's words, the options' state, the saved value. */
function snapshot(page) {
  return page.evaluate((key) => {
    const main = document.querySelector('main');
    return {
      text: main ? main.innerText : null,
      options: [...document.querySelectorAll('fieldset.choices input')].map(
        (input) => `${input.value}:${input.checked}:${input.disabled}`,
      ),
      theme: document.documentElement.getAttribute('data-theme'),
      stored: JSON.parse(localStorage.getItem(key)),
    };
  }, storageKey);
}

async function expectReloadKeeps(page, screen) {
  const before = await snapshot(page);
  expect(before.text, `${screen}: something on screen`).toBeTruthy();
  await page.reload();
  await expect(page.locator('main')).toBeVisible();
  await expect.poll(() => snapshot(page), { message: `a reload on ${screen}` }).toEqual(before);
}

/** Counts the faults the page injects (see `inject`), across reloads. */
async function countFaults(page) {
  const faults = {};
  await page.exposeFunction('reportFault', (kind) => {
    faults[kind] = (faults[kind] ?? 0) + 1;
  });
  return faults;
}

/**
 * Makes localStorage fail on demand, across reloads: while sessionStorage holds
 * `fault:write` (an error name), every localStorage.setItem throws it; while it holds
 * `fault:read`, the next getItem of the progress key throws it (once).
 */
async function inject(page) {
  await page.addInitScript((key) => {
    const { getItem, setItem } = Storage.prototype;
    Storage.prototype.setItem = function (name, value) {
      const fault = this === window.localStorage && sessionStorage.getItem('fault:write');
      if (fault) {
        window.reportFault?.(`setItem ${fault}`);
        throw new DOMException(`injected ${fault}`, fault);
      }
      return setItem.call(this, name, value);
    };
    Storage.prototype.getItem = function (name) {
      const fault = this === window.localStorage && name === key && sessionStorage.getItem('fault:read');
      if (fault) {
        sessionStorage.removeItem('fault:read');
        window.reportFault?.(`getItem ${fault}`);
        throw new DOMException(`injected ${fault}`, fault);
      }
      return getItem.call(this, name);
    };
  }, storageKey);
}

/** A first round on a page whose storage fails on demand; returns the fault counter. */
async function startRoundWithFaultyStorage(quiz, page) {
  const faults = await countFaults(page);
  await inject(page);
  await quiz.open();
  await quiz.button('Start').click();
  return faults;
}

const setFault = (page, kind, name) =>
  page.evaluate(([kind, name]) => sessionStorage.setItem(`fault:${kind}`, name), [kind, name]);
const clearFault = (page, kind) => page.evaluate((kind) => sessionStorage.removeItem(`fault:${kind}`), kind);

test('a reload on every screen gives back that screen as it was', async ({ quiz, page }) => {
  await quiz.open();
  await expectReloadKeeps(page, 'the start screen, nothing done');

  const topic = deck.topics[0];
  const size = deck.questions.filter((q) => q.topic === topic.id).length;
  expect(size).toBeGreaterThan(1);
  await page.getByRole('button', { name: `Take topic: ${topic.title}` }).click();
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${size}`);
  await expectReloadKeeps(page, 'a question, untouched');

  await quiz.hintButton.click();
  const q = await quiz.currentQuestion();
  await quiz.radio([q.answer].flat()[0]).check();
  await expectReloadKeeps(page, 'a question with the hint and a choice');

  await quiz.checkButton.click();
  await expect(quiz.feedback).toBeVisible();
  await expectReloadKeeps(page, 'the feedback');
  await expect(quiz.feedback).toBeFocused();

  await quiz.next();
  for (let number = 2; number <= size; number++) {
    await quiz.answer(number % 2 === 0);
    if (number === size) await expectReloadKeeps(page, 'the feedback on the last question');
    await quiz.next();
  }
  await expect(quiz.score).toBeVisible();
  await expectReloadKeeps(page, 'the summary');

  await quiz.button('Retry missed questions').click();
  await quiz.answer(true);
  await quiz.next();
  await quiz.toDeckStart();
  await expect(page.getByText(/^Round in progress \(the missed questions\): question \d+ of \d+\.$/)).toBeVisible();
  await expectReloadKeeps(page, 'the start screen with a round in progress');

  await quiz.navigation('Stats').click();
  await expectReloadKeeps(page, 'the stats');
  await quiz.navigation('Settings').click();
  await page.getByLabel('Dark').check();
  await expectReloadKeeps(page, 'the settings');

  await quiz.toDeckStart();
  await quiz.button('Continue').click();
  await expect(quiz.questionHeading).toBeVisible();
  const stored = await quiz.storedProgress();
  expect(stored.progress.history.length).toBe(size + 1);
});

test('storage full, then a reload while it is still full: the last saved state comes back', async ({
  quiz,
  page,
}) => {
  const faults = await startRoundWithFaultyStorage(quiz, page);
  await quiz.answer(true);
  await quiz.next();
  const saved = await quiz.storedProgress();
  expect(saved.progress.history).toHaveLength(1);

  await setFault(page, 'write', 'QuotaExceededError');
  await quiz.answer(false);
  await expect(quiz.saveNotice).toContainText('Storage is full');
  await quiz.next();
  await quiz.hintButton.click();
  expect(await quiz.storedProgress()).toEqual(saved);

  // The learner reloads while storage is still full: what was saved before comes back whole
  // (nothing half-written, no "could not be read"), and the app still says it cannot save.
  await page.reload();
  await expect(quiz.questionHeading).toHaveText(`Question 2 of ${total}`);
  await expect(quiz.feedback).toHaveCount(0);
  await expect(quiz.loadNotice).toHaveCount(0);
  expect(await quiz.storedProgress()).toEqual(saved);
  await quiz.answer(true);
  await expect(quiz.saveNotice).toContainText('Storage is full');

  // Room again: the next change saves everything the page holds.
  await clearFault(page, 'write');
  await quiz.next();
  await expect(quiz.saveNotice).toHaveCount(0);
  await expect.poll(async () => (await quiz.storedProgress()).progress.history.length).toBe(2);
  await page.reload();
  await expect(quiz.questionHeading).toHaveText(`Question 3 of ${total}`);
  expect(faults['setItem QuotaExceededError']).toBeGreaterThanOrEqual(3);
  console.log(`faults injected (storage full): ${JSON.stringify(faults)}`);
});

test('writes denied (SecurityError on setItem) mid-round: said in words, saving resumes', async ({
  quiz,
  page,
}) => {
  const faults = await startRoundWithFaultyStorage(quiz, page);
  await quiz.answer(true);
  await setFault(page, 'write', 'SecurityError');
  await quiz.next();
  await expect(quiz.saveNotice).toContainText('blocking storage');
  await quiz.answer(true);
  await quiz.next();
  await expect(quiz.questionHeading).toHaveText(`Question 3 of ${total}`);
  expect((await quiz.storedProgress()).progress.history).toHaveLength(1);
  await clearFault(page, 'write');
  await quiz.hintButton.click();
  await expect(quiz.saveNotice).toHaveCount(0);
  expect((await quiz.storedProgress()).progress.history).toHaveLength(2);
  console.log(`faults injected (writes denied): ${JSON.stringify(faults)}`);
});

test('a read that fails once (SecurityError on getItem) does not wipe the saved progress', async ({
  quiz,
  page,
}) => {
  const faults = await startRoundWithFaultyStorage(quiz, page);
  for (const right of [true, false]) {
    await quiz.answer(right);
    await quiz.next();
  }
  const saved = await quiz.storedProgress();
  expect(saved.progress.history).toHaveLength(2);

  await setFault(page, 'read', 'SecurityError');
  await page.reload();
  await expect(page.locator('main')).toBeVisible();
  expect(faults['getItem SecurityError']).toBe(1);
  // Whatever the page shows after a failed read, the saved progress must still be there.
  expect((await quiz.storedProgress()).progress.history).toHaveLength(2);
  await page.reload();
  await quiz.toDeckStart();
  await expect(page.getByTestId('done-so-far')).toContainText(`You have answered 2 of ${total}`);
  console.log(`faults injected (read fails once): ${JSON.stringify(faults)}`);
});

plain.describe('the network during the first visit', () => {
  for (const [what, pattern] of [
    ['the WebAssembly', /_bg\.wasm$/],
    ['the JavaScript glue', /quizdeck-[0-9a-f]+\.js$/],
  ]) {
    plain(`dropping ${what}: a clear error, never a blank page or an endless "Loading"`, async ({ page }) => {
      let aborted = 0;
      await page.route(pattern, (route) => {
        aborted += 1;
        return route.abort('internetdisconnected');
      });
      await page.goto('./');
      expect(await page.locator('body').innerText()).not.toBe('');
      await expect(page.locator('body')).toContainText(
        /could not (be )?load|couldn.t load|failed to load|check (your|the) (internet )?connection|offline/i,
        { timeout: 15_000 },
      );
      await expect(page.locator('#boot')).not.toHaveText('Loading the quiz…');
      expect(aborted).toBeGreaterThan(0);
      console.log(`faults injected (network): ${aborted} request(s) aborted`);
    });
  }
});
