// The benchmark behind scripts/bench: sizes of a release build, how it loads and answers in
// Chromium under phone conditions, and Lighthouse's scores (scripts/lighthouse.mjs). Prints
// Markdown (paste it into docs/benchmarks.md); progress goes to stderr.
// Usage: node scripts/bench.mjs [--dist DIR] [--runs N] [--encoding gzip|br|identity]
//                               [--lighthouse-runs N] [--port P]
//
// Timings are medians with min and max over several runs on a shared, noisy machine: read
// them as ratios and orders of magnitude, not as exact figures. Nothing here is asserted.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { cpus, loadavg, totalmem } from 'node:os';
import { execSync } from 'node:child_process';
import { measureBuild, totals, table, fmt } from './sizes.mjs';
import { runLighthouse, lighthouseMarkdown } from './lighthouse.mjs';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.mjs';
import { serve } from '../tests/e2e/shared.mjs';

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

// The conditions: a phone, CPU 4× slower, slow 4G, cache disabled.
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 3 };
const CPU_SLOWDOWN = 4;
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };
const GOALS = { firstVisitBytes: 64 * 1024, optionMs: 1200, repeatMs: 250, checkMs: 16 };

// ---------------------------------------------------------------------------------------------
// In-page probes, installed before any of the page's own scripts.

/**
 * "First option clickable": the time (from navigation start) at which an option of the first
 * question is on screen and enabled, reached the fastest way a learner could: the probe clicks
 * the start screen's Start (or Continue) button the moment one is on screen and enabled, again
 * every frame until a question shows (a new learner's Start works before the wasm: boot.js shows
 * index.html's first question; a returning learner's waits for the app), and stamps the first
 * enabled option on screen (`fieldset.choices input`, a radio or, on a select-all question, a
 * checkbox), then the frame that paints it. "Start clickable" is when the click that worked was made.
 */
function loadProbe() {
  const probe = (window.__bench = { startSeen: null, startClicked: null, option: null, optionFrame: null, appUp: null });
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
  let lastClick = null;
  // index.html holds the first question, hidden until Start: only what is on screen counts.
  const shown = (selector) => [...document.querySelectorAll(selector)].filter((element) => element.checkVisibility());
  const startButton = () =>
    shown('button').find((button) => /^(Start|Continue)$/.test(button.textContent.trim()) && !button.disabled);
  const tick = () => {
    if (probe.option !== null) return;
    if (shown('fieldset.choices input:is([type=radio], [type=checkbox]):not(:disabled)').length > 0) {
      probe.option = performance.now();
      probe.startClicked = lastClick;
      requestAnimationFrame(() => (probe.optionFrame = performance.now()));
      return;
    }
    const start = startButton();
    if (start) {
      probe.startSeen ??= performance.now();
      lastClick = performance.now();
      start.click();
    }
  };
  new MutationObserver(tick).observe(document, { subtree: true, childList: true, attributes: true });
  const everyFrame = () => {
    tick();
    if (probe.option === null) requestAnimationFrame(everyFrame);
  };
  requestAnimationFrame(everyFrame);
}

/**
 * Check → feedback: from the trusted click's timestamp on the Check button to (a) the feedback
 * element in the DOM, (b) the next animation frame, (c) the task right after that frame's paint
 * (a MessageChannel message posted from requestAnimationFrame). Event Timing entries give the
 * browser's own view (INP-like duration, including presentation); Chromium only reports those
 * of 16 ms or more.
 */
function checkProbe() {
  const checks = (window.__checks = []);
  const events = (window.__eventTimings = []);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      events.push({ name: entry.name, startTime: entry.startTime, duration: entry.duration, interactionId: entry.interactionId });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  document.addEventListener(
    'click',
    (event) => {
      const button = event.target.closest?.('button');
      if (!button || button.textContent.trim() !== 'Check') return;
      const record = { t0: event.timeStamp, dom: null, frame: null, painted: null };
      checks.push(record);
      const seen = () => {
        if (record.dom !== null || !document.querySelector('[data-testid=feedback]')) return;
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

async function phonePage(browser, { network = SLOW_4G } = {}) {
  const context = await browser.newContext(PHONE);
  await context.addInitScript(loadProbe);
  await context.addInitScript(checkProbe);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (network) await cdp.send('Network.emulateNetworkConditions', network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  return { context, page, cdp };
}

/** The probe's times, once an option is clickable and the app is up. */
async function waitForOption(page) {
  await page.waitForFunction(() => window.__bench?.optionFrame != null && window.__bench.appUp != null, null, {
    polling: 100,
    timeout: 120_000,
  });
  return page.evaluate(() => ({
    ...window.__bench,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
  }));
}

async function coldLoad(browser, url) {
  const { context, page, cdp } = await phonePage(browser);
  const requests = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) =>
    requests.set(requestId, { url: response.url, status: response.status, bytes: 0 }),
  );
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    if (requests.has(requestId)) requests.get(requestId).bytes = encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'commit' });
  const times = await waitForOption(page);
  const transferred = [...requests.values()];
  await context.close();
  return { ...times, transferred };
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
    await page.locator('fieldset.choices input').first().check();
    await page.getByRole('button', { name: 'Check' }).click();
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
  const browser = await chromium.launch({ executablePath: CHROMIUM_EXECUTABLE, args: CHROMIUM_ARGS });
  const log = (message) => process.stderr.write(`[bench] ${message}\n`);
  const loadBefore = load();

  try {
    log(`${RUNS} cold loads (phone, ${CPU_SLOWDOWN}× CPU, slow 4G, no cache, ${ENCODING})…`);
    const cold = [];
    for (let i = 0; i < RUNS; i++) {
      cold.push(await coldLoad(browser, url));
      log(`  run ${i + 1}: FCP ${ms(cold.at(-1).fcp)}, option ${ms(cold.at(-1).optionFrame)}`);
    }
    log('repeat visits offline, a new learner…');
    const repeat = await repeatVisits(browser, url, { returning: false });
    log('repeat visits offline, a learner with saved progress…');
    const returning = await repeatVisits(browser, url, { returning: true });
    log('a full round, timing Check…');
    const round = await fullRound(browser, url);
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
        ? [[`repeat visit offline, ${who} → first option clickable`, `n/a (no service worker in build: ${visits.worker})`, '', '', `≤ ${GOALS.repeatMs} ms`, '']]
        : [
            row(`repeat visit offline, ${who}: FCP`, visits.runs.map((r) => r.fcp), null),
            row(
              `repeat visit offline, ${who} → first option clickable`,
              visits.runs.map((r) => r.optionFrame),
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
          row('cold load → first option clickable', cold.map((r) => r.optionFrame), GOALS.optionMs, 'Start clicked at once, first option enabled, its frame'),
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
    if (lighthouse) console.log(`\n${lighthouseMarkdown(lighthouse)}`);
  } finally {
    await browser.close();
    server.kill();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
