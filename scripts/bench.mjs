// The benchmark behind scripts/bench: sizes of a release build, how it loads and answers in
// Chromium under phone conditions, side by side with quizdown (the JavaScript peer, its page
// written by bench/quizdown-page.mjs), what the first screen's Start costs (from a trace), a
// learner of three years (when examples/three_years has written their stored value), and
// Lighthouse's scores (scripts/lighthouse.mjs). Prints Markdown (paste it into
// docs/benchmarks.md); progress goes to stderr.
// Usage: node scripts/bench.mjs [--dist DIR] [--runs N] [--encoding gzip|br|identity]
//                               [--lighthouse-runs N] [--port P] [--peer-dir DIR]
//                               [--three-years FILE]
//
// Timings are medians with min and max over several runs on a shared, noisy machine: read
// them as ratios and orders of magnitude, not as exact figures. Nothing here is asserted.
import { chromium } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { measureBuild, totals, table, fmt, deckShare, questionCount, gzipSize } from './sizes.mjs';
import { runLighthouse, lighthouseMarkdown } from './lighthouse.mjs';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.mjs';
import { serve } from '../tests/e2e/shared.mjs';
import { PEER_VERSION, writeQuizdownPage } from '../bench/quizdown-page.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const DIST = resolve(option('dist', 'dist'));
const RUNS = Number(option('runs', 5));
const ENCODING = option('encoding', 'gzip');
const LIGHTHOUSE_RUNS = Number(option('lighthouse-runs', 3)); // 0: no Lighthouse
const PORT = Number(option('port', 4190)); // Lighthouse's server (4173/4174 are the tests')
// The peer page (bench/quizdown-page.mjs writes it) and the three-year learner's stored value.
const PEER_DIR = resolve(option('peer-dir', 'target/bench/quizdown'));
const THREE_YEARS = resolve(option('three-years', 'target/three-years.json'));
// The same app built from the smallest decks (scripts/bench builds it): the app's code row.
const SMALLEST = resolve(option('smallest', 'target/bench/smallest-decks/dist'));
const SMALLEST_DECKS = 'tests/fixtures/smallest-decks';

// The conditions: a phone, CPU 4× slower, slow 4G, cache disabled.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const CPU_SLOWDOWN = 4;
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const GOALS = { firstVisitBytes: 64 * 1024, appCodeBytes: 100 * 1024, questionBytes: 500, optionMs: 1200, repeatMs: 250, checkMs: 16, peerRatio: 0.33, revealMs: 16, statsMs: 100, loadMs: 50, saveMs: 4, storedBytes: 256 * 1024 };

// ---------------------------------------------------------------------------------------------
// In-page probes, installed before any of the page's own scripts.

/**
 * "First option on screen": the time (from navigation start) of the first frame that paints an
 * enabled option of the first question, reached the fastest way a learner could, the same for
 * quizdeck and its peer. On quizdeck the probe clicks the Django deck's Start (or Continue) the
 * moment one is painted and enabled, again after every frame until a question shows (a new
 * learner's Start works before the wasm: boot.js shows index.html's first question; a returning
 * learner's waits for the app); quizdown (`peer`) shows its first question by itself. Every
 * animation frame the probe looks for an enabled option on screen (quizdeck: `fieldset.choices
 * input`, a radio or a select-all's checkbox; quizdown: a `label` holding its input, in the
 * quiz's shadow root): `optionFrame` is that frame, `optionPainted` the task right after its
 * paint. "Start clickable" is when the click that worked was made; `reveal` times that click
 * (its event's timestamp, the next frame, the task after that frame's paint).
 */
