// Small screens (nothing scrolls sideways, nothing overlaps, 44 px targets), text at 200 %
// reflowing, pinch-zoom, a visible focus ring on every control, both colour themes, and an
// automated accessibility audit (axe-core).
// Nothing here writes into the tree: the README's screenshot is scripts/screenshots'.
import { test, expect, audit, deck, decks } from './support.mjs';

/**
 * Calls `visit(screen)` on every screen in turn: start, a question (with its hint shown), its
 * feedback after a wrong answer, the question asked before another round would end it, the
 * round's summary, stats, settings and its reset confirmation. The round is the whole deck, or
 * the topic `topic`; the question is `questionId`, by default one with four code blocks as
 * options.
 */
async function everyScreen(quiz, page, visit, { topic, questionId = 'correct-async-view' } = {}) {
  await quiz.open();
  await visit('start');
  if (topic) {
    const { title } = deck.topics.find((candidate) => candidate.id === topic);
    await quiz.button(`Take topic: ${title}`).click();
  } else {
    await quiz.button('Start').click();
  }
  await quiz.skipTo(questionId);
  await quiz.hintButton.click();
  await visit('question with code and hint');
  await quiz.answer(false);
  await visit('feedback');
  // Another topic taken with this round under way: the question whether to end it.
  await quiz.toDeckStart();
  const another = deck.topics.find((candidate) => candidate.id !== topic);
  await quiz.button(`Take topic: ${another.title}`).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Start the topic/ })).toBeVisible();
  await visit('asking before ending the round');
  await page.getByRole('button', { name: /^Continue the / }).click();
  await expect(quiz.feedback).toBeVisible();
  await quiz.next();
  await quiz.finishRound();
  await visit('summary');
  await quiz.navigation('Stats').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Stats' })).toBeVisible();
  await visit('stats');
  await quiz.navigation('Settings').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await visit('settings');
  await quiz.button('Reset progress…').click();
  await expect(page.getByRole('dialog', { name: 'Reset progress?' })).toBeVisible();
  await visit('reset confirmation');
  await page.keyboard.press('Escape');
  await quiz.open('deck/no-such-deck/stats');
  await expect(page.getByRole('heading', { level: 1, name: 'Nothing here' })).toBeVisible();
  await visit('an address that names no screen');
}

/**
 * Runs in the page: pairs of visible boxes (text blocks, controls, tables, figures) that cover
 * each other by more than a pixel each way, where neither holds the other. Boxes in a
 * horizontally scrolling container are clipped to it first.
 */
function overlapsInPage() {
  const selector = [
    'h1', 'h2', 'h3', 'p', 'pre', 'li', 'dt', 'dd', 'th', 'td', 'caption', 'figure', 'svg',
    'img', 'table', 'button', 'a', 'input', 'select', 'textarea', 'label', 'summary', 'legend',
    'output', '[role=status]', '[data-testid]',
  ].join(', ');
  const clipped = (el) => {
    let box = el.getBoundingClientRect();
    for (let up = el.parentElement; up; up = up.parentElement) {
      if (getComputedStyle(up).overflowX === 'visible') continue;
      const clip = up.getBoundingClientRect();
      const left = Math.max(box.left, clip.left);
      const right = Math.min(box.right, clip.right);
      box = { left, right, top: box.top, bottom: box.bottom, width: Math.max(0, right - left), height: box.height };
    }
    return box;
  };
  // An open modal dialog covers the page on purpose (which is inert behind it): only its own
  // boxes must not overlap.
  const scope = document.querySelector('dialog[open]:modal') ?? document;
  const boxes = [...scope.querySelectorAll(selector)]
    .filter((el) => !el.closest('.visually-hidden') && el.checkVisibility({ opacityProperty: true, visibilityProperty: true }))
    .map((el) => ({ el, box: clipped(el) }))
    .filter(({ box }) => box.width > 1 && box.height > 1);
  const name = (el) =>
    `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}` +
    ` "${(el.textContent ?? '').trim().slice(0, 30)}"`;
  const found = [];
  for (const [i, a] of boxes.entries()) {
    for (const b of boxes.slice(i + 1)) {
      if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
      const across = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
      const down = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
      if (across > 1 && down > 1) found.push(`${name(a.el)} × ${name(b.el)}`);
    }
  }
  return found;
}

