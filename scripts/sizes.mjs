// Sizes of a build folder, shared by scripts/bench and scripts/check-budget: every file's raw,
// gzip -9 and brotli (quality 11) size, its kind, and whether a first visit needs it.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { join, relative, extname, normalize } from 'node:path';
import { exportDecks } from './deck-export.mjs';

const KINDS = {
  '.wasm': 'wasm',
  '.js': 'js',
  '.mjs': 'js',
  '.css': 'css',
  '.html': 'html',
};
const TEXT = new Set(['.js', '.mjs', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt', '.xml']);
/**
 * What is worth compressing: text and wasm (PNGs are compressed already). The build's .br/.gz
 * files (scripts/pwa/post-build.mjs) and the benchmark's on-the-fly server
 * (tests/e2e/serve.mjs --compress) use it.
 */
export const COMPRESSIBLE = new Set([...TEXT, '.wasm']);

export const kindOf = (path) => KINDS[extname(path)] ?? 'other';

/** Every file under `dir` (relative paths), dot-files and dot-folders left out. */
export function walk(dir, root = dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name.startsWith('.')) return []; // trunk's .stage and the like
    return statSync(path).isDirectory() ? walk(path, root) : [relative(root, path)];
  });
}

/** gzip -9 and brotli quality 11 (text mode for text files), as the build's .gz/.br files are made. */
export const gzip = (bytes) => gzipSync(bytes, { level: 9 });
export const brotli = (bytes, path = '') =>
  brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 11,
      [constants.BROTLI_PARAM_MODE]: TEXT.has(extname(path))
        ? constants.BROTLI_MODE_TEXT
        : constants.BROTLI_MODE_GENERIC,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
    },
  });
export const gzipSize = (bytes) => gzip(bytes).length;
export const brotliSize = (bytes, path = '') => brotli(bytes, path).length;

/**
 * The files a first visit needs for its first screen, as a browser fetches them: index.html;
 * what its <link rel="stylesheet|icon|modulepreload|preload|manifest"> and <script src> name;
 * the paths quoted in its inline scripts (trunk's init imports the JS glue and the wasm); and
 * what those stylesheets name with url(). Not counted: files fetched only on install or by the
 * service worker's precache (manifest icons, apple-touch-icon, the worker itself, which the
 * app registers after it starts).
 */
const FETCHED_RELS = new Set(['stylesheet', 'icon', 'modulepreload', 'preload', 'manifest']);

/**
 * With `{ firstScreenOnly: true }`: only what the first screen needs to be painted and used
 * (index.html's first question can be answered before the app arrives, src/ui/first_screen.rs):
 * index.html, its stylesheets and classic scripts, and what those stylesheets name. Not the
 * app's module script imports (JS glue, wasm), preloads, icons or the manifest.
 */