function loadProbe(peer) {
  const probe = (window.__bench = {
    startSeen: null,
    startClicked: null,
    optionFrame: null,
    optionPainted: null,
    appUp: null,
    reveal: null,
  });
  const afterPaint = (stamp) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => stamp(performance.now());
    channel.port2.postMessage(0);
  };
  const shown = (elements) => [...elements].filter((element) => element.checkVisibility());
  const optionShown = peer
    ? () => shown(document.querySelector('.quizdown')?.shadowRoot?.querySelectorAll('label:has(input)') ?? []).length > 0
    : () => shown(document.querySelectorAll('fieldset.choices input:is([type=radio], [type=checkbox]):not(:disabled)')).length > 0;
  let lastClick = null;
  if (!peer) {
    // The app is up (Check works) once it has taken index.html's first screen away.
    new MutationObserver((_, observer) => {
      if (document.body && !document.querySelector('.boot-shell')) {
        probe.appUp = performance.now();
        observer.disconnect();
      }
    }).observe(document, { subtree: true, childList: true });
    addEventListener('TrunkApplicationStarted', (event) => {
      window.__wasmMemory = event.detail?.wasm?.memory;
    });
    // The library has a Start per deck (labelled with its title); a deck's own screen, one.
    const startButton = () =>
      shown(document.querySelectorAll('button')).find(
        (button) => /^(Start|Continue)( Django async views)?$/.test((button.getAttribute('aria-label') ?? button.textContent).trim()) && !button.disabled,
      );
    // A learner presses what is painted: the probe clicks in the task right after a frame
    // that had Start on screen (each frame again, until a question shows).
    const clickStart = () => {
      const start = startButton();
      if (!start) return;
      probe.startSeen ??= performance.now();
      afterPaint(() => {
        if (probe.optionFrame !== null || !start.isConnected) return;
        lastClick = performance.now();
        start.click();
      });
    };
    document.addEventListener(
      'click',
      (event) => {
        if (probe.reveal || !event.target.closest?.('[data-boot=start]')) return;
        const reveal = (probe.reveal = { t0: event.timeStamp, frame: null, painted: null });
        requestAnimationFrame(() => {
          reveal.frame = performance.now();
          afterPaint((t) => (reveal.painted = t));
        });
      },
      true,
    );
    probe.clickStart = clickStart;
  }
  const everyFrame = () => {
    if (optionShown()) {
      probe.optionFrame = performance.now();
      probe.startClicked = lastClick;
      afterPaint((t) => (probe.optionPainted = t));
      return;
    }
    probe.clickStart?.();
    requestAnimationFrame(everyFrame);
  };
  requestAnimationFrame(everyFrame);
}

/**
 * Check → feedback and Stats → stats page: from the trusted click's timestamp on the Check button
 * (or the app bar's Stats link) to (a) the feedback element (the stats page's first table) in
 * the DOM, (b) the next animation frame, (c) the task right after that frame's paint (a
 * MessageChannel message posted from requestAnimationFrame). Event Timing entries give the
 * browser's own view of the clicks (INP-like duration, including presentation); Chromium only
 * reports those of 16 ms or more.
 */
function clickProbe() {
  const probes = [
    { records: (window.__checks = []), control: 'button', text: 'Check', shows: '[data-testid=feedback]' },
    { records: (window.__statsOpenings = []), control: 'a', text: 'Stats', shows: 'main table' },
  ];
  const events = (window.__eventTimings = []);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      events.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration, interactionId: entry.interactionId });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  document.addEventListener(
    'click',
    (event) => {
      const probe = probes.find(({ control, text }) => event.target.closest?.(control)?.textContent.trim() === text);
      if (!probe) return;
      const record = { t0: event.timeStamp, dom: null, frame: null, painted: null };
      probe.records.push(record);
      const seen = () => {
        if (record.dom !== null || !document.querySelector(probe.shows)) return;
        record.dom = performance.now();
        observer.disconnect();
        requestAnimationFrame(() => {
          record.frame = performance.now();
          const channel = new MessageChannel();
          channel.port1.onmessage = () => (record.painted = performance.now());
          channel.port2.postMessage(0);
        });
      };
      const observer = new MutationObserver(seen);
      observer.observe(document.body, { subtree: true, childList: true });
    },
    true,
  );
}

// ---------------------------------------------------------------------------------------------

const stats = (values) => {
  const sorted = values.filter((v) => v !== null && v !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted.at(-1), n: sorted.length };
};

async function phonePage(browser, { network = SLOW_4G, peer = false } = {}) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(loadProbe, peer);
  if (!peer) await context.addInitScript(clickProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp };
}

