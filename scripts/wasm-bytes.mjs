// The Markdown behind scripts/wasm-bytes: twiggy's `top` (CSV, one row per function or data
// segment) summed per crate, then the largest functions. A function is the crate's whose path
// its name starts with; a trait method (`<T as tachys::view::Render>::build`) is the trait's
// crate's, the crate whose generic code it is; the name sections and data segments are rows of
// their own (the data is mostly the decks' text).
// Usage: node scripts/wasm-bytes.mjs top.csv [--functions N]
import { readFileSync } from 'node:fs';
import { table, fmt } from './sizes.mjs';

const [csvFile, ...args] = process.argv.slice(2);
const at = args.indexOf('--functions');
const FUNCTIONS = at >= 0 ? Number(args[at + 1]) : 25;

/** twiggy's CSV: Name,ShallowSize,… with quoted names that may hold commas. */
function rows(text) {
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const match = line.match(/^("(?:[^"]|"")*"|[^,]*),(\d+),/);
      const name = match[1].startsWith('"') ? match[1].slice(1, -1).replace(/""/g, '"') : match[1];
      return { name, bytes: Number(match[2]) };
    });
}

function part(name) {
  if (/names" subsection$/.test(name) || /^"?(function|local|type|global|data) names/.test(name)) return '(names section)';
  if (/^data\[/.test(name)) return '(data: the decks\' text and other constants)';
  const trait = name.match(/^<.* as ([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  const own = name.match(/^<?&?(?:mut )?(?:dyn )?([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  const crate = (trait ?? own)?.[1];
  if (!crate) return '(other: glue, tables, compiler builtins)';
  return ['core', 'alloc', 'std', 'compiler_builtins', 'dlmalloc', '__rustc'].includes(crate) ? 'Rust standard library' : crate;
}

const all = rows(readFileSync(csvFile, 'utf8'));
const total = all.reduce((sum, row) => sum + row.bytes, 0);
const names = all.filter((row) => part(row.name) === '(names section)').reduce((sum, row) => sum + row.bytes, 0);
const counted = total - names;
const byPart = new Map();
for (const row of all) {
  const key = part(row.name);
  if (key !== '(names section)') byPart.set(key, (byPart.get(key) ?? 0) + row.bytes);
}
const share = (bytes) => `${((bytes / counted) * 100).toFixed(1)} %`;
console.log(`Of ${fmt(counted)} B of code and data (before wasm-opt; names left out):\n`);
console.log(
  table(
    ['crate', 'bytes', 'share'],
    [...byPart].sort((a, b) => b[1] - a[1]).filter(([, bytes]) => bytes / counted >= 0.002).map(([key, bytes]) => [key, fmt(bytes), share(bytes)]),
    ['l', 'r', 'r'],
  ),
);
console.log(`\nThe ${FUNCTIONS} largest functions:\n`);
const functions = all.filter((row) => !/^\(/.test(part(row.name)) || part(row.name).startsWith('(other'));
console.log(
  table(
    ['function', 'bytes'],
    functions
      .filter((row) => !row.name.startsWith('data['))
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, FUNCTIONS)
      .map((row) => [`\`${row.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\[[0-9a-f]{16}\]/g, '').replace(/\|/g, '\\|')}\``, fmt(row.bytes)]),
    ['l', 'r'],
  ),
);