/**
 * Runs in the page: words of text (not code, which may break anywhere) split across lines
 * although they would fit on one: narrower than the box they could have, the nearest one that
 * is not a flex item (a flex row that does not wrap squeezes its items down to a letter
 * each, where the page's `overflow-wrap: anywhere` lets a word break anywhere).
 */
function splitWordsInPage() {
  const found = [];
  const texts = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = texts.nextNode(); node; node = texts.nextNode()) {
    const parent = node.parentElement;
    if (parent.closest('code, pre, kbd, .visually-hidden') || !parent.checkVisibility()) continue;
    // A word ends at a space or a dash, where a line may break.
    for (const word of node.data.matchAll(/[^\s\-\u2013\u2014]{2,}/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const pieces = [...range.getClientRects()].filter((box) => box.width > 0);
      if (new Set(pieces.map((box) => Math.round(box.top))).size < 2) continue;
      const boxless = (el) => ['inline', 'contents'].includes(getComputedStyle(el).display);
      const flexItem = (el) => getComputedStyle(el.parentElement).display.includes('flex');
      let room = parent;
      while (boxless(room) || flexItem(room)) room = room.parentElement;
      const style = getComputedStyle(room);
      const width = room.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      const wordWidth = pieces.reduce((sum, box) => sum + box.width, 0);
      if (wordWidth > width) continue;
      found.push(`"${word[0]}" (${Math.round(wordWidth)} px, in ${Math.round(width)} px)`);
    }
  }
  return found;
}

/** Controls under 44 × 44 px (buttons and the options' labels). */
const smallTargets = (page) =>
  page.locator('button:visible, label.choice').evaluateAll((elements) =>
    elements
      .map((el) => el.getBoundingClientRect())
      .filter((box) => box.height < 44 || box.width < 44)
      .map((box) => `${box.width}x${box.height}`),
  );

for (const width of [320, 390]) {
  test(`at ${width} px wide nothing scrolls sideways, overlaps or breaks a word it has room for, and touch targets are 44 px`, async ({
    quiz,
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 844 });
    await everyScreen(quiz, page, async (screen) => {
      expect(await quiz.fitsWidth(), `${screen} fits ${width} px`).toBe(true);
      expect(await smallTargets(page), `${screen}: targets under 44 px`).toEqual([]);
      expect(await page.evaluate(overlapsInPage), `${screen}: boxes overlapping`).toEqual([]);
      expect(await page.evaluate(splitWordsInPage), `${screen}: words split that would fit a line`).toEqual([]);
    });
  });
}

/**
 * The browser's own text-size setting (Chrome's Settings, Appearance, Font size), at `percent`
 * of the default: it sets the default font sizes that rem and em start from (16 px, and 13 px
 * for monospace, at 100 %), and leaves the viewport's width alone, unlike page zoom. Returns
 * the function that sets it, for this page, from then on.
 */
async function textSizeSetting(page) {
  const cdp = await page.context().newCDPSession(page);
  return async (percent) => {
    await cdp.send('Page.setFontSizes', {
      fontSizes: { standard: (16 * percent) / 100, fixed: (13 * percent) / 100 },
    });
    await expect
      .poll(() => page.evaluate(() => getComputedStyle(document.documentElement).fontSize))
      .toBe(`${(16 * percent) / 100}px`);
  };
}

/** Runs in the page: the font size (px) of every visible element that holds text itself. */
function textSizesInPage() {
  return [...document.body.querySelectorAll('*')]
    .filter(
      (el) =>
        el.checkVisibility() &&
        [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.data.trim() !== ''),
    )
    .map((el) => ({
      text: `${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 30)}"`,
      size: parseFloat(getComputedStyle(el).fontSize),
    }));
}

/**
 * Runs in the page: visible boxes whose content does not fit them, wider or taller: cut off
 * where the box hides its overflow (`hidden`, `clip`: the text is lost, nothing scrolls to it),
 * or sticking out of its borders into its neighbours' space where it lets it show. Scrolling
 * boxes (`auto`, the tables' `.table-scroll`) may be narrower than their content: they scroll.
 */
