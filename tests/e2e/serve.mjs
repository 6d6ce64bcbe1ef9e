// A minimal static file server for the end-to-end tests and the benchmark: serves a build folder
// over HTTP, optionally under a sub-path (like GitHub Pages serves a project), with the MIME
// types the app needs, and a missing file's 404.html as GitHub Pages sends it (the app's
// addresses are paths: see README, "Addresses"). Start it from a script with shared.mjs's serve(), which waits until it
// listens. Usage: node tests/e2e/serve.mjs <dir> <port> [base-path] [flags]
// Port 0 takes a free port; the first line it prints names the address it serves.
// With --precompressed (scripts/lighthouse.mjs) it sends a file's pre-compressed sibling
// (`app.js.br`, `app.js.gz`, written by scripts/pwa/post-build.mjs) with Content-Encoding when
// the request accepts that encoding and the sibling is not older than the file (a file changed
// after the build, as the update test does, is sent as it is). The tests serve plain files.
// With --compress gzip|br (scripts/bench's timings) it compresses every compressible file itself,
// once, as a host that compresses on the fly does (gzip -9, brotli 11: scripts/sizes.mjs), when
// the request accepts that encoding; `--compress identity` sends plain files.
// With --hold-wasm (the engines suite's first-screen journey) every .wasm response waits until
// a request for `<base>__release-wasm` arrives, as on a network too slow to have sent it yet.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES as types } from './chromium.mjs';
import { COMPRESSIBLE, brotli, gzip } from '../../scripts/sizes.mjs';

const args = process.argv.slice(2);
const precompressed = args.includes('--precompressed');
const holdWasm = args.includes('--hold-wasm');
const compressAt = args.indexOf('--compress');
const compress = compressAt >= 0 ? args.splice(compressAt, 2)[1] : 'identity';
if (!['gzip', 'br', 'identity'].includes(compress)) throw new Error(`--compress ${compress}: gzip, br or identity`);
const [root = 'dist', port = '4173', base = '/'] = args.filter((arg) => !arg.startsWith('--'));
let releaseWasm;
const wasmReleased = new Promise((resolve) => (releaseWasm = resolve));
const rootDir = resolve(root);
const prefix = base.endsWith('/') ? base : `${base}/`;

async function fileFor(urlPath) {
  if (!urlPath.startsWith(prefix)) return null;
  const relative = decodeURIComponent(urlPath.slice(prefix.length)) || 'index.html';
  const path = normalize(join(rootDir, relative));
  if (!path.startsWith(rootDir)) return null;
  const info = await stat(path).catch(() => null);
  if (info?.isDirectory()) return join(path, 'index.html');
  return info ? path : null;
}

/** The encodings a request accepts (`br`, `gzip`, …), those with q=0 left out. */
const accepted = (header = '') =>
  new Set(
    header
      .split(',')
      .map((part) => part.trim().split(/\s*;\s*/))
      .filter(([name, ...params]) => name && !params.some((p) => /^q=0(\.0*)?$/.test(p)))
      .map(([name]) => name.toLowerCase()),
  );

/** `path` compressed with `--compress`'s encoding, made once. */
const compressed = new Map();
async function compressedBody(path, request) {
  if (compress === 'identity' || !COMPRESSIBLE.has(extname(path))) return [];
  if (!accepted(request.headers['accept-encoding']).has(compress)) return [];
  if (!compressed.has(path)) {
    const raw = await readFile(path);
    compressed.set(path, compress === 'gzip' ? gzip(raw) : brotli(raw, path));
  }
  return [compress, compressed.get(path)];
}

/** A fresh pre-compressed sibling of `path` the request accepts: [encoding, its path], or []. */
async function siblingFor(path, request) {
  if (!precompressed) return [];
  const accepts = accepted(request.headers['accept-encoding']);
  const original = await stat(path);
  for (const [encoding, suffix] of [['br', '.br'], ['gzip', '.gz']]) {
    if (!accepts.has(encoding)) continue;
    const sibling = await stat(path + suffix).catch(() => null);
    if (sibling?.isFile() && sibling.mtimeMs >= original.mtimeMs) return [encoding, path + suffix];
  }
  return [];
}

const server = createServer(async (request, response) => {
  const urlPath = new URL(request.url, 'http://localhost').pathname;
  if (holdWasm && urlPath === `${prefix}__release-wasm`) {
    releaseWasm();
    response.writeHead(204).end();
    return;
  }
  // As GitHub Pages does: a path with no file under the prefix gets the site's 404.html, with
  // status 404 (the app's copy of index.html: it shows the screen the address names).
  const found = await fileFor(urlPath);
  const fallback = !found && urlPath.startsWith(prefix) ? await fileFor(`${prefix}404.html`) : null;
  const path = found ?? fallback;
  if (holdWasm && path?.endsWith('.wasm')) await wasmReleased;
  const [siblingEncoding, encodedPath] = path ? await siblingFor(path, request) : [];
  const [compressedEncoding, compressedBytes] = path && !siblingEncoding ? await compressedBody(path, request) : [];
  const encoding = siblingEncoding ?? compressedEncoding;
  const body = path && (compressedBytes ?? (await readFile(encodedPath ?? path).catch(() => null)));
  if (!body) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response
    .writeHead(fallback ? 404 : 200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(precompressed || compress !== 'identity' ? { vary: 'accept-encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    })
    .end(body);
});
server.once('error', (problem) => {
  // EADDRINUSE above all: shared.mjs's serve() then tries the next port.
  console.error(`serve.mjs: ${problem.message}`);
  process.exit(1);
});
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`serving ${rootDir} at http://127.0.0.1:${server.address().port}${prefix}`);
});
