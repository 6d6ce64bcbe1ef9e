// The installable, offline-first app: installability (under the build's sub-path), offline
// use, safe updates, the Content-Security-Policy, a phone journey, and the storage line.
import { chromium } from '@playwright/test';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, deck, QuizPage, consoleErrorsOf } from './support.mjs';
import { PUBLIC_URL, controlledByWorkerInPage, serve } from './shared.mjs';
import { writeServiceWorker } from '../../scripts/pwa/post-build.mjs';

const total = deck.questions.length;
const port = Number(process.env.QUIZDECK_E2E_PORT ?? 4173); // as in playwright.config.mjs
const sites = [[`under ${PUBLIC_URL}`, './']];

/** Resolves once a service worker controls the page (it claims the page on first install). */
async function controlledByWorker(page) {
  await page.evaluate(controlledByWorkerInPage);
}

/** The width and height a PNG says it has (its IHDR chunk, bytes 16 to 24), as `WxH`. */
function pngSize(bytes) {
  expect(bytes.subarray(0, 8).toString('latin1'), 'the PNG signature').toBe('\x89PNG\r\n\x1a\n');
  return `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;
}

/**
 * The manifest's screenshots, which make Chromium's install dialog the richer one: a phone's
 * (narrow) and a desktop's (wide), each a PNG the site serves (from dist/, where the build
 * copied assets/screenshots) at its `src` relative to the manifest, of exactly its stated
 * `sizes`, within Chromium's limits (each side 320 to 3840 px, the longer at most 2.3 times
 * the shorter), with a label.
 */
async function expectInstallDialogScreenshots(page, manifestUrl, screenshots) {
  expect(screenshots.map((shot) => shot.form_factor).sort()).toEqual(['narrow', 'wide']);
  for (const shot of screenshots) {
    expect(shot, shot.src).toMatchObject({ type: 'image/png', label: expect.stringMatching(/\w/) });
    expect(shot.src, 'relative, beside the manifest').toMatch(/^screenshots\/[\w-]+\.png$/);
    const response = await page.request.get(new URL(shot.src, manifestUrl).href);
    expect(response.status(), `${shot.src} is served`).toBe(200);
    expect(pngSize(await response.body()), `${shot.src}: its pixels`).toBe(shot.sizes);
    const [width, height] = shot.sizes.split('x').map(Number);
    expect(Math.min(width, height), `${shot.src}: its shorter side`).toBeGreaterThanOrEqual(320);
    expect(Math.max(width, height), `${shot.src}: its longer side`).toBeLessThanOrEqual(3840);
    const ratio = Math.max(width, height) / Math.min(width, height);
    expect(ratio, `${shot.src}: its longer side over its shorter`).toBeLessThanOrEqual(2.3);
  }
}

for (const [where, url] of sites) {
  test(`installable ${where}: no installability or manifest errors, screenshots for the install dialog`, async (
    {},
    testInfo,
  ) => {
    // A persistent (non-incognito) profile, as a real browser that can install apps has.
    const profile = await mkdtemp(join(tmpdir(), 'quizdeck-profile-'));
    const context = await chromium.launchPersistentContext(profile, {
      ...testInfo.project.use.launchOptions,
      headless: true,
      baseURL: testInfo.project.use.baseURL,
    });
    try {
      const page = context.pages()[0] ?? (await context.newPage());
      const problems = consoleErrorsOf(page);
      await page.goto(url);
      await expect(page.locator('main')).toBeVisible();
      await controlledByWorker(page);
      const cdp = await context.newCDPSession(page);
      const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
      expect(installabilityErrors).toEqual([]);
      const { url: manifestUrl, errors, data } = await cdp.send('Page.getAppManifest');
      expect(errors).toEqual([]);
      expect(manifestUrl).toBe(new URL('manifest.webmanifest', page.url()).href);
      await expectInstallDialogScreenshots(page, manifestUrl, JSON.parse(data).screenshots);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    }
  });

  test(`offline ${where}: reload and a fresh tab work without the network`, async ({
    quiz,
    page,
    context,
  }) => {
    await quiz.open(url);
    await controlledByWorker(page);
    await context.setOffline(true);

    await page.reload();
    await page.getByRole('button', { name: `Start ${deck.title}`, exact: true }).click();
    await expect(quiz.questionHeading).toHaveText(`Question 1 of ${total}`);
    await quiz.answer(true);
    expect((await quiz.storedProgress()).progress.history).toHaveLength(1);

    const tab = await context.newPage();
    const problems = consoleErrorsOf(tab);
    await tab.goto(url);
    const other = new QuizPage(tab);
    await expect(other.feedback).toContainText('Correct');
    await other.next();
    await expect(other.questionHeading).toHaveText(`Question 2 of ${total}`);
    await other.answer(false);
    expect((await other.storedProgress()).progress.history).toHaveLength(2);
    expect(problems).toEqual([]);
  });
}

test('update: a new version is offered, never forced, and keeps progress', async ({
  quiz,
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const site = await mkdtemp(join(tmpdir(), 'quizdeck-site-'));
  const sitePort = port + 10 + testInfo.workerIndex;
  await cp('dist', site, { recursive: true });
  const server = await serve(site, sitePort, PUBLIC_URL);
  /** Deploys a "new version": a changed index.html and the worker regenerated for it. */
  const deploy = async (version) => {
    const index = join(site, 'index.html');
    const html = (await readFile(index, 'utf8')).replace(/<meta name="quizdeck-version"[^>]*>\n?/, '');
    const marker = `<meta name="quizdeck-version" content="${version}" />\n`;
    await writeFile(index, html.replace('</head>', `${marker}</head>`));
    await writeServiceWorker(site);
  };
  const version = () =>
    page.locator('meta[name=quizdeck-version]').getAttribute('content', { timeout: 1000 }).catch(() => null);
  const prompt = page.getByTestId('update-prompt');

  try {
    // Version A: answer two questions, then choose (but do not check) an option on the third.
    await quiz.open(`http://127.0.0.1:${sitePort}${PUBLIC_URL}`);
    await controlledByWorker(page);
    await page.getByRole('button', { name: `Start ${deck.title}`, exact: true }).click();
    for (const right of [true, false]) {
      await quiz.answer(right);
      await quiz.next();
    }
    await expect(quiz.questionHeading).toHaveText(`Question 3 of ${total}`);
    const choice = page.locator('fieldset.choices input').first();
    const chosen = page.locator(`fieldset.choices input[value="${await choice.getAttribute('value')}"]`);
    await choice.check();
    const before = await quiz.storedProgress();
    expect(before.progress.history).toHaveLength(2);
    await page.evaluate(() => (window.stillTheSamePage = true));

    // B is deployed while the learner is mid-question; the app looks when the tab is shown.
    await deploy('B');
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    await expect(prompt).toContainText('A new version of quizdeck is ready.');
    await expect(page.getByRole('status').filter({ has: prompt })).toBeVisible();
    // Nothing reloaded: same page, same question, the choice still made.
    expect(await page.evaluate(() => window.stillTheSamePage)).toBe(true);
    await expect(quiz.questionHeading).toHaveText(`Question 3 of ${total}`);
    await expect(chosen).toBeChecked();
    expect(await version()).toBeNull();

    // Accepting it reloads into B with the answers, the round and the choice intact.
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect(quiz.questionHeading).toHaveText(`Question 3 of ${total}`);
    expect(await version()).toBe('B');
    expect(await page.evaluate(() => window.stillTheSamePage)).toBeUndefined();
    await expect(chosen).toBeChecked();
    await expect(prompt).toHaveCount(0);
    expect(await quiz.storedProgress()).toEqual(before);

    // C is deployed; a plain reload still shows B (from the cache) and offers C.
    await deploy('C');
    await page.reload();
    await expect(prompt).toBeVisible();
    expect(await version()).toBe('B');
    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload' }).click()]);
    await expect(quiz.questionHeading).toHaveText(`Question 3 of ${total}`);
    expect(await version()).toBe('C');
    expect(await quiz.storedProgress()).toEqual(before);
    // Only the current version's cache is left.
    const caches = await page.evaluate(() => caches.keys());
    expect(caches.filter((name) => name.includes('precache'))).toHaveLength(1);
  } finally {
    server.kill();
    await rm(site, { recursive: true, force: true });
  }
});

