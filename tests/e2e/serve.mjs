// A minimal static file server for the end-to-end tests: serves a build folder over HTTP,
// optionally under a sub-path (like GitHub Pages serves a project), with the MIME types the
// app needs. Usage: node tests/e2e/serve.mjs <dir> <port> [base-path] [--precompressed]
// With --precompressed (scripts/bench, for Lighthouse) it sends a file's pre-compressed sibling
// (`app.js.br`, `app.js.gz`, written by scripts/pwa/post-build.mjs) with Content-Encoding when
// the request accepts that encoding and the sibling is not older than the file (a file changed
// after the build, as the update test does, is sent as it is). The tests serve plain files.
// With --hold-wasm (the engines suite's first-screen journey) every .wasm response waits until
// a request for `<base>__release-wasm` arrives, as on a network too slow to have sent it yet.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES as types } from './chromium.mjs';

const args = process.argv.slice(2);
const precompressed = args.includes('--precompressed');
const holdWasm = args.includes('--hold-wasm');
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

createServer(async (request, response) => {
  const urlPath = new URL(request.url, 'http://localhost').pathname;
  if (holdWasm && urlPath === `${prefix}__release-wasm`) {
    releaseWasm();
    response.writeHead(204).end();
    return;
  }
  const path = await fileFor(urlPath);
  if (holdWasm && path?.endsWith('.wasm')) await wasmReleased;
  const [encoding, encodedPath] = path ? await siblingFor(path, request) : [];
  const body = path && (await readFile(encodedPath ?? path).catch(() => null));
  if (!body) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response
    .writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
      ...(precompressed ? { vary: 'accept-encoding' } : {}),
      ...(encoding ? { 'content-encoding': encoding } : {}),
    })
    .end(body);
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`serving ${rootDir} at http://127.0.0.1:${port}${prefix}`);
});