/** The probe's times, once an option is on screen (and, on quizdeck, the app is up). */
async function waitForOption(page, { peer = false } = {}) {
  await page.waitForFunction((peer) => window.__bench?.optionPainted != null && (peer || window.__bench.appUp != null), peer, {
    polling: 100,
    timeout: 120_000,
  });
  return page.evaluate(() => ({
    ...window.__bench,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
}

// The trace of a cold load's reveal: the renderer's timeline events (tasks, style, layout, paint).
const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/**
 * What the Start click cost on the renderer's main thread, from a trace: the click's task
 * (its script, and the style and layout that `focus()` forces) and the style and layout of the
 * frame that paints the question, then that frame's paint (pre-paint, paint, layerize, commit).
 */
function revealFromTrace(events) {
  const complete = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
  const click = complete.find((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
  if (!click) return null;
  const thread = complete.filter((e) => e.pid === click.pid && e.tid === click.tid);
  const clickEnd = click.ts + click.dur;
  const paint = thread.find((e) => e.name === 'Paint' && e.ts >= clickEnd);
  if (!paint) return null;
  const commit = thread.find((e) => e.name === 'Commit' && e.ts >= paint.ts);
  const end = commit ? commit.ts + commit.dur : paint.ts + paint.dur;
  const sum = (names, from, to) =>
    thread.filter((e) => names.includes(e.name) && e.ts >= from && e.ts + e.dur <= to).reduce((total, e) => total + e.dur, 0) / 1000;
  const clickStyleLayout = sum(['UpdateLayoutTree', 'Layout'], click.ts, clickEnd);
  const frameStyleLayout = sum(['UpdateLayoutTree', 'Layout'], clickEnd, paint.ts);
  return {
    clickTask: click.dur / 1000,
    clickScript: click.dur / 1000 - clickStyleLayout,
    styleLayout: clickStyleLayout + frameStyleLayout,
    work: click.dur / 1000 + frameStyleLayout,
    paint: sum(['PrePaint', 'Paint', 'Layerize', 'Commit'], paint.ts - 5000, end),
    wall: (end - click.ts) / 1000,
  };
}

/**
 * A cold load of quizdeck (or, `peer`, of quizdown): the probe's times and every response's
 * bytes on the wire; `trace`, the reveal's cost from a trace of the load.
 */
async function coldLoad(browser, url, { peer = false, trace = false } = {}) {
  const { context, page, cdp } = await phonePage(browser, { peer });
  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) =>
    requests.set(requestId, { url: response.url, status: response.status, bytes: 0 }),
  );
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (requests.has(requestId)) requests.get(requestId).bytes = encodedDataLength;
  });
  const events = [];
  if (trace) {
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: TRACE_CATEGORIES }, transferMode: 'ReportEvents' });
  }
  await page.goto(url, { waitUntil: 'commit' });
  const times = await waitForOption(page, { peer });
  let reveal = null;
  if (trace) {
    const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
    await cdp.send('Tracing.end');
    await complete;
    reveal = revealFromTrace(events);
  }
  const transferred = [...requests.values()];
  await context.close();
  return { ...times, transferred, traced: reveal };
}

/**
 * Loads once online, lets the service worker install, then reloads offline `runs` times: as a
 * new learner (storage cleared: index.html's first screen) or, `returning`, with the progress
 * saved after answering the first question (the app's own screen, question 2).
 */
async function repeatVisits(browser, url, { returning }) {
  const { context, page, cdp } = await phonePage(browser, { network: null });
  await page.goto(url);
  await waitForOption(page);
  let saved = {};
  if (returning) {
    await page.locator('fieldset.choices input').first().check();
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByTestId('feedback').getByRole('button').click();
    await page.getByRole('heading', { name: /^Question 2 of/ }).waitFor();
    saved = await page.evaluate(() => ({ ...localStorage }));
  }
  // The app registers the worker once it has started; `ready` resolves when one is active.
  const worker = await page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return 'no serviceWorker API';
    const timeout = new Promise((done) => setTimeout(done, 60_000, null));
    const ready = await Promise.race([navigator.serviceWorker.ready, timeout]);
    return ready?.active?.scriptURL ?? 'none active within 60 s';
  });
  if (!worker || !worker.startsWith('http')) {
    await context.close();
    return { worker: worker ?? 'none', runs: [] };
  }
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    await page.evaluate((saved) => {
      localStorage.clear();
      for (const [key, value] of Object.entries(saved)) localStorage.setItem(key, value);
    }, saved);
    await context.setOffline(true);
    await cdp.send('Network.emulateNetworkConditions', { ...SLOW_4G, offline: true });
    const response = await page.goto(url, { waitUntil: 'commit' });
    const times = await waitForOption(page);
    runs.push({ ...times, fromServiceWorker: response?.fromServiceWorker() ?? false });
    await context.setOffline(false);
  }
  await context.close();
  return { worker, runs };
}