test.describe('content security policy', () => {
  test.use({ bypassCSP: false });

  test('a full journey: no CSP violation, every request to the own origin', async ({
    quiz,
    page,
    context,
  }) => {
    await page.addInitScript(() => {
      window.cspViolations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
      );
    });
    const requests = [];
    context.on('request', (request) => requests.push(request.url()));

    await quiz.open();
    const policy = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
    expect(policy).toContain("default-src 'self'");
    expect(policy).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain('unsafe-inline');
    // Trunk's subresource integrity survives the post-build step (a mismatch would block loading).
    // (The glue JS and the wasm are linked with integrity; the stylesheet is inline, by hash.)
    expect(await page.locator('link[integrity]').count()).toBeGreaterThanOrEqual(2);
    expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/=]+'/);

    await controlledByWorker(page);
    await quiz.button('Start').click();
    const plan = deck.questions.map((_, index) => index % 3 !== 1); // every third one wrong
    for (const right of plan) {
      await quiz.answer(right, { hint: !right });
      await quiz.next();
    }
    const rights = plan.filter(Boolean).length;
    await expect(quiz.score).toHaveText(`You got ${rights} of ${total} right.`);
    await quiz.button('Retry missed questions').click();
    await quiz.answer(true);
    await page.reload();
    await expect(quiz.feedback).toContainText('Correct');

    expect(await page.evaluate(() => window.cspViolations)).toEqual([]);
    const origin = new URL(page.url()).origin;
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('questions by touch, with a screenshot kept as an artefact', async ({ quiz, page }, testInfo) => {
    await quiz.open();
    await quiz.button('Start').tap();
    for (let index = 0; index < 3; index++) {
      await expect(quiz.questionHeading).toHaveText(`Question ${index + 1} of ${total}`);
      const q = await quiz.currentQuestion();
      for (const id of [q.answer].flat()) {
        await page.locator(`fieldset.choices label:has(input[value="${id}"])`).tap();
      }
      await quiz.checkButton.tap();
      await expect(quiz.feedback).toContainText('Correct');
      if (index === 2) {
        await page.screenshot({ path: testInfo.outputPath('phone-feedback.png'), fullPage: true });
        await testInfo.attach('phone-feedback', {
          path: testInfo.outputPath('phone-feedback.png'),
          contentType: 'image/png',
        });
      }
      expect(await quiz.fitsWidth()).toBe(true);
      await quiz.feedback.getByRole('button').tap();
    }
    await expect(quiz.questionHeading).toHaveText(`Question 4 of ${total}`);
  });
});

