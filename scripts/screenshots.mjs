// The pictures of the app kept in the tree, taken by scripts/screenshots (a Playwright file of
// its own, so the test command never writes into the tree) from the release build in dist/,
// with the tests' seeded randomness, so a picture changes only when the app does:
//   - docs/question-screen.png, the README's: a question with code as options on a 320 px phone,
//     where its longer lines wrap and continue indented (the deck's code is laid out not to
//     wrap at 390 px: the compiler warns about an option's line over 30 characters);
//   - assets/screenshots/*.png, the web app manifest's `screenshots`, which Chromium shows in
//     its install dialog: a question as a 390 px phone shows it (narrow) and the start screen on
//     a laptop (wide). Their sizes are in assets/manifest.webmanifest: keep them the same.
import { fileURLToPath } from 'node:url';
import { test, deck, question } from '../tests/e2e/support.mjs';

const inTree = (path) => fileURLToPath(new URL(`../${path}`, import.meta.url));

/** Opens the question `id`, in a round of its topic, with its right options chosen. */
async function questionWithRightOptions(quiz, id) {
  const { title } = deck.topics.find((topic) => topic.id === question(id).topic);
  await quiz.open();
  await quiz.button(`Take topic: ${title}`).click();
  await quiz.skipTo(id);
  for (const choice of [question(id).answer].flat()) await quiz.choose(choice);
}

test('docs/question-screen.png: a question with code as options on a 320 px phone', async ({ quiz, page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await questionWithRightOptions(quiz, 'correct-async-view'); // four views of ten lines each
  await page.screenshot({ path: inTree('docs/question-screen.png'), fullPage: true });
});

test.describe('the manifest screenshots', () => {
  test.describe('narrow: a phone, 390 × 844 at 2 device pixels a CSS pixel (780 × 1688)', () => {
    test.use({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });

    test('assets/screenshots/question-narrow.png', async ({ quiz, page }) => {
      // "Select all that apply" with four lines of code as options: the whole question fits.
      await questionWithRightOptions(quiz, 'which-calls-are-unsafe');
      // The app scrolls a new question's heading to the top; the picture shows the app bar too.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: inTree('assets/screenshots/question-narrow.png') });
    });
  });

  test.describe('wide: a laptop, 1280 × 800', () => {
    test.use({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });

    test('assets/screenshots/start-wide.png', async ({ quiz, page }) => {
      await quiz.open(); // the app's own <main>: the WebAssembly has taken over
      await page.screenshot({ path: inTree('assets/screenshots/start-wide.png') });
    });
  });
});
