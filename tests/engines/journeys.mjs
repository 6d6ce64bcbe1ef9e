// The learner's journeys, written once and run in every engine (chromium.test.mjs,
// firefox.test.mjs and webkit.test.mjs each call `journeys(engine)`). Each journey gets a new
// browser session, so it starts with empty storage and no service worker, as a first visit.
import assert from 'node:assert/strict';
import { cp, mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { By } from 'selenium-webdriver';
import {
  backupKey,
  controlledByWorkerInPage,
  deck,
  deckAddress,
  decks,
  isOrder,
  PUBLIC_URL,
  rightChoicesOf,
  serve,
  storageKey,
} from '../e2e/shared.mjs';
import { BASE_PORT, startBrowser } from './browsers.mjs';
import { Key, QuizPage } from './quiz-page.mjs';

const total = deck.questions.length;
const ARTEFACTS = 'test-results/engines';
const PHONE = { width: 390, height: 844 };
const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 ' +
  '(KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1';

/**
 * Serves `dir` on `port` for one journey (`flags`: serve.mjs's); `stop()` takes the site off
 * the network.
 */
async function site(dir, port, flags = []) {
  const server = await serve(dir, port, PUBLIC_URL, flags);
  const url = `http://127.0.0.1:${port}${PUBLIC_URL}`;
  return {
    url,
    async stop() {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill();
      await exited;
      // Really gone: a request now fails, so whatever loads next comes from the worker.
      await assert.rejects(fetch(url));
    },
  };
}

async function controlledByWorker(quiz) {
  await quiz.driver.executeAsyncScript(
    `const done = arguments[arguments.length - 1];
     (${controlledByWorkerInPage})().then(() => done(true), (problem) => done(String(problem)));`,
  );
  assert.equal(await quiz.run(() => Boolean(navigator.serviceWorker.controller)), true);
}

/** What the engine answers about persistent storage (for the report; the app copes with all). */
function storageAnswers(quiz) {
  return quiz.driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    if (!navigator.storage) return done('navigator.storage is absent');
    navigator.storage.persisted().then((persisted) => done('persisted() = ' + persisted),
      (problem) => done('persisted() rejects: ' + problem));`);
}

export function journeys(engine) {
  const port = BASE_PORT[engine];

  describe(engine, () => {
    let server;
    before(async () => {
      server = await serve('dist', port, PUBLIC_URL);
    });
    after(() => server?.kill());

    /** One journey: a fresh browser session, and no console error by its end. */
    const journey = (name, body, browserOptions) =>
      it(name, { timeout: 240_000 }, async (t) => {
        const driver = await startBrowser(engine, browserOptions);
        try {
          const quiz = new QuizPage(driver, `http://127.0.0.1:${port}${PUBLIC_URL}`);
          await body(quiz, t);
          assert.deepEqual(await quiz.allErrors(), [], 'console errors and uncaught exceptions');
        } finally {
          await driver.quit();
        }
      });

    journey('a whole round with reloads mid-question, after checking and on the start screen', async (quiz, t) => {
      await quiz.open();
      await quiz.waitForHeading(deck.title);
      await quiz.waitForText('main', `${total} questions in ${deck.topics.length} topics`);
      const status = await quiz.waitForText('[data-testid=storage-status]', /^Storage: /);
      assert.match(status, /^Storage: (persistent|may be cleared by the browser)/);
      // Only Safari on Apple's systems deletes data after 7 days; none of these engines is that.
      assert.doesNotMatch(status, /Safari/);
      t.diagnostic(`storage line: ${status}`);
      t.diagnostic(`navigator.storage: ${await storageAnswers(quiz)}`);
      const installPrompt = await quiz.run(() => 'onbeforeinstallprompt' in window);
      t.diagnostic(`beforeinstallprompt: ${installPrompt ? 'supported' : 'absent'} (the app does not use it)`);
      const badge = await quiz.run(() => 'setAppBadge' in navigator);
      t.diagnostic(`app badge: navigator.setAppBadge ${badge ? 'present (set while reviews are due)' : 'absent (no badge)'}`);
      assert.equal(await quiz.storedProgress(), null, 'opening the app writes nothing');
      await quiz.clickButton('Start');
      await quiz.waitForHeading(`Question 1 of ${total}`);
      const { app, schema, deck: deckId } = await quiz.storedProgress();
      assert.deepEqual({ app, schema, deckId }, { app: 'quizdeck', schema: 4, deckId: deck.id });

      // Wrong on every fifth question, with the hint on every seventh (and on the second).
      const plan = deck.questions.map((_, index) => index % 5 !== 4);
      const missed = [];
      for (const [index, right] of plan.entries()) {
        await quiz.waitForHeading(`Question ${index + 1} of ${total}`);
        const q = await quiz.currentQuestion();
        let feedback;
        if (index === 1) {
          // Mid-question: the hint and a choice survive a reload, in the same option order.
          await quiz.showHint();
          const [pick, ...others] = rightChoicesOf(q);
          await quiz.choose(pick);
          const order = await quiz.choiceOrder();
          await quiz.reload();
          await quiz.waitForHeading(`Question 2 of ${total}`);
          assert.deepEqual(await quiz.choiceOrder(), order);
          assert.deepEqual(await quiz.checkedChoices(), [pick]);
          assert.equal(await quiz.count('aside.hint'), 1);
          for (const other of others) await quiz.choose(other);
          feedback = await quiz.check('Correct (with the hint)');
          // After checking: the same feedback, with focus on it, after another reload.
          await quiz.reload();
          await quiz.until('the same feedback after the reload', async () => (await quiz.feedbackText()) === feedback);
          await quiz.waitForFocus('[data-testid=feedback]');
          assert.deepEqual(await quiz.choiceOrder(), order);
          await quiz.next();
          continue;
        }
        await quiz.answer(right, { hint: index % 7 === 3 });
        await quiz.waitForFocus('[data-testid=feedback]');
        await quiz.waitForText('[data-testid=announcer]', right ? 'Correct.' : 'Incorrect.');
        feedback = await quiz.feedbackText();
        if (!right && isOrder(q)) {
          missed.push(q);
          assert.match(feedback, /Your order/);
          assert.match(feedback, /Right order/);
        } else if (!right) {
          missed.push(q);
          assert.match(feedback, /Your answer/);
          assert.match(feedback, /Right answer/);
          const chosen = q.choice.find((choice) => !rightChoicesOf(q).includes(choice.id));
          const firstWords = chosen.why.replace(/[`*]/g, '').split(' ').slice(0, 4).join(' ');
          const reason = Array.isArray(q.answer) ? '.choice.wrong .choice-reason' : '[data-testid=feedback] .reason';
          await quiz.waitForText(reason, firstWords);
        }
        assert.notEqual(await quiz.textOf('[data-testid=feedback] .explanation'), '');
        if (index === 5) {
          // Home (the library, which offers to continue) and into the deck and back to the
          // question, with a reload on the deck's start screen in between.
          await quiz.clickNavigation('Home');
          await quiz.waitForHeading('Decks');
          await quiz.waitForButtonLabelled(`Continue ${deck.title}`);
          await quiz.openDeckFromLibrary();
          await quiz.waitForText('main', `Round in progress (the whole deck): question ${index + 1} of ${total}.`);
          await quiz.reload();
          await quiz.clickButton('Continue');
          await quiz.until('the feedback again', async () => (await quiz.feedbackText()) === feedback);
        }
        await quiz.next();
      }

      const score = plan.filter(Boolean).length;
      await quiz.waitForText('[data-testid=score]', `You got ${score} of ${total} right.`);
      assert.equal(await quiz.count('.missed'), missed.length);
      await quiz.clickButton('Retry missed questions');
      for (const [index, q] of missed.entries()) {
        await quiz.waitForHeading(`Question ${index + 1} of ${missed.length}`);
        assert.equal((await quiz.currentQuestion()).id, q.id);
        await quiz.answer(true);
        await quiz.next();
      }
      await quiz.waitForHeading('Retry complete');
      await quiz.waitForText('[data-testid=score]', `You got ${missed.length} of ${missed.length} right.`);
      assert.equal(await quiz.count('.missed'), 0);

      await quiz.toDeckStart();
      await quiz.waitForText(
        '[data-testid=done-so-far]',
        `You have answered ${total} of ${total} questions; ${total} were right the last time you answered them.`,
      );
    });

    journey('a whole round by keyboard only', async (quiz) => {
      await quiz.open();
      await quiz.tabTo({ button: 'Start' });
      await quiz.press(Key.ENTER);
      await quiz.waitForFocus('main h1');

      // First question: Tab into the options, an arrow to the next option, Enter to check.
      await quiz.press(Key.TAB);
      await quiz.waitForFocus('fieldset.choices input');
      await quiz.press(Key.ARROW_DOWN);
      const second = (await quiz.choiceOrder())[1];
      await quiz.until('the second option ticked', async () => (await quiz.checkedChoices()).includes(second));
      await quiz.press(Key.ENTER);
      await quiz.waitForFocus('[data-testid=feedback]');
      await quiz.press(Key.ENTER);

      // The rest: H for the hint, a digit per option, Enter to check and Enter to go on.
      for (let number = 2; number <= total; number++) {
        await quiz.waitForHeading(`Question ${number} of ${total}`);
        await quiz.waitForFocus('main h1');
        await quiz.press('h');
        await quiz.until('the hint', () => quiz.count('aside.hint'));
        const q = await quiz.currentQuestion();
        if (isOrder(q)) {
          // Events go up with their Move up buttons, reached with Tab; then Tab to Check. The
          // focus stays on the button pressed, so each Tab goes forward (Firefox under
          // WebDriver ignores Enter on a button reached by tabbing round the page's end).
          for (const [place, id] of rightChoicesOf(q).entries()) {
            const up = `main li.order-item:has(#order-${id}) .order-moves button:first-child`;
            while ((await quiz.arrangement()).indexOf(id) > place) {
              const before = (await quiz.arrangement()).indexOf(id);
              if (!(await quiz.hasFocus(up))) await quiz.tabTo({ selector: up }, 40);
              await quiz.press(Key.ENTER);
              await quiz.until(`${id} to move up`, async () => (await quiz.arrangement()).indexOf(id) === before - 1);
              // The row moved in the page, which can drop the focus; the app gives it back to
              // the event in the next frame. Tabbing before that could wrap round the page's
              // end (see above) and leave the next Enter ignored.
              await quiz.until(`the focus back on ${id}`, () => quiz.count(`main li.order-item:has(#order-${id}) .order-moves button:focus`));
            }
          }
          await quiz.tabTo({ button: 'Check' }, 40);
        } else {
          const order = await quiz.choiceOrder();
          for (const id of rightChoicesOf(q)) {
            await quiz.press(String(order.indexOf(id) + 1));
            await quiz.until(`option ${id} ticked`, async () => (await quiz.checkedChoices()).includes(id));
          }
        }
        await quiz.press(Key.ENTER);
        await quiz.waitForFocus('[data-testid=feedback]');
        await quiz.waitForText('[data-testid=feedback]', 'Correct (with the hint)');
        await quiz.press(Key.ENTER);
      }
      await quiz.waitForHeading('Round complete');
      await quiz.waitForFocus('main h1');
      const score = await quiz.waitForText('[data-testid=score]', `of ${total} right.`);

      // The summary's buttons are reached with Tab and act on Enter.
      const target = score.includes(`${total} of ${total}`) ? 'Start over' : 'Retry missed questions';
      await quiz.tabTo({ button: target }, 40);
      await quiz.press(Key.ENTER);
      await quiz.waitForHeading(/^Question 1 of/);
      await quiz.waitForFocus('main h1');

      // "?" lists the shortcuts and Escape closes the list. Last: once the list has closed,
      // Firefox's next Tab starts from where the dialog sits, near the page's end, and under
      // WebDriver a button reached by tabbing out of the page and back ignores Enter.
      await quiz.press('?');
      await quiz.until('the shortcuts dialog', () => quiz.run(() => document.querySelector('dialog.shortcuts')?.open));
      assert.match(await quiz.textOf('dialog.shortcuts'), /Show the hint/);
      await quiz.press(Key.ESCAPE);
      await quiz.until('the shortcuts dialog to close', () => quiz.run(() => !document.querySelector('dialog.shortcuts')?.open));
    });

    journey('a corrupt saved value is kept aside and the learner is told', async (quiz) => {
      const corrupt = '{"app":"quizdeck","schema":1,"deck":"django-async","pro';
      await quiz.open();
      await quiz.run((key, value) => localStorage.setItem(key, value), storageKey, corrupt);
      await quiz.open();
      await quiz.waitForText('[data-testid=load-notice]', 'could not be read (it is not valid data)');
      await quiz.waitForText('[data-testid=load-notice]', backupKey);
      assert.equal(await quiz.stored(backupKey), corrupt);
      await quiz.clickButton('Start');
      await quiz.answer(true);
      await quiz.reload();
      await quiz.waitForText('[data-testid=feedback]', 'Correct');
      assert.equal(await quiz.count('[data-testid=load-notice]'), 0);
      // The kept-aside value is still there, untouched.
      assert.equal(await quiz.stored(backupKey), corrupt);
    });

    journey('Back, Forward and a link to a screen work as on any site', async (quiz) => {
      // The bare address is the library: a card per deck, no Stats (that is a deck's own).
      await quiz.open(quiz.url);
      await quiz.waitForHeading('Decks');
      assert.deepEqual(
        (await quiz.deckTitles()).sort(),
        Object.values(decks).map(({ title }) => title).sort(),
      );
      assert.deepEqual(await quiz.navigationLinks(), ['Home', 'Settings']);
      // A card's link goes into its deck, at the deck's own address; Back returns to the library.
      await quiz.openDeckFromLibrary(deck.title);
      await quiz.waitForAddress(quiz.deckUrl);
      await quiz.waitForText('main', `${total} questions in ${deck.topics.length} topics`);
      assert.deepEqual(await quiz.navigationLinks(), ['Home', 'Stats', 'Settings']);
      await quiz.back();
      await quiz.waitForHeading('Decks');
      await quiz.waitForAddress(quiz.url);
      await quiz.forward();
      await quiz.waitForHeading(deck.title);
      await quiz.waitForAddress(quiz.deckUrl);
      await quiz.clickButton('Start');
      for (const [index, right] of [true, false].entries()) {
        await quiz.waitForHeading(`Question ${index + 1} of ${total}`);
        await quiz.answer(right);
        await quiz.next();
      }
      await quiz.waitForHeading(`Question 3 of ${total}`);
      // Checking and Next added no history entries: one Back is the start screen.
      await quiz.back();
      await quiz.waitForHeading(deck.title);
      await quiz.waitForAddress(quiz.deckUrl);
      await quiz.waitForText('.round-status', `Round in progress (the whole deck): question 3 of ${total}.`, 'the round status');
      // One more Back is the library, which offers to continue the round.
      await quiz.back();
      await quiz.waitForHeading('Decks');
      await quiz.waitForButtonLabelled(`Continue ${deck.title}`);
      await quiz.forward();
      await quiz.waitForHeading(deck.title);
      await quiz.forward();
      await quiz.waitForHeading(`Question 3 of ${total}`);
      await quiz.clickNavigation('Stats');
      await quiz.waitForHeading('Stats');
      await quiz.back();
      await quiz.waitForHeading(`Question 3 of ${total}`);
      // The stats' own address, typed or opened from a shortcut, then reloaded.
      await quiz.open(`${quiz.deckUrl}/stats`);
      await quiz.waitForHeading('Stats');
      await quiz.reload();
      await quiz.waitForHeading('Stats');
    });

    journey('a round begun from its summary takes the summary\'s place: Back is the start screen', async (quiz) => {
      const topic = deck.topics[1];
      const size = deck.questions.filter((q) => q.topic === topic.id).length;
      await quiz.open(quiz.deckUrl);
      await quiz.waitForHeading(deck.title);
      await quiz.click(quiz.buttonLabelled(`Take topic: ${topic.title}`));
      await quiz.waitForHeading(`Question 1 of ${size}`);
      await quiz.answer(false);
      await quiz.next();
      await quiz.finishRound();
      await quiz.waitForHeading('Round complete');
      await quiz.clickButton('Retry missed questions');
      await quiz.waitForHeading('Question 1 of 1');
      await quiz.waitForAddress(`${quiz.deckUrl}/missed`);
      await quiz.back();
      await quiz.waitForHeading(deck.title);
      await quiz.waitForAddress(quiz.deckUrl);
      await quiz.forward();
      await quiz.waitForHeading('Question 1 of 1');
      await quiz.finishRound();
      await quiz.waitForHeading('Retry complete');
      await quiz.back();
      await quiz.waitForHeading(deck.title);
    });

    journey('offline after the first visit: the app comes back from the service worker', async (quiz) => {
      const own = await site('dist', port + 1);
      const deckUrl = `${own.url}${deckAddress}`;
      try {
        await quiz.open(deckUrl);
        await controlledByWorker(quiz);
      } finally {
        await own.stop();
      }
      // Opening the address again (not the reload button: Firefox's WebDriver refresh skips the
      // worker, as Shift+Reload does), with no server to answer.
      await quiz.open(deckUrl);
      await quiz.waitForHeading(deck.title);
      await quiz.clickButton('Start');
      await quiz.waitForHeading(`Question 1 of ${total}`);
      await quiz.answer(true);
      assert.equal((await quiz.storedProgress()).progress.history.length, 1);
      // The bare address (the home-screen icon's), offline too, brings the learner back to it.
      await quiz.open(own.url);
      await quiz.waitForText('[data-testid=feedback]', 'Correct');
      await quiz.next();
      await quiz.waitForHeading(`Question 2 of ${total}`);
      await quiz.answer(false);
      assert.equal((await quiz.storedProgress()).progress.history.length, 2);
    });

    journey('a new learner answers the first question while the app is still on its way', async (quiz) => {
      const slow = await site('dist', port + 1, ['--hold-wasm']);
      try {
        // Not driver.get: it waits for the page's load, which the held wasm's preload delays.
        await quiz.run((url) => {
          location.href = url;
        }, slow.url);
        // index.html's first screen is the library, with every deck's card.
        await quiz.waitForText('.first-visit h1', 'Decks');
        await quiz.installErrorGuard();
        for (const { title } of Object.values(decks)) await quiz.waitForText('.first-visit', title);
        await quiz.click(quiz.buttonLabelled(`Start ${deck.title}`));
        // That deck's first question, and only it, is shown: the page object acts on it.
        quiz.beforeTheApp(deck.id);
        await quiz.waitForText(quiz.inScope('h1'), `Question 1 of ${total}`);
        await quiz.waitForFocus(quiz.inScope('h1'));
        assert.equal(await quiz.count('div.first-question'), 1);
        const first = await quiz.currentQuestion();
        for (const id of rightChoicesOf(first)) await quiz.choose(id);
        await quiz.clickButton('Check');
        await quiz.waitForText('#boot', 'Checking your answer as soon as the quiz has loaded…');
        assert.equal(await quiz.count('[data-testid=feedback]'), 0);

        await fetch(`${slow.url}__release-wasm`);
        await quiz.waitForApp();
        await quiz.waitForText('[data-testid=feedback]', 'Correct');
        await quiz.waitForFocus('[data-testid=feedback]');
        const { history } = (await quiz.storedProgress()).progress;
        assert.deepEqual(
          history.map((attempt) => [attempt.question_id, attempt.correct]),
          [[first.id, true]],
        );
      } finally {
        await slow.stop();
      }
    });

    journey('on a phone-sized viewport (390 × 844): fits, 44 px targets, a few questions', async (quiz) => {
      // Desktop windows do not get that narrow (headless Firefox stops at 500 px, MiniBrowser
      // at about 450), so the app runs in a 390 × 844 frame of its own origin: its viewport,
      // media queries and layout are a phone's in every engine alike.
      const dir = await mkdtemp(join(tmpdir(), `quizdeck-phone-${engine}-`));
      await cp('dist', dir, { recursive: true });
      await writeFile(
        join(dir, 'phone.html'),
        `<!doctype html><meta charset="utf-8"><title>phone</title>
<style>body{margin:0}iframe{border:0;display:block;width:${PHONE.width}px;height:${PHONE.height}px}</style>
<iframe title="quizdeck on a phone" src="./"></iframe>\n`,
      );
      const own = await site(dir, port + 2);
      try {
        await quiz.driver.get(`${own.url}phone.html`);
        const frame = await quiz.driver.findElement(By.css('iframe'));
        await quiz.driver.switchTo().frame(frame);
        await quiz.waitForApp();
        assert.deepEqual(await quiz.run(() => [innerWidth, innerHeight]), [PHONE.width, PHONE.height]);
        const fits = async (screen) => {
          assert.equal(await quiz.fitsWidth(), true, `${screen} fits ${PHONE.width} px`);
          assert.deepEqual(await quiz.smallTargets(), [], `${screen}: targets under 44 px`);
        };
        // The bare address, the library, first; then the deck from its card.
        await quiz.waitForHeading('Decks');
        await fits('library');
        await quiz.openDeckFromLibrary();
        await fits('start');
        await quiz.clickButton('Start');
        for (let index = 0; index < 3; index++) {
          await quiz.waitForHeading(`Question ${index + 1} of ${total}`);
          await fits(`question ${index + 1}`);
          const q = await quiz.currentQuestion();
          for (const id of rightChoicesOf(q)) {
            // The whole option is the target, as a finger finds it.
            await quiz.click(By.css(`fieldset.choices label:has(input[value="${id}"])`));
          }
          await quiz.check('Correct');
          await fits(`feedback ${index + 1}`);
          if (index === 2) {
            await quiz.driver.switchTo().defaultContent();
            const png = await (await quiz.driver.findElement(By.css('iframe'))).takeScreenshot();
            await mkdir(ARTEFACTS, { recursive: true });
            await writeFile(join(ARTEFACTS, `phone-feedback-${engine}.png`), png, 'base64');
            await quiz.driver.switchTo().frame(await quiz.driver.findElement(By.css('iframe')));
          }
          await quiz.next();
        }
        await quiz.waitForHeading(`Question 4 of ${total}`);
      } finally {
        await own.stop().catch(() => {});
        await rm(dir, { recursive: true, force: true });
      }
    });

    journey(
      'with an iPhone\'s user agent: Safari\'s 7-day deletion and Add to Home Screen are explained',
      async (quiz) => {
        await quiz.open();
        const status = await quiz.waitForText('[data-testid=storage-status]', 'after 7 days without a visit');
        assert.match(status, /Add to Home Screen/);
        assert.match(status, /Share/);
      },
      { userAgent: IPHONE_SAFARI },
    );
  });
}
