// Hostile strings wherever the app reads text it did not build: stored progress (every field a
// tampered or foreign value can carry, in the current and the first format) and imported
// files. Markup in them must show as text or not at all: no element is injected, no handler
// runs, nothing is fetched from elsewhere, and the Content-Security-Policy reports no
// violation. An imported file is refused by its size before it is read. (pwa.spec.mjs covers
// a full ordinary journey under the CSP.)
import { test, expect, deck, storageKey, backupKey } from './support.mjs';

test.use({ bypassCSP: false });

const payloads = [
  '<img src=x onerror="window.pwned=(window.pwned||0)+1">',
  '<script>window.pwned=(window.pwned||0)+1</script>',
  '"><svg onload="window.pwned=1"></svg>',
  "'><img src=http://evil.example/steal.png onerror=window.pwned=1>",
  '<iframe srcdoc="<script>parent.pwned=1</script>"></iframe>',
];
const hostile = payloads.join(' ');

const q = deck.questions[0];
const attempt = (fields = {}) => ({
  question_id: q.id,
  question_hash: 'x',
  choice_ids: [[q.answer].flat()[0]],
  correct: true,
  hint_used: false,
  answered_at: 1_764_000_000_000,
  ...fields,
});
const fresh = { screen: 'start', round: null, history: [] };
/** A stored or exported record for this deck; `hash` is the deck's content hash. */
const envelope = (progress, fields = {}, hash = 'stale') =>
  JSON.stringify({ app: 'quizdeck', schema: 2, deck: deck.id, deck_hash: hash, progress, ...fields });

/**
 * Stored values, each carrying the payloads somewhere a reader of storage might show them
 * (given the deck's real hash, so they get past the deck check to the parts inside).
 */
const storedValues = {
  'the whole value': () => hostile,
  'the app name': () => JSON.stringify({ app: hostile, schema: 2 }),
  'the deck name (quoted: "it belongs to another deck (…)")': (hash) => envelope(fresh, { deck: hostile }, hash),
  'a future schema': () => JSON.stringify({ app: 'quizdeck', schema: 99, note: hostile }),
  'the theme setting': (hash) => envelope({ ...fresh, settings: { theme: hostile } }, {}, hash),
  'the screen': (hash) => envelope({ ...fresh, screen: hostile }, {}, hash),
  'answers to unknown questions and choices': (hash) =>
    envelope({ ...fresh, history: [attempt({ question_id: hostile }), attempt({ choice_ids: [hostile] })] }, {}, hash),
  'the topic of a round': (hash) =>
    envelope(
      {
        screen: 'round',
        round: {
          kind: { topic: hostile },
          seed: 1,
          question_ids: [q.id],
          attempts: [],
          step: { answering: { selected: [], hint_shown: false } },
        },
        history: [],
      },
      {},
      hash,
    ),
  'a first-format (v1) answer': (hash) =>
    JSON.stringify({
      app: 'quizdeck',
      schema: 1,
      deck: deck.id,
      deck_hash: hash,
      progress: { screen: 'start', round: null, history: [{ ...attempt(), choice_ids: undefined, choice_id: hostile }] },
    }),
};

