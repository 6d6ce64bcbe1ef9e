// Fails (exit 1) when a release build is larger than budget.json allows; prints the figures
// either way. Sizes are gzip -9 bytes, per kind of file and for what a first visit needs
// (see scripts/sizes.mjs). Timings are never asserted: scripts/bench reports them.
// With a second build of the same app made from the smallest decks (tests/fixtures/smallest-decks,
// QUIZDECK_DECKS_DIR), also the app's code without the decks' content and what each question
// of the decks costs (sizes.mjs, deckShare).
// Usage: scripts/check-budget [dist-dir] [budget-file] [smallest-decks-dist-dir]
import { readFileSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBuild, totals, table, fmt, deckShare, questionCount } from './sizes.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const [dir = resolve(root, 'dist'), budgetFile = resolve(root, 'budget.json'), smallestDir] = process.argv.slice(2);
const DECK_SHARE = ['app_code', 'deck_content_per_question'];
const SMALLEST_DECKS = 'tests/fixtures/smallest-decks';

let budget, rows, measured;
try {
  budget = JSON.parse(readFileSync(budgetFile, 'utf8')).gzip_bytes;
  rows = measureBuild(dir);
  measured = totals(rows).gzip;
  if (smallestDir) {
    const questions = { full: questionCount(), smallest: questionCount(SMALLEST_DECKS) };
    Object.assign(measured, deckShare(rows, measureBuild(smallestDir), questions));
  } else {
    // Without the second build these two cannot be measured: say so rather than pass them.
    for (const name of DECK_SHARE) delete budget[name];
    console.log(`(no build of the smallest decks given: ${DECK_SHARE.join(' and ')} not checked)`);
  }
} catch (error) {
  console.error(`check-budget: ${error.message}`);
  process.exit(1);
}

const results = Object.entries(budget).map(([name, limit]) => {
  if (!(name in measured)) throw new Error(`budget.json: unknown size "${name}"`);
  const size = measured[name];
  return { name, size, limit, over: size > limit };
});
const failed = results.filter((r) => r.over);

console.log(`Size budget: ${dir} against ${budgetFile} (gzip -9 bytes)\n`);
console.log(
  table(
    ['size', 'gzip bytes', 'budget', 'headroom', ''],
    results.map((r) => [
      r.name,
      fmt(r.size),
      fmt(r.limit),
      `${r.limit - r.size >= 0 ? '' : '-'}${fmt(Math.abs(r.limit - r.size))} (${(((r.limit - r.size) / r.limit) * 100).toFixed(1)}%)`,
      r.over ? 'OVER BUDGET' : 'ok',
    ]),
    ['l', 'r', 'r', 'r', 'l'],
  ),
);
const first = rows.filter((row) => row.firstVisit).map((row) => row.file);
console.log(`\nfirst visit = ${first.join(', ')}`);
if (failed.length) {
  console.error(
    `\nFAIL: ${failed.map((r) => `${r.name} is ${fmt(r.size - r.limit)} B over`).join('; ')}.` +
      '\nMake the build smaller, or raise budget.json in the same commit and say why.',
  );
  process.exit(1);
}
console.log('\nok: every size is within budget.json');
