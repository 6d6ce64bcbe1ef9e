// Runs the learner's journeys in every engine, one engine after the other (two cores: the
// engines would only slow each other down), and prints a summary per engine at the end.
// Usage: node tests/engines/run.mjs [chromium|firefox|webkit …]   (default: all three)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ENGINES } from './browsers.mjs';

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const engines = process.argv.length > 2 ? process.argv.slice(2) : ENGINES;
const unknown = engines.filter((engine) => !ENGINES.includes(engine));
if (unknown.length > 0) {
  console.error(`unknown engine(s) ${unknown.join(', ')}; choose from ${ENGINES.join(', ')}`);
  process.exit(2);
}

const { status } = spawnSync(
  process.execPath,
  [
    '--test',
    '--test-concurrency=1',
    '--test-reporter=spec',
    '--test-reporter-destination=stdout',
    `--test-reporter=${here('./summary.mjs')}`,
    '--test-reporter-destination=stdout',
    ...engines.map((engine) => here(`./${engine}.test.mjs`)),
  ],
  { stdio: 'inherit' },
);
process.exit(status ?? 1);
