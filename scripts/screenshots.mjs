// The README's pictures, taken by scripts/screenshots (a Playwright file of its own, so the
// test command never writes into the tree): the question screen with a code question's right
// option chosen, on a phone-sized viewport.
import { fileURLToPath } from 'node:url';
import { test } from '../tests/e2e/support.mjs';

const inDocs = (name) => fileURLToPath(new URL(`../docs/${name}`, import.meta.url));

test('docs/question-screen.png: the question screen on a phone', async ({ quiz, page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.skipTo('correct-async-view');
  const q = await quiz.currentQuestion();
  await quiz.radio(q.answer).check();
  await page.screenshot({ path: inDocs('question-screen.png'), fullPage: true });
});
