// Lighthouse 12 (npm `lighthouse`, pinned in package.json) against a release build served over
// HTTP by tests/e2e/serve.mjs, in Debian's Chromium (chrome-launcher; nothing is downloaded),
// mobile preset (Lighthouse's default form factor and simulated slow 4G / 4× CPU). Part of
// scripts/bench; also runs alone: node scripts/lighthouse.mjs [dist] [--runs N] [--port P]
//
// Scores of the four categories (median of the runs, with min and max), and every audit that is
// not passing in the median-performance run: id, title, displayed value. Audits Lighthouse marks
// informative, manual or not applicable are not failures and are left out.
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_ARGS, CHROMIUM_EXECUTABLE } from '../tests/e2e/chromium.mjs';
import { serve } from '../tests/e2e/shared.mjs';
import { table } from './sizes.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

// The flags every script here gives Chromium (as root, off the network), headless;
// chrome-launcher adds its own defaults (a fresh temporary profile, no default-browser check).
const CHROME_FLAGS = ['--headless=new', ...CHROMIUM_ARGS];

/** One Lighthouse run in a fresh Chromium; returns its report (lhr). */
async function runOnce(url) {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_EXECUTABLE,
    chromeFlags: CHROME_FLAGS,
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: CATEGORIES,
    });
    if (result.lhr.runtimeError) throw new Error(`lighthouse: ${result.lhr.runtimeError.message}`);
    return result.lhr;
  } finally {
    await chrome.kill();
  }
}

const score = (lhr, category) => Math.round((lhr.categories[category].score ?? 0) * 100);

/**
 * The audits of the four categories that do not pass: a score below 1, or an error (an audit
 * Lighthouse could not compute; it then counts as failing where it has a weight).
 */
function failing(lhr) {
  const rows = new Map();
  for (const category of CATEGORIES) {
    for (const ref of lhr.categories[category].auditRefs) {
      const audit = lhr.audits[ref.id];
      const error = audit.scoreDisplayMode === 'error';
      if (rows.has(ref.id) || (!error && (audit.score === null || audit.score >= 1))) continue;
      if (['notApplicable', 'manual', 'informative'].includes(audit.scoreDisplayMode)) continue;
      rows.set(ref.id, {
        category,
        id: ref.id,
        weight: ref.weight,
        title: audit.title,
        // Errors are long and end in their cause ("Required … gatherer encountered an error: <cause>").
        value: error ? `error: ${audit.errorMessage.replace(/^.*(exception|an error): /s, '')}` : (audit.displayValue ?? ''),
      });
    }
  }
  return [...rows.values()];
}

/**
 * Runs Lighthouse `runs` times against `dist`; returns the scores per category (median, min,
 * max), the failing audits of the run with the median performance score, and what ran.
 */
export async function runLighthouse(dist, { runs = 3, port = 4190, log = () => {} } = {}) {
  // Pre-compressed siblings on; the first free port from `port` (other work here may hold some).
  const server = await serve(resolve(dist), port, '/', ['--precompressed'], { tries: 10 });
  log(`  serving ${dist} at ${server.url}`);
  const reports = [];
  try {
    for (let i = 0; i < runs; i++) {
      reports.push(await runOnce(server.url));
      log(`  lighthouse ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${c} ${score(reports.at(-1), c)}`).join(', ')}`);
    }
  } finally {
    server.kill();
  }
  const byPerformance = [...reports].sort((a, b) => score(a, 'performance') - score(b, 'performance'));
  const median = byPerformance[(byPerformance.length - 1) >> 1];
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => {
      const values = reports.map((lhr) => score(lhr, category)).sort((a, b) => a - b);
      return [category, { median: values[(values.length - 1) >> 1], min: values[0], max: values.at(-1) }];
    }),
  );
  const metrics = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index']
    .map((id) => `${median.audits[id].title} ${median.audits[id].displayValue}`)
    .join(', ');
  return {
    scores,
    failing: failing(median),
    metrics,
    runs,
    lighthouseVersion: median.lighthouseVersion,
    userAgent: median.environment.hostUserAgent,
    formFactor: median.configSettings.formFactor,
    throttling: median.configSettings.throttlingMethod,
  };
}

/** Markdown: the scores table, then the failing audits (or a line saying there are none). */
export function lighthouseMarkdown(result) {
  const scores = table(
    ['Lighthouse (mobile)', 'score', 'min', 'max', 'goal'],
    CATEGORIES.map((category) => {
      const { median, min, max } = result.scores[category];
      return [category, String(median), String(min), String(max), '100'];
    }),
    ['l', 'r', 'r', 'r', 'r'],
  );
  const note =
    `Lighthouse ${result.lighthouseVersion}, ${result.formFactor} preset, ${result.throttling} throttling, ` +
    `median of ${result.runs} runs (the run with the median performance score is the one whose audits are listed). ` +
    `Its metrics: ${result.metrics}.`;
  const audits = result.failing.length
    ? table(
        ['not passing', 'category', 'title', 'value'],
        result.failing.map((a) => [
          `\`${a.id}\``,
          `${a.category}, weight ${a.weight}`,
          a.title.replace(/\|/g, '\\|'),
          a.value.replace(/\|/g, '\\|'),
        ]),
      )
    : 'Every scored audit passes.';
  return `${scores}\n\n${note}\n\n${audits}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args.splice(i, 2)[1] : fallback;
  };
  const runs = Number(option('runs', 1));
  const port = Number(option('port', 4190));
  const dist = args[0] ?? 'dist';
  const result = await runLighthouse(dist, { runs, port, log: (m) => process.stderr.write(`${m}\n`) });
  console.log(lighthouseMarkdown(result));
}