function cutOffInPage() {
  const name = (el) =>
    [el.tagName.toLowerCase(), ...el.classList].join('.') + ` "${el.textContent.trim().slice(0, 30)}"`;
  const found = [];
  for (const el of document.body.querySelectorAll('*')) {
    if (el.closest('.visually-hidden') || !el.checkVisibility()) continue;
    const style = getComputedStyle(el);
    // (An inline box measures 0 both ways: it has no box of its own to stick out of.)
    for (const [axis, overflow, scroll, client] of [
      ['wide', style.overflowX, el.scrollWidth, el.clientWidth],
      ['tall', style.overflowY, el.scrollHeight, el.clientHeight],
    ]) {
      if (scroll <= client + 1 || overflow === 'auto' || overflow === 'scroll') continue;
      const how = overflow === 'visible' ? 'sticks out' : 'is cut off';
      found.push(`${name(el)} ${how}: ${scroll} px of content, ${client} px ${axis}`);
    }
  }
  return found;
}

// WCAG 1.4.4 (resize text) and 1.4.10 (reflow): with the browser's text size at 200 %, on a
// phone, every screen still shows all its text, nothing on top of anything else, and the page
// never scrolls sideways. The question is a "select all that apply" with long lines of code as
// options, which have to wrap.
for (const [width, height] of [
  [390, 844],
  [320, 640],
]) {
  test(`at 200 % text size and ${width} px wide every screen reflows: no text cut off, overlapping or scrolling sideways`, async (
    { quiz, page },
    testInfo,
  ) => {
    await page.setViewportSize({ width, height });
    const setTextSize = await textSizeSetting(page);
    await everyScreen(
      quiz,
      page,
      async (screen) => {
        // All text follows the setting (rem and em, never px): it is twice as big at 200 %.
        await setTextSize(100);
        const normal = await page.evaluate(textSizesInPage);
        await setTextSize(200);
        const doubled = await page.evaluate(textSizesInPage);
        expect(doubled.map(({ text }) => text), `${screen}: the same text at both sizes`).toEqual(
          normal.map(({ text }) => text),
        );
        const notGrowing = doubled.filter(({ size }, at) => Math.abs(size - 2 * normal[at].size) > 0.1);
        expect(notGrowing, `${screen}: text that does not grow with the text size`).toEqual([]);

        expect(await quiz.fitsWidth(), `${screen} fits ${width} px`).toBe(true);
        expect(await page.evaluate(cutOffInPage), `${screen}: content cut off or sticking out`).toEqual([]);
        expect(await page.evaluate(overlapsInPage), `${screen}: boxes overlapping`).toEqual([]);
        const splitWords = await page.evaluate(splitWordsInPage);
        expect(splitWords, `${screen}: words split that would fit a line`).toEqual([]);
        if (screen === 'question with code and hint') {
          const path = testInfo.outputPath(`question-200-percent-${width}px.png`);
          await page.screenshot({ path, fullPage: true });
          await testInfo.attach(`question at 200 % text size, ${width} px`, { path, contentType: 'image/png' });
        }
      },
      { topic: 'async-safety', questionId: 'which-calls-are-unsafe' },
    );
  });
}

test('pinch-zoom stays allowed: the viewport meta neither caps the scale nor turns zooming off', async ({
  quiz,
  page,
}) => {
  await quiz.open();
  const content = await page.locator('meta[name=viewport]').getAttribute('content');
  const viewport = Object.fromEntries(
    content.split(',').map((setting) => setting.split('=').map((part) => part.trim().toLowerCase())),
  );
  expect(viewport).toMatchObject({ width: 'device-width' });
  expect(viewport).not.toHaveProperty('maximum-scale');
  expect(viewport['user-scalable'] ?? 'yes', 'user-scalable').toBe('yes');
});

/**
 * Runs in the page: the focused element's focus ring, as drawn by it or (for an input the
 * design hides inside a label, as the import button does) by the nearest ancestor that draws
 * one: its outline style and width, and whether the ring with its offset is inside the page's
 * width (not cut off at either edge). `again` once Tab comes back to an element seen before.
 */
