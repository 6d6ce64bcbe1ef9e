// Turns trunk's output into an installable, offline-first PWA. Runs as trunk's `post_build`
// hook (see Trunk.toml) on the staging folder, before trunk moves it to dist/:
//   1. icons: every PNG rendered from the one source image, assets/icon.svg;
//   2. Content-Security-Policy: a <meta> tag whose script-src allows trunk's inline init script
//      by its sha256 hash (so no 'unsafe-inline');
//   3. service worker: Workbox's generateSW over the files actually in the folder, so the
//      precache list is never kept by hand and no stale name survives a rebuild;
//   4. (release) pre-compressed copies, `<file>.br` and `<file>.gz`, of every text and wasm file,
//      for hosts that serve them (nginx gzip_static/brotli_static, Caddy precompressed, …).
// The order matters: the worker's revisions are computed from the final files, and sw.js is
// compressed with the rest.
//
// Usage: run by trunk (TRUNK_STAGING_DIR, TRUNK_PROFILE), or by hand:
//   node scripts/pwa/post-build.mjs <dir> [release|debug]
// Tests import the functions, e.g. to regenerate the worker of a changed build.
import { createHash } from 'node:crypto';
import { copyFile, readFile, rm, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import { generateSW } from 'workbox-build';
import { COMPRESSIBLE, brotli, gzip, walk } from '../sizes.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
export const iconSource = join(root, 'assets/icon.svg');

/** The icon's own background colour: what a full-bleed (maskable, Apple) icon is filled with. */
const iconBackground = '#1d4ed8';

/**
 * The icon's artwork over a full-bleed background, scaled around the centre. Maskable icons
 * keep their content inside the central 80 % circle; Apple rounds the corners itself and shows
 * transparency as black, so both get a square, opaque background.
 */
function fullBleed(svg, scale) {
  const inner = svg.replace(/^[\s\S]*?<svg\b[^>]*>/, '').replace(/<\/svg>\s*$/, '');
  const size = 512 * scale;
  const offset = (512 - size) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <rect width="512" height="512" fill="${iconBackground}"/>
  <svg x="${offset}" y="${offset}" width="${size}" height="${size}" viewBox="0 0 512 512">${inner}</svg>
</svg>`;
}

function png(svg, width) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: width } }).render().asPng();
}

/** Writes icon.svg and the PNG icons the manifest and index.html name into `dir`. */
export async function writeIcons(dir) {
  const svg = await readFile(iconSource, 'utf8');
  const icons = {
    'icon-192.png': png(svg, 192),
    'icon-512.png': png(svg, 512),
    'icon-maskable-512.png': png(fullBleed(svg, 0.8), 512),
    'apple-touch-icon.png': png(fullBleed(svg, 1), 180),
  };
  await copyFile(iconSource, join(dir, 'icon.svg'));
  for (const [name, bytes] of Object.entries(icons)) await writeFile(join(dir, name), bytes);
  return ['icon.svg', ...Object.keys(icons)];
}

const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * Adds the CSP <meta> right after <meta charset>, allowing each inline script (trunk's wasm
 * init, and in `trunk serve` its live-reload client) and inline stylesheet (app.css) by hash. A static host cannot send headers,
 * and frame-ancestors/report-uri are ignored in a <meta>, so they are left out.
 */
export async function addContentSecurityPolicy(dir) {
  const file = join(dir, 'index.html');
  const html = await readFile(file, 'utf8');
  if (html.includes('http-equiv="Content-Security-Policy"')) throw new Error(`${file} already has a CSP`);
  // `trunk serve` fills its live-reload script in while serving, after this hook: no hash can
  // match it, so development servers go without the policy (release builds always have it).
  if (html.includes('{{__TRUNK_ADDRESS__}}')) return null;
  const inlineScripts = [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)];
  const inlineStyles = [...html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/g)];
  const policy = [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${inlineScripts.map((m) => sha256(m[1])).join(' ')}`.trim(),
    `style-src 'self' ${inlineStyles.map((m) => sha256(m[1])).join(' ')}`.trim(),
    "img-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  // Trunk minifies release HTML: <meta charset=utf-8>.
  const charset = /<meta charset="?utf-8"?\s*\/?>\n?/i;
  if (!charset.test(html)) throw new Error(`${file}: no <meta charset="utf-8" /> to put the CSP after`);
  await writeFile(file, html.replace(charset, (tag) => `${tag}    ${meta}\n`));
  return policy;
}

/**
 * Writes 404.html, a copy of the finished index.html: a static host without rewrite rules
 * (GitHub Pages) sends it for any path it has no file for, so an address that names a screen
 * (`…/deck/django-async/stats`) opens the app, which shows that screen. Offline, the service
 * worker answers every navigation with index.html instead.
 */
export async function writeNotFoundPage(dir) {
  await copyFile(join(dir, 'index.html'), join(dir, '404.html'));
}

/** Trunk's content-hashed names (`app-35d625ffa795a2e9.css`, `…_bg.wasm`) need no revision. */
const hashedName = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;

/**
 * Generates `sw.js` precaching every file in `dir` (itself excepted), with the Workbox runtime
 * inlined so nothing is loaded from a CDN. Navigations fall back to the cached index.html,
 * caches of older versions are deleted on activate, and a new version waits until the page
 * posts {type: 'SKIP_WAITING'} (the learner's "Reload"), so it never takes over mid-question.
 * All URLs are relative to the worker, so it works under whichever public URL the build is for.
 */
export async function writeServiceWorker(dir) {
  const { count, size, warnings } = await generateSW({
    globDirectory: dir,
    globPatterns: ['**/*'],
    // The .br/.gz copies are the same files for the host; the worker caches the originals.
    // 404.html is index.html again; the screenshots are for install dialogs, never offline use.
    globIgnores: ['sw.js', '404.html', 'screenshots/**', '**/*.map', '**/*.br', '**/*.gz'],
    swDest: join(dir, 'sw.js'),
    inlineWorkboxRuntime: true,
    mode: 'production',
    sourcemap: false,
    skipWaiting: false,
    clientsClaim: true,
    cleanupOutdatedCaches: true,
    navigateFallback: 'index.html',
    dontCacheBustURLsMatching: hashedName,
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
  });
  if (warnings.length > 0) throw new Error(`workbox: ${warnings.join('\n')}`);
  return { count, size };
}

/**
 * Debug builds (`trunk serve`) get a worker that caches nothing, so live reload keeps working;
 * it replaces a release worker left from an earlier `serve --release` and empties its caches.
 */
export async function writeDevelopmentWorker(dir) {
  await writeFile(
    join(dir, 'sw.js'),
    `// Development build: no precache, so trunk serve's live reload is never served stale.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys().then((keys) => Promise.all(keys.map((key) => caches.delete(key)))));
});
`,
  );
}

/**
 * Writes `<file>.br` (brotli quality 11) and `<file>.gz` (gzip -9) next to every compressible
 * file in `dir`, with the settings scripts/sizes.mjs measures with; a copy that would not be
 * smaller than its original is not written (a host then sends the original). Returns the bytes
 * of the originals and of each kind of copy.
 */
export async function writePrecompressed(dir) {
  const totals = { files: 0, raw: 0, br: 0, gz: 0 };
  for (const file of walk(dir)) {
    if (!COMPRESSIBLE.has(extname(file))) continue;
    const bytes = await readFile(join(dir, file));
    totals.files += 1;
    totals.raw += bytes.length;
    for (const [suffix, compressed] of [['br', brotli(bytes, file)], ['gz', gzip(bytes)]]) {
      const kept = compressed.length < bytes.length ? compressed : null;
      const copy = join(dir, `${file}.${suffix}`);
      await (kept ? writeFile(copy, kept) : rm(copy, { force: true }));
      totals[suffix] += (kept ?? bytes).length;
    }
  }
  return totals;
}

export async function postBuild(dir, profile) {
  const icons = await writeIcons(dir);
  const policy = await addContentSecurityPolicy(dir);
  if (profile === 'release') {
    await writeNotFoundPage(dir);
    const { count, size } = await writeServiceWorker(dir);
    console.log(`[pwa] ${icons.length} icons; CSP: ${policy}`);
    console.log(`[pwa] sw.js precaches ${count} files, ${(size / 1024).toFixed(1)} KiB`);
    const { files, raw, br, gz } = await writePrecompressed(dir);
    const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
    console.log(`[pwa] ${files} files pre-compressed: ${kib(raw)} raw, ${kib(gz)} as .gz, ${kib(br)} as .br`);
  } else {
    await writeDevelopmentWorker(dir);
    const csp = policy ? 'CSP set' : 'no CSP under trunk serve';
    console.log(`[pwa] ${icons.length} icons; ${csp}; development worker (no precache)`);
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  const profile = process.argv[3] ?? process.env.TRUNK_PROFILE ?? 'release';
  if (!dir) {
    console.error('usage: node scripts/pwa/post-build.mjs <dir> [release|debug]');
    process.exit(2);
  }
  await postBuild(dir, profile);
}
