// Addresses and history: every screen has an address, Back and Forward retrace the learner's
// moves (checking and Next add no entries), and an address works reloaded, in a new tab,
// offline and under the build's sub-path; the installed app's shortcuts open theirs.
import { readFileSync } from 'node:fs';
import { test, expect, deck, decks, QuizPage } from './support.mjs';
import { PUBLIC_URL, controlledByWorkerInPage } from './shared.mjs';

const total = deck.questions.length;
const topic = deck.topics[1];
const topicSize = deck.questions.filter((q) => q.topic === topic.id).length;
/** The path an address names, under the build's public URL. */
const at = (address) => new RegExp(`^http://127\\.0\\.0\\.1:\\d+${PUBLIC_URL}${address}$`);
const deckPath = `deck/${deck.id}`;

const startHeading = (page) => page.getByRole('heading', { level: 1, name: deck.title });
const libraryHeading = (page) => page.getByRole('heading', { level: 1, name: 'Decks' });
const other = decks['asyncio-basics'];

test('the library leads into each deck, and Back returns to it', async ({ quiz, page }) => {
  await page.goto('about:blank');
  await quiz.open('./');
  await expect(libraryHeading(page)).toBeVisible();
  await expect(page).toHaveURL(at(''));
  for (const each of [deck, other]) {
    await page.getByRole('link', { name: each.title }).click();
    await expect(page).toHaveURL(at(`deck/${each.id}`));
    await expect(page.getByRole('heading', { level: 1, name: each.title })).toBeFocused();
    await expect(page.getByText(`${each.questions.length} questions in ${each.topics.length} topics`)).toBeVisible();
    await page.goBack();
    await expect(libraryHeading(page)).toBeVisible();
  }
  // Start on a card begins that deck's round; Back returns to the library, where it continues.
  await page.getByRole('button', { name: `Start ${other.title}`, exact: true }).click();
  await expect(page).toHaveURL(at(`deck/${other.id}/round`));
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${other.questions.length}`);
  await quiz.answer(true);
  await page.goBack();
  await expect(libraryHeading(page)).toBeVisible();
  const card = page.locator('.deck-card', { has: page.getByRole('link', { name: other.title }) });
  await expect(card.getByTestId('deck-progress')).toHaveText(
    `1 of ${other.questions.length} answered, 1 right last time.`,
  );
  await card.getByRole('button', { name: `Continue ${other.title}` }).click();
  await expect(page).toHaveURL(at(`deck/${other.id}/round`));
  // The app bar's Stats is the deck's own.
  await quiz.navigation('Stats').click();
  await expect(page).toHaveURL(at(`deck/${other.id}/stats`));
  await expect(page.getByText(other.title, { exact: true })).toBeVisible();
  await quiz.navigation('Home').click();
  await expect(libraryHeading(page)).toBeVisible();
  await expect(quiz.navigation('Stats')).toHaveCount(0);
  // Back through the stats and the round to the library, then out of the app.
  await page.goBack();
  await expect(page).toHaveURL(at(`deck/${other.id}/stats`));
  await page.goBack();
  await expect(quiz.questionHeading).toBeVisible();
  await page.goBack();
  await expect(libraryHeading(page)).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL('about:blank');
});

test('Back from a question goes to the start screen in one step; Continue and Forward resume it', async ({
  quiz,
  page,
}) => {
  await quiz.open();
  await expect(page).toHaveURL(at(deckPath));
  await quiz.button('Start').click();
  await expect(page).toHaveURL(at(`${deckPath}/round`));
  for (let index = 0; index < 6; index++) {
    await expect(quiz.questionHeading).toHaveText(`Question ${index + 1} of ${total}`);
    await quiz.answer(index % 2 === 0);
    await quiz.next();
  }
  await expect(quiz.questionHeading).toHaveText(`Question 7 of ${total}`);
  await quiz.showHint();

  await page.goBack();
  await expect(startHeading(page)).toBeVisible();
  await expect(page).toHaveURL(at(deckPath));
  await expect(page.getByText(`Round in progress (the whole deck): question 7 of ${total}.`)).toBeVisible();
  // The screen moved to has the focus, so a screen reader reads where the learner landed.
  await expect(startHeading(page)).toBeFocused();

  await page.goForward();
  await expect(quiz.questionHeading).toHaveText(`Question 7 of ${total}`);
  await expect(quiz.hint, 'the hint shown before').toBeVisible();

  await page.goBack();
  await quiz.button('Continue').click();
  await expect(quiz.questionHeading).toHaveText(`Question 7 of ${total}`);
  await expect(page).toHaveURL(at(`${deckPath}/round`));
});

test('Back on the first screen leaves the app, as on any site', async ({ quiz, page }) => {
  await page.goto('about:blank');
  await quiz.open();
  await quiz.navigation('Stats').click();
  await expect(page).toHaveURL(at(`${deckPath}/stats`));
  await page.goBack();
  await expect(startHeading(page)).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL('about:blank');
});

test('stats and settings: Back returns to where the learner was, mid-question', async ({ quiz, page }) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.next();
  await expect(quiz.questionHeading).toHaveText(`Question 2 of ${total}`);

  await quiz.navigation('Stats').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeFocused();
  await expect(quiz.navigation('Stats')).toHaveAttribute('aria-current', 'page');
  await page.goBack();
  await expect(quiz.questionHeading).toHaveText(`Question 2 of ${total}`);

  await quiz.navigation('Settings').click();
  await expect(page).toHaveURL(at('settings'));
  await page.goBack();
  await expect(quiz.questionHeading).toHaveText(`Question 2 of ${total}`);
});

test('a round begun mid-round asks first: Continue keeps the place, Start ends the round but keeps its answers', async ({
  quiz,
  page,
}) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.next();
  await quiz.answer(false);
  await quiz.toDeckStart();

  const topicName = `the topic \u201c${topic.title}\u201d`;
  const asking = page.getByRole('heading', { level: 1, name: `Start ${topicName}?` });
  await quiz.button(`Take topic: ${topic.title}`).click();
  await expect(page).toHaveURL(at(`${deckPath}/topic/${topic.id}`));
  await expect(asking).toBeFocused();
  await expect(page.locator('main')).toContainText(
    `You are at question 2 of ${total} in the whole deck. Starting ${topicName} ends that round: ` +
      'the answers you gave in it are kept, but not your place.',
  );
  await quiz.button('Continue the whole deck').click();
  await expect(page).toHaveURL(at(`${deckPath}/round`));
  await expect(quiz.questionHeading).toHaveText(`Question 2 of ${total}`);
  await expect(quiz.feedback, 'the answer checked before, still shown').toBeVisible();
  // Continue took the question's place: Back goes to the start screen the topic was taken from.
  await page.goBack();
  await expect(startHeading(page)).toBeVisible();

  // A shared or bookmarked topic address asks too; Start begins the topic.
  await quiz.open(`${deckPath}/topic/${topic.id}`);
  await expect(asking).toBeVisible();
  await quiz.button(`Start ${topicName}`).click();
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${topicSize}`);
  await expect(quiz.questionHeading).toBeFocused();
  await quiz.toDeckStart();
  await expect(page.getByText(`Round in progress (${topicName}): question 1 of ${topicSize}.`)).toBeVisible();
  await expect(page.getByTestId('done-so-far')).toContainText('You have answered 2 of');

  // Nothing answered in the topic yet: the whole deck starts over without asking.
  await quiz.button('Start over').click();
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${total}`);
});

test("a finished round's summary takes the round's place: Back from it goes to the start screen", async ({
  quiz,
  page,
}) => {
  await quiz.open();
  await quiz.button(`Take topic: ${topic.title}`).click();
  await expect(page).toHaveURL(at(`${deckPath}/topic/${topic.id}`));
  await quiz.finishRound();
  await expect(page.getByRole('heading', { level: 1, name: 'Round complete' })).toBeVisible();
  await expect(page).toHaveURL(at(`${deckPath}/summary`));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Round complete' })).toBeVisible();
  await page.goBack();
  await expect(startHeading(page)).toBeVisible();
});

test('a round begun from a summary takes its place: Back goes to the start screen, Forward resumes the round', async ({
  quiz,
  page,
}) => {
  await quiz.open();
  await quiz.button(`Take topic: ${topic.title}`).click();
  const missed = await quiz.answer(false);
  await quiz.next();
  await quiz.finishRound();
  await expect(page).toHaveURL(at(`${deckPath}/summary`));
  await quiz.button('Retry missed questions').click();
  await expect(page).toHaveURL(at(`${deckPath}/missed`));
  await expect(quiz.questionHeading).toHaveText('Question 1 of 1');

  // The summary is gone (the session keeps one round): Back does not land on it and bounce.
  await page.goBack();
  await expect(startHeading(page)).toBeVisible();
  await expect(page).toHaveURL(at(deckPath));
  await page.goForward();
  await expect(page).toHaveURL(at(`${deckPath}/missed`));
  await expect(quiz.questionHeading).toHaveText('Question 1 of 1');
  expect((await quiz.currentQuestion()).id).toBe(missed.id);

  await quiz.finishRound();
  await expect(page.getByRole('heading', { level: 1, name: 'Retry complete' })).toBeVisible();
  await page.goBack();
  await expect(startHeading(page)).toBeVisible();
  // Forward shows the retry's result again; it does not begin another retry.
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: 'Retry complete' })).toBeVisible();
  await expect(page).toHaveURL(at(`${deckPath}/summary`));

  // Start over from it: the same, one step back to the start screen.
  await quiz.button('Start over').click();
  await expect(quiz.questionHeading).toHaveText(`Question 1 of ${total}`);
  await page.goBack();
  await expect(startHeading(page)).toBeVisible();
});

test('each screen names itself in the title: the tab, the history menu, a screen reader', async ({ quiz, page }) => {
  await quiz.open('./');
  await expect(page).toHaveTitle('quizdeck');
  await page.getByRole('link', { name: deck.title, exact: true }).click();
  await expect(page).toHaveTitle(`${deck.title} · quizdeck`);
  await quiz.button('Start').click();
  await expect(page).toHaveTitle(`Question 1 of ${total} · ${deck.title} · quizdeck`);
  await quiz.answer(true);
  await quiz.next();
  await expect(page).toHaveTitle(`Question 2 of ${total} · ${deck.title} · quizdeck`);
  await quiz.navigation('Stats').click();
  await expect(page).toHaveTitle(`Stats · ${deck.title} · quizdeck`);
  await quiz.navigation('Settings').click();
  await expect(page).toHaveTitle('Settings · quizdeck');
  await quiz.open('deck/no-such-deck');
  await expect(page).toHaveTitle('Nothing here · quizdeck');
});

/** The screens an address names, and how each shows itself. */
const screens = [
  ['the library', './', libraryHeading],
  ['the other deck', `deck/${other.id}`, (page) => page.getByRole('heading', { level: 1, name: other.title })],
  ['stats', `${deckPath}/stats`, (page) => page.getByRole('heading', { level: 1, name: 'Stats' })],
  ['settings', 'settings', (page) => page.getByRole('heading', { level: 1, name: 'Settings' })],
  [
    'a topic round',
    `${deckPath}/topic/${topic.id}`,
    (page) => page.getByRole('heading', { level: 1, name: `Question 1 of ${topicSize}` }),
  ],
];

for (const [name, address, shown] of screens) {
  test(`a link to ${name} opens it, reloaded, in a new tab and offline`, async ({ quiz, page, context }) => {
    await quiz.open(address);
    await expect(shown(page)).toBeVisible();
    await expect(page).toHaveURL(at(address.replace(/^\.\/$/, '')));
    // The worker installed by this first visit is what answers offline below.
    await page.evaluate(controlledByWorkerInPage);
    /** Reloads this page, then opens the address in a new tab: both show the screen. */
    const reloadAndOpenInNewTab = async () => {
      await page.reload();
      await expect(shown(page)).toBeVisible();
      const tab = await context.newPage();
      await new QuizPage(tab).open(address);
      await expect(shown(tab)).toBeVisible();
      await tab.close();
    };
    await reloadAndOpenInNewTab();
    await context.setOffline(true);
    await reloadAndOpenInNewTab();
  });
}

test('a link that names no screen says so, with the way to the start screen', async ({ quiz, page }) => {
  await quiz.open('deck/no-such-deck/stats');
  await expect(page.getByRole('heading', { level: 1, name: 'Nothing here' })).toBeVisible();
  await page.getByRole('link', { name: 'Go to the start screen' }).click();
  await expect(libraryHeading(page)).toBeVisible();
});

test('a bare address brings a returning learner back where they were; a named one does not', async ({
  quiz,
  page,
  context,
}) => {
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(true);
  await quiz.next();
  await quiz.navigation('Stats').click();
  const tab = await context.newPage();
  await new QuizPage(tab).open('./');
  await expect(tab).toHaveURL(at(`${deckPath}/stats`));
  // Another tab moving on does not move this one: its address says which screen it shows.
  await quiz.navigation('Home').click();
  await page.reload();
  await expect(libraryHeading(page)).toBeVisible();
  await expect(tab.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
});

test("before the app is up, a link to another screen shows Loading, not the start screen's picture", async ({
  page,
}) => {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto(`${deckPath}/stats`);
  await expect(page.getByText('Loading the quiz…')).toBeVisible();
  await expect(page.locator('.first-visit')).toBeHidden();
  release();
  await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
});

const manifest = JSON.parse(readFileSync('dist/manifest.webmanifest', 'utf8'));

test('the installed app\'s shortcuts open each deck\'s review and stats', async ({ quiz, page }) => {
  const each = Object.values(decks);
  expect(manifest.shortcuts.map((shortcut) => [shortcut.name, shortcut.url])).toEqual([
    ...each.map((d) => [`Review due questions: ${d.title}`, `deck/${d.id}/review`]),
    ...each.map((d) => [`Stats: ${d.title}`, `deck/${d.id}/stats`]),
  ]);
  const review = manifest.shortcuts.find((shortcut) => shortcut.url === `${deckPath}/review`);
  const stats = manifest.shortcuts.find((shortcut) => shortcut.url === `${deckPath}/stats`);
  const T0 = new Date('2026-03-02T09:00:00Z');
  await page.clock.install({ time: T0 });
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.answer(false);

  // Nothing is due yet: the review's address has no round to begin and shows the start screen.
  await quiz.open(review.url);
  await expect(startHeading(page)).toBeVisible();
  await expect(page.getByTestId('due')).toHaveText('Nothing is due for review right now.');

  // Now one is due, but the round answered in is still under way: the review asks first.
  await page.clock.setSystemTime(T0.getTime() + 2 * 24 * 3600 * 1000);
  await quiz.open(review.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Start the review?' })).toBeVisible();
  await quiz.button('Start the review').click();
  await expect(quiz.questionHeading).toHaveText('Question 1 of 1');
  await expect(quiz.questionHeading).toBeFocused();
  await expect(page).toHaveURL(at(review.url));

  await quiz.open(stats.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
});

test('Share this deck copies its address where there is no share sheet', async ({ quiz, page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await quiz.open();
  await page.evaluate(() => delete Navigator.prototype.share);
  await quiz.button('Share this deck').click();
  const address = new URL(deckPath, new URL(PUBLIC_URL, page.url())).href;
  await expect(page.getByTestId('share-message')).toHaveText(`Link copied: ${address}`);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(address);
});

test('Share this deck shows the link to copy when neither a share sheet nor the clipboard works', async ({
  quiz,
  page,
}) => {
  await quiz.open();
  await page.evaluate(() => {
    delete Navigator.prototype.share;
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
  });
  await quiz.button('Share this deck').click();
  const address = new URL(deckPath, new URL(PUBLIC_URL, page.url())).href;
  await expect(page.getByTestId('share-message')).toHaveText(`Copy this link to share the deck: ${address}`);
});

test('Share this deck hands its title and address to the share sheet where there is one', async ({ quiz, page }) => {
  await quiz.open();
  await page.evaluate(() => {
    window.shared = [];
    Navigator.prototype.share = function share(data) {
      window.shared.push(data);
      return Promise.resolve();
    };
  });
  await quiz.button('Share this deck').click();
  await expect.poll(() => page.evaluate(() => window.shared)).toEqual([
    { title: `${deck.title} · quizdeck`, url: new URL(deckPath, new URL(PUBLIC_URL, page.url())).href },
  ]);
  await expect(page.getByTestId('share-message')).toBeEmpty();
});