/** Records CSP violations and off-site requests for the whole test, across reloads. */
async function watch(page, context) {
  const seen = { violations: [], offsite: [] };
  const origin = new URL(test.info().project.use.baseURL).origin;
  await page.exposeFunction('reportViolation', (text) => seen.violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      window.reportViolation(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`),
    );
  });
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin !== origin && !['data:', 'blob:'].includes(url.protocol)) seen.offsite.push(url.href);
  });
  return seen;
}

/** Nothing injected: no handler ran, no element carries an inline handler, no foreign tags. */
async function expectNothingInjected(page, where) {
  const found = await page.evaluate(() => ({
    pwned: window.pwned ?? null,
    inlineHandlers: [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].filter((a) => a.name.startsWith('on')).map((a) => `${element.tagName} ${a.name}`),
    ),
    tags: [...document.querySelectorAll('body img, body iframe, body object, body embed, body script, main svg[onload]')].map(
      (element) => element.outerHTML.slice(0, 80),
    ),
    javascriptUrls: [...document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]')].length,
  }));
  expect(found, where).toEqual({ pwned: null, inlineHandlers: [], tags: [], javascriptUrls: 0 });
}

/** The deck's hash, as the app writes it: opening the stats is a change it saves (opening the
 * app alone writes nothing). */
async function deckHash(quiz) {
  await quiz.open();
  await quiz.navigation('Stats').click();
  await expect.poll(async () => (await quiz.storedProgress())?.deck_hash).toBeTruthy();
  return (await quiz.storedProgress()).deck_hash;
}

/** Opens the app once (to learn the deck's hash), stores what `make` gives, and reloads. */
async function loadWith(quiz, page, make) {
  const hash = await deckHash(quiz);
  const value = make(hash);
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [storageKey, value]);
  await page.reload();
  await expect(page.locator('main')).toBeVisible();
  return value;
}

for (const [where, make] of Object.entries(storedValues)) {
  test(`markup in stored progress (${where}) is never run or rendered as markup`, async ({
    quiz,
    page,
    context,
  }) => {
    const seen = await watch(page, context);
    const value = await loadWith(quiz, page, make);
    await expectNothingInjected(page, 'on load');
    if ((await quiz.loadNotice.count()) > 0 && (await quiz.loadNotice.innerText()).includes('could not be read')) {
      // The notice names the backup key; a stored string it quotes is quoted as text.
      const text = await quiz.loadNotice.innerText();
      if (text.includes('another deck')) expect(text).toContain(hostile);
      expect(text).toContain(backupKey);
      expect(await page.evaluate((key) => localStorage.getItem(key), backupKey)).toBe(value);
    }
    if ((await quiz.questionHeading.count()) > 0) {
      await quiz.answer(true);
      await quiz.next();
      await expectNothingInjected(page, 'after answering in the stored round');
    }
    for (const screen of ['Stats', 'Settings', 'Home']) {
      await quiz.navigation(screen).click();
      await expectNothingInjected(page, `on ${screen}`);
    }
    await quiz.toDeckStart();
    await quiz.button(/^(Start|Start over)$/).first().click();
    await quiz.answer(true);
    await page.reload();
    if (where === 'a future schema') {
      // A newer version's value is never saved over: the answer was not kept, the value was.
      await expect(quiz.loadNotice).toContainText('saved by a newer version of quizdeck');
      expect(await page.evaluate((key) => localStorage.getItem(key), storageKey)).toBe(value);
    } else {
      await expect(quiz.feedback).toBeVisible();
    }
    await quiz.navigation('Stats').click();
    await expectNothingInjected(page, 'after answering and a reload');
    await page.waitForTimeout(200); // let any error handler that could fire, fire
    expect(await page.evaluate(() => window.pwned ?? null)).toBeNull();
    expect(seen.violations, 'CSP violations').toEqual([]);
    expect(seen.offsite, 'requests to other origins').toEqual([]);
  });
}

test('markup in an imported file is never run, and quoted only as text', async ({ quiz, page, context }) => {
  const seen = await watch(page, context);
  const hash = await deckHash(quiz);
  await quiz.navigation('Settings').click();
  const picker = page.getByLabel('Import progress');
  const message = page.getByTestId('transfer-message');
  const files = {
    'hostile.json': envelope(
      { ...fresh, history: [attempt({ question_id: hostile }), attempt({ choice_ids: [hostile] }), attempt()] },
      { exported_at: 1 },
      hash,
    ),
    'other-deck.json': envelope(fresh, { deck: hostile }, hash),
    'not-json.json': hostile,
    [`${payloads[0]}.json`]: hostile,
  };
  for (const [name, text] of Object.entries(files)) {
    await picker.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(message).not.toBeEmpty();
    if (name === 'other-deck.json') await expect(message).toContainText(hostile);
    await expectNothingInjected(page, `after importing ${name}`);
  }
  for (const screen of ['Stats', 'Home']) {
    await quiz.navigation(screen).click();
    await expectNothingInjected(page, `on ${screen} after the imports`);
  }
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => window.pwned ?? null)).toBeNull();
  expect(seen.violations, 'CSP violations').toEqual([]);
  expect(seen.offsite, 'requests to other origins').toEqual([]);
});

test('an imported file over the size limit is refused before it is read', async ({ quiz, page }) => {
  await page.addInitScript(() => {
    window.fileReads = 0;
    for (const method of ['text', 'arrayBuffer', 'stream', 'slice', 'bytes']) {
      const original = Blob.prototype[method];
      if (!original) continue;
      Blob.prototype[method] = function (...args) {
        window.fileReads += 1;
        return original.apply(this, args);
      };
    }
    for (const method of ['readAsText', 'readAsArrayBuffer', 'readAsDataURL', 'readAsBinaryString']) {
      const original = FileReader.prototype[method];
      FileReader.prototype[method] = function (...args) {
        window.fileReads += 1;
        return original.apply(this, args);
      };
    }
  });
  await quiz.open();
  await quiz.navigation('Settings').click();
  const picker = page.getByLabel('Import progress');
  const message = page.getByTestId('transfer-message');

  const huge = Buffer.alloc(8 * 1024 * 1024, '{');
  await picker.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: huge });
  await expect(message).toContainText('more than a progress file can be');
  expect(await page.evaluate(() => window.fileReads), 'reads of the oversized file').toBe(0);

  // The counter does see a read: a small file is read once.
  await picker.setInputFiles({ name: 'small.json', mimeType: 'application/json', buffer: Buffer.from('{}') });
  await expect(message).toContainText('Nothing was imported');
  expect(await page.evaluate(() => window.fileReads)).toBeGreaterThanOrEqual(1);
  expect((await quiz.storedProgress())?.progress.history ?? [], 'no answer came in').toEqual([]);
});