function firstVisitFiles(dir, files, { firstScreenOnly = false } = {}) {
  const rels = firstScreenOnly ? new Set(['stylesheet']) : FETCHED_RELS;
  const present = new Set(files);
  const needed = new Set();
  const add = (from, reference) => {
    if (!reference || /^(data:|[a-z]+:\/\/|#)/i.test(reference)) return;
    // A path under the build's public URL (`/quizdeck/app.js` for `<base href="/quizdeck/">`)
    // is the file at that path in the build.
    if (publicPath !== '/' && reference.startsWith(publicPath)) reference = reference.slice(publicPath.length);
    const base = from.includes('/') ? from.slice(0, from.lastIndexOf('/') + 1) : '';
    const path = reference.split(/[?#]/)[0];
    const candidates = [normalize(join(base, path)), path.replace(/^(\.?\/)+/, '')];
    const file = candidates.find((c) => present.has(c));
    if (file && !needed.has(file)) {
      needed.add(file);
      if (extname(file) === '.css') scanCss(file);
    }
  };
  const attr = (tag, name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);
  const scanCss = (file) => {
    const css = readFileSync(join(dir, file), 'utf8');
    for (const m of css.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/g)) add(file, m[1] ?? m[2] ?? m[3]);
    for (const m of css.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/g)) add(file, m[1] ?? m[2]);
  };
  if (!present.has('index.html')) return needed;
  needed.add('index.html');
  const html = readFileSync(join(dir, 'index.html'), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  const baseTag = html.match(/<base\b[^>]*>/i)?.[0];
  const publicPath = (baseTag && attr(baseTag, 'href')) || '/';
  for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
    const tagRels = (attr(tag, 'rel') ?? '').toLowerCase().split(/\s+/);
    if (tagRels.some((rel) => rels.has(rel))) add('index.html', attr(tag, 'href'));
  }
  for (const [, open, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    const isModule = (attr(open, 'type') ?? '').toLowerCase() === 'module';
    if (firstScreenOnly && isModule) continue;
    const src = attr(open, 'src');
    if (src) add('index.html', src);
    else for (const m of body.matchAll(/(["'`])([^"'`\s]+)\1/g)) add('index.html', m[2]);
  }
  return needed;
}

/** Every file of the build (pre-compressed .gz/.br siblings left out), sorted by kind. */
export function measureBuild(dir) {
  if (!existsSync(join(dir, 'index.html'))) {
    throw new Error(`${dir}/index.html not found: build first (trunk build --release --offline)`);
  }
  const all = walk(dir);
  const present = new Set(all);
  // 404.html is index.html again (for static hosts that answer a screen's address with it):
  // counted once, as index.html. The manifest's screenshots are for install dialogs only,
  // never fetched by the app nor precached by the worker.
  const files = all.filter((file) => {
    const m = file.match(/^(.*)\.(gz|br)$/);
    return !(m && present.has(m[1])) && file !== '404.html' && !file.startsWith('screenshots/');
  });
  const needed = firstVisitFiles(dir, files);
  const firstScreen = firstVisitFiles(dir, files, { firstScreenOnly: true });
  const order = ['html', 'css', 'js', 'wasm', 'other'];
  return files
    .map((file) => {
      const bytes = readFileSync(join(dir, file));
      return {
        file,
        kind: kindOf(file),
        raw: bytes.length,
        gzip: gzipSize(bytes),
        brotli: brotliSize(bytes, file),
        firstVisit: needed.has(file),
        firstScreen: firstScreen.has(file),
      };
    })
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind) || a.file.localeCompare(b.file));
}

/** gzip bytes per kind, and the first-visit total, as budget.json names them. */
export function totals(rows) {
  const sum = (list, key) => list.reduce((total, row) => total + row[key], 0);
  const byKind = {};
  for (const kind of ['wasm', 'js', 'css', 'html', 'other']) {
    byKind[kind] = sum(rows.filter((row) => row.kind === kind), 'gzip');
  }
  const first = rows.filter((row) => row.firstVisit);
  const screen = rows.filter((row) => row.firstScreen);
  const of = (key) => ({ first_screen: sum(screen, key), first_visit: sum(first, key), all: sum(rows, key) });
  return {
    gzip: { ...byKind, ...of('gzip') },
    raw: of('raw'),
    brotli: of('brotli'),
  };
}

export const fmt = (n) => n.toLocaleString('en-US');
export const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** A Markdown table with right-aligned numeric columns. */
export function table(header, rows, align = []) {
  const cells = [header, ...rows].map((row) => row.map(String));
  const widths = header.map((_, i) => Math.max(3, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row) =>
    `| ${row.map((cell, i) => (align[i] === 'r' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  return [line(cells[0]), rule, ...cells.slice(1).map(line)].join('\n');
}

/** How many questions the decks in `decksDir` (relative to the repository root) hold. */
export function questionCount(decksDir = 'decks') {
  return Object.values(exportDecks(decksDir)).reduce((count, deck) => count + deck.question.length, 0);
}

/**
 * The decks' share of a first visit, gzip bytes: the same app built with every deck (`full`, the
 * rows of measureBuild) and with the smallest decks (`smallest`: a few questions with every kind
 * of content, so that no code the real decks need is left out of that build as unused). The
 * app's code is what the smallest build needs (its few questions are a couple of KB); each
 * further question costs the difference spread over them. `questions`: {full, smallest}.
 */
export function deckShare(full, smallest, questions) {
  const app = totals(smallest).gzip.first_visit;
  const decks = totals(full).gzip.first_visit - app;
  const added = questions.full - questions.smallest;
  return { app_code: app, deck_content: decks, deck_content_per_question: Math.round(decks / added) };
}