/**
 * Answers the question on screen with its first option (an order question as it is shown) and
 * presses Check.
 */
async function answerFirst(page) {
  const check = page.getByRole('button', { name: 'Check' });
  await check.waitFor();
  const option = page.locator('fieldset.choices input').first();
  if (await option.count()) await option.check();
  await check.click();
}

/** A whole round, answering with the first option shown; Check timed on every question. */
async function fullRound(browser, url) {
  const { context, page, cdp } = await phonePage(browser, { network: null });
  // waitForOption also waits for the app: every Check timed is the app's, none made on
  // index.html's first screen and done when the wasm arrives.
  await page.goto(url);
  await waitForOption(page);
  const heading = page.getByRole('heading', { level: 1, name: /^Question \d+ of \d+$/ });
  const total = Number((await heading.textContent()).match(/of (\d+)/)[1]);
  for (let i = 0; i < total; i++) {
    await answerFirst(page);
    await page.waitForFunction((n) => window.__checks.length === n && window.__checks.at(-1).painted !== null, i + 1, {
      polling: 50,
    });
    await page.getByTestId('feedback').getByRole('button', { name: /^(Next question|See results)$/ }).click();
  }
  await page.getByTestId('score').waitFor();
  const checks = await page.evaluate(() => window.__checks);
  const events = await page.evaluate(() => window.__eventTimings);
  await cdp.send('Performance.enable');
  const metric = async (name) =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === name)?.value ?? null;
  const heap = await metric('JSHeapUsedSize');
  await cdp.send('HeapProfiler.collectGarbage');
  const heapAfterGc = await metric('JSHeapUsedSize');
  const wasmMemory = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? null);
  await context.close();
  // The Event Timing entry of each Check click (clicks under 16 ms have none).
  const timed = checks.map((check) => {
    const entry = events.find((e) => e.name === 'click' && Math.abs(e.startTime - check.t0) < 2);
    const interaction = entry?.interactionId
      ? Math.max(...events.filter((e) => e.interactionId === entry.interactionId).map((e) => e.duration))
      : null;
    return { ...check, eventDuration: interaction };
  });
  return { total, checks: timed, heap, heapAfterGc, wasmMemory };
}

/**
 * A learner of three years (examples/three_years --write: `{"<localStorage key>": "<value>"}`),
 * seeded into localStorage, at 4× CPU: `RUNS` cold loads (the app's `quizdeck:load` User Timing
 * measures, every deck's summed per load), then, in a round, `RUNS` Checks (Check → feedback
 * painted, and the `quizdeck:save` measure each writes) and `RUNS` openings of the stats page.
 */
async function threeYears(browser, url, seed) {
  const { context, page } = await phonePage(browser, { network: null });
  await page.goto(url);
  await page.evaluate((seed) => {
    localStorage.clear();
    for (const [key, value] of Object.entries(seed)) localStorage.setItem(key, value);
  }, seed);
  const loads = [];
  // A round's address: the app opens on a question, whatever screen the learner was last on.
  const round = new URL('deck/django-async/round', url).href;
  for (let i = 0; i < RUNS; i++) {
    await page.goto(round, { waitUntil: 'commit' });
    await waitForOption(page);
    loads.push(await page.evaluate(() => performance.getEntriesByName('quizdeck:load').reduce((sum, e) => sum + e.duration, 0)));
  }
  const checks = [];
  const saves = [];
  for (let i = 0; i < RUNS; i++) {
    const [saved, checked] = await page.evaluate(() => [performance.getEntriesByName('quizdeck:save').length, window.__checks.length]);
    await answerFirst(page);
    await page.waitForFunction((n) => window.__checks.length === n && window.__checks.at(-1).painted !== null, checked + 1, { polling: 50 });
    await page.waitForFunction((n) => performance.getEntriesByName('quizdeck:save').length > n, saved, { polling: 50, timeout: 10_000 }).catch(() => {});
    const check = await page.evaluate(() => window.__checks.at(-1));
    checks.push(check.painted - check.t0);
    saves.push(await page.evaluate((n) => performance.getEntriesByName('quizdeck:save')[n]?.duration ?? null, saved));
    await page.getByTestId('feedback').getByRole('button', { name: /^(Next question|See results)$/ }).click();
  }
  const stats = [];
  for (let i = 0; i < RUNS; i++) {
    await page.getByRole('link', { name: 'Stats', exact: true }).click();
    await page.waitForFunction((n) => window.__statsOpenings.length === n && window.__statsOpenings.at(-1).painted !== null, i + 1, { polling: 50 });
    const opening = await page.evaluate(() => window.__statsOpenings.at(-1));
    stats.push(opening.painted - opening.t0);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /^Question \d+ of \d+$/ }).waitFor();
  }
  await context.close();
  const stored = Object.entries(seed).map(([key, value]) => ({ key, chars: value.length }));
  return { loads, checks, saves, stats, stored };
}

