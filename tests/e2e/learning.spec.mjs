// Learning beyond one pass: topics, spaced-repetition review on a controlled clock,
// settings, export/import, and two tabs at once.
import { readFile } from 'node:fs/promises';
import { test, expect, DAY_MS, deck, decks, deckAddress, storageKey, attemptsIn } from './support.mjs';

const T0 = new Date('2026-03-02T09:00:00Z');

test('a topic round asks only that topic', async ({ quiz, page }) => {
  const topic = deck.topics[1];
  const size = deck.questions.filter((q) => q.topic === topic.id).length;
  await quiz.open();
  await page.getByRole('button', { name: `Take topic: ${topic.title}` }).click();
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${size}`);
  await quiz.finishRound();
  await expect(quiz.score).toHaveText(`You got ${size} of ${size} right.`);
});

test('missed questions come back for review when they are due', async ({ quiz, page }) => {
  await page.clock.install({ time: T0 });
  await quiz.open();
  await expect(page.getByTestId('due')).toContainText('come back here');
  await quiz.button('Start').click();
  await quiz.answer(false);
  await quiz.next();
  await quiz.answer(true);
  await quiz.toDeckStart();
  await expect(page.getByTestId('due')).toHaveText('Nothing is due for review right now.');

  await page.clock.setSystemTime(T0.getTime() + 2 * DAY_MS);
  await page.reload();
  await expect(page.getByTestId('due')).toHaveText('1 question is due for review.');
  await quiz.button('Review').click();
  // The whole deck's round is still under way, so the review asks before it ends it.
  await quiz.button('Start the review').click();
  await expect(quiz.questionHeading).toHaveText('Question 1 of 1');
  await quiz.answer(true);
  await quiz.next();
  await expect(page.getByRole('heading', { name: 'Review complete' })).toBeVisible();

  await quiz.navigation('Stats').click();
  await expect(page.getByTestId('streak')).toHaveText('1 day');
});

/** At T0 on Playwright's clock, answers the first question wrongly, then opens `screen`. */
async function missOneThenOpen(quiz, page, screen) {
  await page.clock.install({ time: T0 });
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(false);
  if (screen === 'Home') await quiz.toDeckStart();
  else await quiz.navigation(screen).click();
}

test('a start screen left open shows what falls due, without a reload or a click', async ({ quiz, page }) => {
  await missOneThenOpen(quiz, page, 'Home');
  await expect(page.getByTestId('due')).toHaveText('Nothing is due for review right now.');
  // Two days pass with the page open (fastForward fires the app's minute timer once).
  await page.clock.fastForward(2 * DAY_MS);
  await expect(page.getByTestId('due')).toHaveText('1 question is due for review.');
});

test('a stats page left open moves on with the days: streak and due counts', async ({ quiz, page }) => {
  await missOneThenOpen(quiz, page, 'Stats');
  await expect(page.getByTestId('streak')).toHaveText('1 day');
  await expect(page.getByTestId('due-now')).toHaveText('0');
  await page.clock.fastForward(2 * DAY_MS);
  await expect(page.getByTestId('due-now')).toHaveText('1');
  await expect(page.getByTestId('streak')).toHaveText('0 days');
});

test("the installed app's icon shows how many reviews are due, cleared when none is", async ({ quiz, page }) => {
  // The Badging API, recorded: Chromium only has it for installed apps.
  await page.addInitScript(() => {
    window.badge = [];
    navigator.setAppBadge = (count) => (window.badge.push(count), Promise.resolve());
    navigator.clearAppBadge = () => (window.badge.push('cleared'), Promise.resolve());
  });
  const badge = () => page.evaluate(() => window.badge.at(-1));
  await missOneThenOpen(quiz, page, 'Home');
  await expect.poll(badge).toBe('cleared');
  await page.clock.fastForward(2 * DAY_MS);
  await expect.poll(badge).toBe(1);
  await quiz.button('Review').click();
  await quiz.button('Start the review').click();
  await quiz.answer(true);
  await expect.poll(badge).toBe('cleared');
  // Set when the count changes, not at every action.
  expect(await page.evaluate(() => window.badge)).toEqual(['cleared', 1, 'cleared']);
});

test('the theme setting is applied and kept', async ({ quiz, page }) => {
  await quiz.open();
  await quiz.navigation('Settings').click();
  await page.getByLabel('Dark').check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByLabel('Same as the system').check();
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
});

test('Reset forgets the deck the learner came from, or every deck when asked', async ({ quiz, page }) => {
  const other = decks['asyncio-basics'];
  for (const each of [deck, other]) {
    await quiz.open(`deck/${each.id}`);
    await quiz.button('Start').click();
    await quiz.answer(true);
  }
  const stored = async (id) =>
    attemptsIn((await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), `quizdeck:${id}:progress`)).progress).length;
  expect(await stored(deck.id)).toBe(1);
  expect(await stored(other.id)).toBe(1);

  // Settings from the asyncio deck's question: the reset means that deck unless told otherwise.
  await quiz.navigation('Settings').click();
  await quiz.button('Reset progress…').click();
  const confirm = page.getByRole('dialog', { name: 'Reset progress?' });
  const scope = confirm.getByRole('group', { name: 'Forget the progress on' });
  await expect(scope.getByRole('radio', { name: other.title })).toBeChecked();
  await expect(confirm).toContainText('the other decks keep theirs');
  await confirm.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByTestId('transfer-message')).toHaveText(`Your progress on ${other.title} was reset.`);
  await expect.poll(() => stored(other.id)).toBe(0);
  expect(await stored(deck.id)).toBe(1);

  await quiz.button('Reset progress…').click();
  await scope.getByRole('radio', { name: 'Every deck' }).check();
  await expect(confirm).toContainText('in every deck will be forgotten');
  await confirm.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('transfer-message')).toHaveText('Your progress on every deck was reset.');
  await expect.poll(() => stored(deck.id)).toBe(0);
});

test('export, reset, import: progress comes back, and a bad file changes nothing', async ({ quiz, page, browser }, testInfo) => {
  await quiz.open();
  await quiz.button('Start').click();
  for (const right of [true, false, true]) {
    await quiz.answer(right);
    await quiz.next();
  }
  await quiz.navigation('Settings').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    quiz.button('Export progress').click(),
  ]);
  const exported = testInfo.outputPath('progress.json');
  await download.saveAs(exported);
  const file = JSON.parse(await readFile(exported, 'utf8'));
  // One file holds every deck.
  expect(file).toMatchObject({ app: 'quizdeck', schema: 4 });
  expect(file.exported_at).toBeGreaterThan(0);
  expect(file.decks.map((entry) => entry.deck).sort()).toEqual(Object.keys(decks).sort());
  const historyOf = (id) => attemptsIn(file.decks.find((entry) => entry.deck === id).progress);
  expect(historyOf(deck.id)).toHaveLength(3);
  expect(historyOf('asyncio-basics')).toHaveLength(0);

  // The file re-imports in a fresh profile to the same stats.
  await quiz.navigation('Stats').click();
  const stats = await page.locator('.stats table').first().innerText();
  const fresh = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const elsewhere = await fresh.newPage();
  await elsewhere.goto(deckAddress);
  await elsewhere.getByRole('navigation').getByRole('link', { name: 'Settings' }).click();
  await elsewhere.getByLabel('Import progress').setInputFiles(exported);
  await expect(elsewhere.getByTestId('transfer-message')).toHaveText(
    `Imported: ${decks['asyncio-basics'].title}: 0 questions updated, 0 added; ${deck.title}: 0 questions updated, 3 added. Your own answers were kept.`,
  );
  await elsewhere.getByRole('navigation').getByRole('link', { name: 'Stats' }).click();
  await expect.poll(() => elsewhere.locator('.stats table').first().innerText()).toBe(stats);
  await fresh.close();
  await quiz.navigation('Settings').click();

  await quiz.button('Reset progress…').click();
  const confirm = page.getByRole('dialog', { name: 'Reset progress?' });
  await confirm.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(confirm).toBeHidden();
  await expect.poll(async () => (await quiz.storedProgress()).progress.history.length).toBe(0);

  const picker = page.getByLabel('Import progress');
  await picker.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(page.getByTestId('transfer-message')).toHaveText(
    'Nothing was imported: the file is not a quizdeck progress file (not JSON). Your progress is unchanged.',
  );
  await picker.setInputFiles({
    name: 'other.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...file, decks: file.decks.map((entry, n) => ({ ...entry, deck: `rust-${n}` })) })),
  });
  await expect(page.getByTestId('transfer-message')).toContainText(
    'the file holds progress on decks this app does not have (rust-0, rust-1)',
  );
  await picker.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(1024 * 1024 + 1, ' ') });
  await expect(page.getByTestId('transfer-message')).toContainText('more than a progress file can be');
  expect((await quiz.storedProgress()).progress.history).toHaveLength(0);

  await picker.setInputFiles(exported);
  await expect(page.getByTestId('transfer-message')).toHaveText(
    `Imported: ${decks['asyncio-basics'].title}: 0 questions updated, 0 added; ${deck.title}: 0 questions updated, 3 added. Your own answers were kept.`,
  );
  await expect.poll(async () => (await quiz.storedProgress()).progress.history.length).toBe(3);
  await quiz.open();
  await expect(page.getByTestId('done-so-far')).toContainText(`You have answered 3 of ${deck.questions.length}`);

  // A file saved (by schema 3) before the deck reworded a question it answers, with an answer
  // to it given elsewhere: that answer is kept but not counted, and the message says so.
  const asSchema3 = (entry) => ({ ...entry, progress: { ...entry.progress, history: attemptsIn(entry.progress) } });
  const reworded = attemptsIn(file.decks.find((entry) => entry.deck === deck.id).progress)[0].question_id;
  const beforeRewording = {
    ...file,
    schema: 3,
    decks: file.decks.map(asSchema3).map((entry) =>
      entry.deck === deck.id
        ? {
            ...entry,
            deck_hash: 'the-deck-before-the-rewording',
            progress: {
              ...entry.progress,
              history: entry.progress.history.map((attempt) =>
                attempt.question_id === reworded
                  ? { ...attempt, question_hash: 'an-earlier-wording', answered_at: attempt.answered_at - DAY_MS }
                  : attempt,
              ),
            },
          }
        : entry,
    ),
  };
  await quiz.navigation('Settings').click();
  await page.getByLabel('Import progress').setInputFiles({
    name: 'before-rewording.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(beforeRewording)),
  });
  await expect(page.getByTestId('transfer-message')).toHaveText(
    `Imported: ${decks['asyncio-basics'].title}: 0 questions updated, 0 added; ${deck.title}: 0 questions updated, 0 added, 1 not counted: it changed since it was answered. Your own answers were kept.`,
  );
  await expect.poll(async () => attemptsIn((await quiz.storedProgress()).progress).length).toBe(4);
  await quiz.open();
  await expect(page.getByTestId('done-so-far')).toContainText(`You have answered 3 of ${deck.questions.length}`);
});

test('two tabs answering in turn never lose an answer', async ({ context, quiz, page }) => {
  await quiz.open();
  await quiz.button('Start').click();
  const other = await context.newPage();
  const { QuizPage } = await import('./support.mjs');
  const second = new QuizPage(other);
  await second.open('./'); // the bare address lands on the round the first tab saved
  await expect(second.questionHeading).toHaveText(/^Question 1 of/);

  // Interleaved: each tab answers the question it shows.
  for (let turn = 0; turn < 4; turn++) {
    const tab = turn % 2 === 0 ? quiz : second;
    await tab.answer(turn !== 2);
    await tab.next();
  }
  await expect
    .poll(async () => (await quiz.storedProgress()).progress.history.length)
    .toBe(4);
  const stored = await other.evaluate((key) => JSON.parse(localStorage.getItem(key)), storageKey);
  expect(attemptsIn(stored.progress)).toHaveLength(4);
  await quiz.toDeckStart();
  await expect(page.getByTestId('done-so-far')).toContainText('You have answered');
});
