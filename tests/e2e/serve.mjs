// A minimal static file server for the end-to-end tests: serves a build folder over HTTP,
// optionally under a sub-path (like GitHub Pages serves a project), with the MIME types the
// app needs. Usage: node tests/e2e/serve.mjs <dir> <port> [base-path]
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { CONTENT_TYPES as types } from './chromium.mjs';

const [root = 'dist', port = '4173', base = '/'] = process.argv.slice(2);
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

createServer(async (request, response) => {
  const path = await fileFor(new URL(request.url, 'http://localhost').pathname);
  const body = path && (await readFile(path).catch(() => null));
  if (!body) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response
    .writeHead(200, {
      'content-type': types[extname(path)] ?? 'application/octet-stream',
      'cache-control': 'no-cache',
    })
    .end(body);
}).listen(Number(port), '127.0.0.1', () => {
  console.log(`serving ${rootDir} at http://127.0.0.1:${port}${prefix}`);
});