function focusRingInPage() {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return { outside: true };
  window.quizdeckTabStops ??= new WeakSet();
  if (window.quizdeckTabStops.has(focused)) return { again: true };
  window.quizdeckTabStops.add(focused);
  // A visually hidden control (the import's file input) shows its ring on its label.
  const hidden = focused.closest('.visually-hidden') || focused.getBoundingClientRect().width <= 1;
  let ring = hidden ? focused.parentElement : focused;
  while (ring && getComputedStyle(ring).outlineStyle === 'none') ring = ring.parentElement;
  ring ??= focused;
  const style = getComputedStyle(ring);
  const width = parseFloat(style.outlineWidth);
  const reach = width + Math.max(0, parseFloat(style.outlineOffset));
  const box = ring.getBoundingClientRect();
  return {
    focused: `${focused.tagName.toLowerCase()} "${(focused.textContent || focused.value || '').trim().slice(0, 30)}"`,
    ring: focused === ring ? 'itself' : ring.tagName.toLowerCase(),
    style: style.outlineStyle,
    width,
    inside: box.left - reach >= 0 && box.right + reach <= document.documentElement.clientWidth,
  };
}

test('the focus ring is visible on every control of every screen, on a phone', async ({ quiz, page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await everyScreen(quiz, page, async (screen) => {
    // Every Tab stop in turn, round the page (focus may leave it for the browser and come
    // back at the top), until one comes again.
    await page.evaluate(() => delete window.quizdeckTabStops);
    const stops = [];
    for (let presses = 0; presses < 200; presses++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(focusRingInPage);
      if (stop.again) break;
      if (!stop.outside) stops.push(stop);
    }
    expect(stops.length, `${screen}: Tab reaches its controls`).toBeGreaterThan(0);
    const unseen = stops.filter((stop) => stop.style === 'none' || stop.width < 2 || !stop.inside);
    expect(unseen, `${screen}: focus rings missing, thinner than 2 px or cut off`).toEqual([]);
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

/**
 * Runs in the page: every line of code on screen that wraps, and whether each of its
 * continuation lines starts further right than a block the line opens would (one level, four
 * characters, in from where the line's own code starts), as a hanging indent does.
 */
function wrappedCodeLinesInPage() {
  return [...document.querySelectorAll('main .ln')].flatMap((line) => {
    const range = document.createRange();
    range.selectNodeContents(line);
    const boxes = [...range.getClientRects()].filter((box) => box.width > 0);
    const firstTop = Math.min(...boxes.map((box) => box.top));
    const continued = boxes.filter((box) => box.top > firstTop + 2);
    if (continued.length === 0) return [];
    // Where the code of the line starts: its first character after the indentation.
    const texts = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    let start = null;
    let charWidth = null;
    for (let node = texts.nextNode(); node && start === null; node = texts.nextNode()) {
      const at = node.data.search(/\S/);
      if (at < 0) continue;
      const char = document.createRange();
      char.setStart(node, at);
      char.setEnd(node, at + 1);
      ({ left: start, width: charWidth } = char.getBoundingClientRect());
    }
    const blockBody = start + 4 * charWidth;
    const continuesAt = Math.min(...continued.map((box) => box.left));
    return [{ line: line.textContent, start, continuesAt, hangs: continuesAt > blockBody + 1 }];
  });
}

for (const width of [320, 390]) {
  test(`at ${width} px every wrapped line of code of every deck hangs beyond the block it opens`, async ({
    quiz,
    page,
  }) => {
    test.setTimeout(240_000);
    await page.setViewportSize({ width, height: 800 });
    const wrapped = [];
    for (const id of Object.keys(decks)) {
      await quiz.open(`deck/${id}`);
      await quiz.button('Start').click();
      while ((await page.locator('article.question').count()) > 0) {
        wrapped.push(...(await page.evaluate(wrappedCodeLinesInPage)));
        await quiz.answer(true);
        wrapped.push(...(await page.evaluate(wrappedCodeLinesInPage)));
        expect(await quiz.fitsWidth(), 'no sideways scrolling').toBe(true);
        await quiz.next();
      }
    }
    // The deck's code is reflowed for 390 px phones, so a 320 px screen still wraps some lines.
    if (width === 320) expect(wrapped.length, 'lines of code that wrap at 320 px').toBeGreaterThan(0);
    expect(wrapped.filter((line) => !line.hangs), 'continuations no further in than the next level').toEqual([]);
  });
}