// ---------------------------------------------------------------------------------------------

const ms = (v) => (v === null || v === undefined ? 'n/a' : `${Math.round(v)} ms`);
const row = (label, values, goal, note = '') => {
  const s = stats(values);
  if (!s) return [label, 'n/a', '', '', goal ? `≤ ${goal} ms` : '', note];
  const ratio = goal ? ` (${(s.median / goal).toFixed(2)}× goal)` : '';
  return [label, ms(s.median) + ratio, ms(s.min), ms(s.max), goal ? `≤ ${goal} ms` : '', `${note}${note ? '; ' : ''}n=${s.n}`];
};

function machine() {
  const cpu = cpus();
  const git = (cmd) => {
    try {
      return execSync(cmd, { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
    } catch {
      return '?';
    }
  };
  const dirty = git('git status --porcelain -- src Cargo.toml Cargo.lock index.html assets decks') ? '+changes' : '';
  const os = readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] ?? process.platform;
  return `${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${os}; commit ${git('git rev-parse --short HEAD')}${dirty}`;
}

/** The 1, 5 and 15 minute load averages: how busy the (shared) machine was. */
const load = () => loadavg().map((l) => l.toFixed(2)).join(' / ');

async function main() {
  const rows = measureBuild(DIST);
  const sums = totals(rows);
  // Compressed on the fly, as a real host would (plain files would make the slow-4G figures
  // about a slow network, not about the app), on any free port.
  const server = await serve(DIST, 0, '/', ['--compress', ENCODING]);
  const url = server.url;
  const peerPage = writeQuizdownPage(PEER_DIR, DIST);
  const peerServer = await serve(PEER_DIR, 0, '/', ['--compress', ENCODING]);
  const seed = existsSync(THREE_YEARS) ? JSON.parse(readFileSync(THREE_YEARS, 'utf8')) : null;
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  const log = (message) => process.stderr.write(`[bench] ${message}\n`);
  const loadBefore = load();

  try {
    log(`${RUNS} cold loads each of quizdeck and quizdown ${PEER_VERSION}, alternated (phone, ${CPU_SLOWDOWN}× CPU, slow 4G, no cache, ${ENCODING})…`);
    const cold = [];
    const peer = [];
    for (let i = 0; i < RUNS; i++) {
      // Which goes first alternates too, so neither always follows the other's load.
      for (const side of i % 2 ? ['quizdeck', 'quizdown'] : ['quizdown', 'quizdeck']) {
        const run = side === 'quizdeck' ? await coldLoad(browser, url) : await coldLoad(browser, peerServer.url, { peer: true });
        (side === 'quizdeck' ? cold : peer).push(run);
        log(`  run ${i + 1}, ${side}: FCP ${ms(run.fcp)}, option painted ${ms(run.optionPainted)}`);
      }
    }
    log(`${RUNS} traced cold loads of quizdeck: the Start click's cost…`);
    const traced = [];
    for (let i = 0; i < RUNS; i++) {
      traced.push((await coldLoad(browser, url, { trace: true })).traced);
      log(`  run ${i + 1}: click task ${ms(traced.at(-1)?.clickTask)}, + the frame's style and layout ${ms(traced.at(-1)?.work)}`);
    }
    log('repeat visits offline, a new learner…');
    const repeat = await repeatVisits(browser, url, { returning: false });
    log('repeat visits offline, a learner with saved progress…');
    const returning = await repeatVisits(browser, url, { returning: true });
    log('a full round, timing Check…');
    const round = await fullRound(browser, url);
    let years = null;
    if (seed) {
      log(`a learner of three years (${THREE_YEARS}): cold loads, Checks, stats…`);
      years = await threeYears(browser, url, seed);
    } else {
      log(`no ${THREE_YEARS} (cargo run --release --locked --example three_years -- --write ${THREE_YEARS}): the three-year rows are left out`);
    }
    let lighthouse = null;
    if (LIGHTHOUSE_RUNS > 0) {
      log(`${LIGHTHOUSE_RUNS} Lighthouse runs (mobile preset; tests/e2e/serve.mjs --precompressed, first free port from ${PORT})…`);
      lighthouse = await runLighthouse(DIST, { runs: LIGHTHOUSE_RUNS, port: PORT, log });
    }

    const date = new Date().toISOString().slice(0, 16).replace('T', ' ');
    console.log(`### Benchmark of ${date} UTC`);
    console.log(`\nMachine: ${machine()}; Chromium ${browser.version()} (Debian), headless.`);
    console.log(`Load average (1 / 5 / 15 min): ${loadBefore} at the start, ${load()} at the end.`);
    console.log(
      `Build: ${relative(process.cwd(), DIST) || "."}. Conditions: ${PHONE.viewport.width}×${PHONE.viewport.height} phone (isMobile, DPR ${PHONE.deviceScaleFactor}), ` +
        `CPU ${CPU_SLOWDOWN}× slower, slow 4G (${SLOW_4G.latency} ms latency, 1.6 Mbit/s down, 750 kbit/s up), ` +
        `HTTP cache disabled, served with ${ENCODING}. Medians of ${RUNS} runs on a shared 2-core machine: noisy, compare ratios.\n`,
    );

    // Sizes.
    const requested = new Set(cold[0].transferred.map((r) => new URL(r.url).pathname.slice(1) || 'index.html'));
    const sizeRows = rows.map((r) => [
      r.file,
      r.kind,
      fmt(r.raw),
      fmt(r.gzip),
      fmt(r.brotli),
      r.firstVisit ? 'yes' : '',
      requested.has(r.file) ? 'yes' : '',
    ]);
    const firstGzip = sums.gzip.first_visit;
    const goalShare = (bytes) => `${(bytes / 1024).toFixed(1)} KB = ${(bytes / GOALS.firstVisitBytes).toFixed(2)}× the 64 KB goal`;
    sizeRows.push([
      '**first screen**',
      '',
      fmt(sums.raw.first_screen),
      `**${fmt(sums.gzip.first_screen)}**`,
      fmt(sums.brotli.first_screen),
      goalShare(sums.gzip.first_screen),
      '',
    ]);
    sizeRows.push([
      '**first visit**',
      '',
      fmt(sums.raw.first_visit),
      `**${fmt(firstGzip)}**`,
      fmt(sums.brotli.first_visit),
      goalShare(firstGzip),
      '',
    ]);
    sizeRows.push(['whole build', '', fmt(sums.raw.all), fmt(sums.gzip.all), fmt(sums.brotli.all), '', '']);
    console.log(
      table(
        ['file', 'kind', 'raw B', 'gzip -9 B', 'brotli 11 B', 'first visit', 'fetched by cold load'],
        sizeRows,
        ['l', 'l', 'r', 'r', 'r', 'l', 'l'],
      ),
    );
    const wire = stats(cold.map((run) => run.transferred.reduce((sum, r) => sum + r.bytes, 0)));
    console.log(
      `\nFirst screen = what the first screen needs to be painted and its first question answered before the app arrives ` +
        `(index.html with its inline CSS and script, and any stylesheet or classic script it names). ` +
        `First visit = index.html, the files it names (the app's JS glue and wasm too), and the files its CSS names (what scripts/check-budget counts). ` +
        `A cold load put ${fmt(Math.round(wire.median))} B on the wire (median, ${ENCODING}, headers included) in ${cold[0].transferred.length} requests.\n`,
    );

    // The app's code without the decks' content, beside the peer's runtime (its JS files).
    if (existsSync(SMALLEST)) {
      const questions = { full: questionCount(), smallest: questionCount(SMALLEST_DECKS) };
      const share = deckShare(rows, measureBuild(SMALLEST), questions);
      const peerRuntime = ['quizdown.js', 'quizdownHighlight.js']
        .map((file) => gzipSize(readFileSync(resolve(PEER_DIR, file))))
        .reduce((sum, bytes) => sum + bytes, 0);
      console.log(
        table(
          ['app code and decks (gzip -9)', 'bytes', 'goal'],
          [
            [`app code: a first visit of the app built from ${SMALLEST_DECKS} (${questions.smallest} questions)`, fmt(share.app_code), `≤ ${fmt(GOALS.appCodeBytes)} (quizdown ${PEER_VERSION}'s runtime and highlighter: ${fmt(peerRuntime)})`],
            [`the decks' content: the first visit's growth to ${questions.full} questions`, fmt(share.deck_content), ''],
            ['a question', fmt(share.deck_content_per_question), `≤ ${GOALS.questionBytes}`],
          ],
          ['l', 'r', 'l'],
        ),
      );
      console.log('');
    }

    // Side by side with the peer.
    const wireOf = (runs) => stats(runs.map((run) => run.transferred.reduce((sum, r) => sum + r.bytes, 0)));
    const spread = (s, unit) =>
      s ? `${unit(s.median)} (${unit(s.min)}–${unit(s.max)})` : 'n/a';
    const bytes = (v) => `${fmt(Math.round(v))} B`;
    const sideBySide = (label, pick, unit, goal = '') => {
      const [theirs, ours] = [stats(peer.map(pick)), stats(cold.map(pick))];
      const ratio = theirs && ours ? `${(ours.median / theirs.median).toFixed(2)}×` : 'n/a';
      return [label, spread(theirs, unit), spread(ours, unit), ratio, goal];
    };
    const wireTable = [wireOf(peer), wireOf(cold)];
    console.log(
      table(
        ['cold load, side by side', `quizdown ${PEER_VERSION}`, 'quizdeck', 'quizdeck ÷ quizdown', 'goal'],
        [
          ['bytes on the wire (headers included)', spread(wireTable[0], bytes), spread(wireTable[1], bytes), `${(wireTable[1].median / wireTable[0].median).toFixed(2)}×`, ''],
          ['requests', String(peer[0].transferred.length), String(cold[0].transferred.length), '', ''],
          sideBySide('first contentful paint', (r) => r.fcp, ms),
          sideBySide('first option on screen (its frame painted)', (r) => r.optionPainted, ms, `≤ ${GOALS.peerRatio}×`),
        ],
        ['l', 'r', 'r', 'r', 'r'],
      ),
    );
    console.log(
      `\nBoth served by tests/e2e/serve.mjs with ${ENCODING}, loaded alternately (${RUNS} each, which goes first alternating) in the same browser under the conditions above; medians (min–max). ` +
        `The peer page (bench/quizdown-page.mjs) holds the ${peerPage.questions} questions of the Django deck in quizdown's Markdown, read from the deck file through the deck compiler's export, ` +
        `\`${peerPage.firstId}\` (quizdeck's first) first; quizdown ${PEER_VERSION}'s bundle and its highlight extension as npm ships them. ` +
        `Time to the first option, the same probe in both pages: every animation frame it looks for an enabled option on screen (quizdeck: an input of \`fieldset.choices\`, after pressing the Django deck's Start in the task after the frame that painted it; ` +
        `quizdown: a \`label\` holding its input, in the quiz's shadow root, which quizdown fills on \`load\` after its 800 ms loading spinner) and stamps the task after that frame's paint.\n`,
    );

    // Timings.
    const checks = round.checks;
    const overThreshold = checks.filter((c) => c.eventDuration !== null);
    const eventNote =
      `${overThreshold.length} of ${checks.length} Check interactions ≥ 16 ms` +
      (overThreshold.length ? `; max ${ms(Math.max(...overThreshold.map((c) => c.eventDuration)))}` : '');
    const eventMedian =
      overThreshold.length * 2 > checks.length
        ? row('Check interaction, Event Timing (INP-like)', checks.map((c) => c.eventDuration ?? 0), GOALS.checkMs, eventNote)
        : ['Check interaction, Event Timing (INP-like)', '< 16 ms', '', '', `≤ ${GOALS.checkMs} ms`, eventNote];
    const repeatRows = (visits, who) =>
      visits.runs.length === 0
        ? [[`repeat visit offline, ${who} → first option on screen`, `n/a (no service worker in build: ${visits.worker})`, '', '', `≤ ${GOALS.repeatMs} ms`, '']]
        : [
            row(`repeat visit offline, ${who}: FCP`, visits.runs.map((r) => r.fcp), null),
            row(
              `repeat visit offline, ${who} → first option on screen`,
              visits.runs.map((r) => r.optionPainted),
              GOALS.repeatMs,
              `${visits.runs.filter((r) => r.fromServiceWorker).length}/${visits.runs.length} navigations from the worker`,
            ),
            row(`repeat visit offline, ${who} → app up (Check works)`, visits.runs.map((r) => r.appUp), null),
          ];
    const mb = (v) => (v === null ? 'n/a' : `${(v / 2 ** 20).toFixed(2)} MiB`);
    console.log(
      table(
        ['measure', 'median', 'min', 'max', 'goal', 'notes'],
        [
          row('cold load → first contentful paint', cold.map((r) => r.fcp), null),
          row('cold load → Start clickable (the click that worked)', cold.map((r) => r.startClicked), null),
          row('cold load → first option on screen', cold.map((r) => r.optionPainted), GOALS.optionMs, 'Start clicked at once, first option enabled, its frame painted'),
          row('Start → question painted', cold.map((r) => r.reveal && r.reveal.painted - r.reveal.t0), null, 'in the page: the click\'s timestamp to the task after the next frame\'s paint; includes waiting for vsync'),
          row('Start: script, style and layout', traced.map((t) => t?.work), GOALS.revealMs, 'trace: the click\'s task and the style and layout of the frame that paints the question'),
          row('Start: the click\'s script', traced.map((t) => t?.clickScript), null, 'trace: the click\'s task less the style and layout it forced'),
          row('Start: style and layout', traced.map((t) => t?.styleLayout), null, 'trace: forced in the click, and in the next frame'),
          row('Start: that frame\'s paint', traced.map((t) => t?.paint), null, 'trace: pre-paint, paint, layerize, commit (rastered on other threads)'),
          row('cold load → app up (Check works)', cold.map((r) => r.appUp), null, 'index.html\'s first screen taken over by the app'),
          ...repeatRows(repeat, 'new learner'),
          ...repeatRows(returning, 'saved progress'),
          row('Check → feedback in the DOM', checks.map((c) => c.dom - c.t0), null, `${round.total} questions, 4× CPU`),
          row('Check → next frame (feedback painted)', checks.map((c) => c.painted - c.t0), GOALS.checkMs, 'rAF + post-paint task; includes waiting for vsync'),
          eventMedian,
          ['JS heap after a full round', mb(round.heap), '', '', '', `${mb(round.heapAfterGc)} after GC; wasm memory ${mb(round.wasmMemory)}`],
        ],
        ['l', 'r', 'r', 'r', 'r', 'l'],
      ),
    );
    if (years) {
      const storedBytes = years.stored.reduce((sum, s) => sum + s.chars, 0);
      const kib = (v) => `${(v / 1024).toFixed(1)} KB`;
      console.log(
        '\n' +
          table(
            ['a learner of three years, 4× CPU', 'median', 'min', 'max', 'goal', 'notes'],
            [
              [
                'stored progress',
                `${fmt(storedBytes)} B (${(storedBytes / GOALS.storedBytes).toFixed(2)}× goal)`,
                '',
                '',
                '≤ 256 KB',
                years.stored.map((s) => `\`${s.key}\` ${kib(s.chars)}`).join(', '),
              ],
              row('cold load (`quizdeck:load`)', years.loads, GOALS.loadMs, 'decode and replay, every deck summed, per load'),
              row('a save (`quizdeck:save`)', years.saves, GOALS.saveMs, 'encode and localStorage write, after a Check'),
              row('Check → feedback painted', years.checks, GOALS.checkMs, 'rAF + post-paint task'),
              row('Stats link → stats table painted', years.stats, GOALS.statsMs, 'the click\'s timestamp to the task after the frame that paints the first table'),
            ],
            ['l', 'r', 'r', 'r', 'r', 'l'],
          ),
      );
      console.log(
        `\nSeeded from ${relative(process.cwd(), THREE_YEARS)} (examples/three_years --write), no network throttling; stored size in characters of the values (ASCII JSON: bytes). ${RUNS} of each.`,
      );
    }
    if (lighthouse) console.log(`\n${lighthouseMarkdown(lighthouse)}`);
  } finally {
    await browser.close();
    server.kill();
    peerServer.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