test.describe('storage line', () => {
  test('says whether storage is persistent, and asks after the first answer', async ({ quiz, page }) => {
    await page.addInitScript(() => {
      window.persistCalls = 0;
      const persist = navigator.storage.persist.bind(navigator.storage);
      navigator.storage.persist = () => {
        window.persistCalls += 1;
        return persist();
      };
    });
    await quiz.open();
    await expect(page.getByTestId('storage-status')).toHaveText(
      /^Storage: (persistent|may be cleared by the browser)/,
    );
    await expect(page.getByTestId('storage-status')).not.toContainText('Safari');
    expect(await page.evaluate(() => window.persistCalls)).toBe(0);
    await quiz.button('Start').click();
    await quiz.answer(true);
    await expect.poll(() => page.evaluate(() => window.persistCalls)).toBe(1);
    await quiz.next();
    await quiz.answer(false);
    expect(await page.evaluate(() => window.persistCalls)).toBe(1);
  });

  test.describe('in Safari on an iPhone', () => {
    test.use({
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_5 like Mac OS X) AppleWebKit/605.1.15 ' +
        '(KHTML, like Gecko) Version/18.5 Mobile/15E148 Safari/604.1',
    });

    test('warns that Safari deletes data after 7 days unless installed', async ({ quiz, page }) => {
      await quiz.open();
      await expect(page.getByTestId('storage-status')).toContainText('after 7 days without a visit');
      await expect(page.getByTestId('storage-status')).toContainText('Add to Home Screen');
    });
  });
});
