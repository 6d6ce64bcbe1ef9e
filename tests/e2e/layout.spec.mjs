// Small screens, both colour themes, and an automated accessibility audit (axe-core).
import { createRequire } from 'node:module';
import { test, expect } from './support.mjs';

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

async function audit(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa', 'best-practice'] }),
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`);
}

async function everyScreen(quiz, page, visit) {
  await quiz.open();
  await visit('start');
  await quiz.button('Start').click();
  await quiz.skipTo('correct-async-view'); // four code blocks as options
  await quiz.hintButton.click();
  await visit('question with code and hint');
  await quiz.answer(false);
  await visit('feedback');
  await quiz.next();
  await quiz.finishRound();
  await visit('summary');
  await quiz.navigation('Stats').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
  await visit('stats');
  await quiz.navigation('Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await visit('settings');
}

test('at 320 px wide nothing scrolls sideways and touch targets are 44 px', async ({ quiz, page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await everyScreen(quiz, page, async (screen) => {
    expect(await quiz.fitsWidth(), `${screen} fits 320 px`).toBe(true);
    const small = await page.locator('button:visible, label.choice').evaluateAll((elements) =>
      elements
        .map((el) => el.getBoundingClientRect())
        .filter((box) => box.height < 44 || box.width < 44)
        .map((box) => `${box.width}x${box.height}`),
    );
    expect(small, `${screen}: targets under 44 px`).toEqual([]);
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`no accessibility violations in the ${colorScheme} theme`, async ({ quiz, page }) => {
    await page.emulateMedia({ colorScheme });
    await everyScreen(quiz, page, async (screen) => {
      expect(await audit(page), `${screen} (${colorScheme})`).toEqual([]);
    });
  });
}

test('screenshot of the question screen for the README', async ({ quiz, page }) => {
  await page.setViewportSize({ width: 420, height: 900 });
  await quiz.open();
  await quiz.button('Start').click();
  await quiz.skipTo('correct-async-view');
  const q = await quiz.currentQuestion();
  await quiz.radio(q.answer).check();
  await page.screenshot({ path: 'docs/question-screen.png', fullPage: true });
});
