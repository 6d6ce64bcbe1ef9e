// Small screens (nothing scrolls sideways, nothing overlaps, 44 px targets), a visible focus
// ring on every control, both colour themes, and an automated accessibility audit (axe-core).
// Nothing here writes into the tree: the README's screenshot is scripts/screenshots'.
import { test, expect, audit } from './support.mjs';

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
  const boxes = [...document.querySelectorAll(selector)]
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

/** Controls under 44 × 44 px (buttons and the options' labels). */
const smallTargets = (page) =>
  page.locator('button:visible, label.choice').evaluateAll((elements) =>
    elements
      .map((el) => el.getBoundingClientRect())
      .filter((box) => box.height < 44 || box.width < 44)
      .map((box) => `${box.width}x${box.height}`),
  );

for (const width of [320, 390]) {
  test(`at ${width} px wide nothing scrolls sideways or overlaps, and touch targets are 44 px`, async ({
    quiz,
    page,
  }) => {
    await page.setViewportSize({ width, height: width === 320 ? 640 : 844 });
    await everyScreen(quiz, page, async (screen) => {
      expect(await quiz.fitsWidth(), `${screen} fits ${width} px`).toBe(true);
      expect(await smallTargets(page), `${screen}: targets under 44 px`).toEqual([]);
      expect(await page.evaluate(overlapsInPage), `${screen}: boxes overlapping`).toEqual([]);
    });
  });
}

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
 * continuation lines starts to the right of where the line's own code starts (its
 * indentation), as a hanging indent does.
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
    for (let node = texts.nextNode(); node && start === null; node = texts.nextNode()) {
      const at = node.data.search(/\S/);
      if (at < 0) continue;
      const char = document.createRange();
      char.setStart(node, at);
      char.setEnd(node, at + 1);
      start = char.getBoundingClientRect().left;
    }
    const continuesAt = Math.min(...continued.map((box) => box.left));
    return [{ line: line.textContent, start, continuesAt, hangs: continuesAt > start + 1 }];
  });
}

for (const width of [320, 390]) {
  test(`at ${width} px every wrapped line of code continues right of its indentation`, async ({ quiz, page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 800 });
    await quiz.open();
    await quiz.button('Start').click();
    const wrapped = [];
    while ((await page.locator('article.question').count()) > 0) {
      wrapped.push(...(await page.evaluate(wrappedCodeLinesInPage)));
      await quiz.answer(true);
      wrapped.push(...(await page.evaluate(wrappedCodeLinesInPage)));
      expect(await quiz.fitsWidth(), 'no sideways scrolling').toBe(true);
      await quiz.next();
    }
    // The deck's code is reflowed for 390 px phones, so a 320 px screen still wraps some lines.
    if (width === 320) expect(wrapped.length, 'lines of code that wrap at 320 px').toBeGreaterThan(0);
    expect(wrapped.filter((line) => !line.hangs), 'continuations at or left of the indentation').toEqual([]);
  });
}
