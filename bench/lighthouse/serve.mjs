// A static server for the built site, as a production web server would send it: gzip for text, long
// caching for the fingerprinted /assets/ files, index.html for folders, 404.html for what is missing.
//   node serve.mjs SITE_FOLDER PORT
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

const [root, port] = [process.argv[2], Number(process.argv[3] ?? 8080)];
const types = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.webp': 'image/webp',
  '.avif': 'image/avif', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8', '.ics': 'text/calendar',
  '.pf_meta': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
  '.wasm': 'application/wasm',
};
const compressible = new Set(['.html', '.css', '.js', '.json', '.svg', '.xml', '.txt']);

async function file(path) {
  try {
    const info = await stat(path);
    return info.isDirectory() ? file(join(path, 'index.html')) : { path, body: await readFile(path) };
  } catch {
    return null;
  }
}

createServer(async (request, response) => {
  const url = new URL(request.url, 'http://localhost');
  const wanted = normalize(join(root, decodeURIComponent(url.pathname)));
  const found = wanted.startsWith(normalize(root)) ? await file(wanted) : null;
  const { path, body } = found ?? (await file(join(root, '404.html')));
  const extension = extname(path);
  const headers = { 'Content-Type': types[extension] ?? 'application/octet-stream' };
  headers['Cache-Control'] = url.pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache';
  let sent = body;
  if (compressible.has(extension) && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
    sent = gzipSync(body);
    headers['Content-Encoding'] = 'gzip';
  }
  response.writeHead(found ? 200 : 404, headers);
  response.end(sent);
}).listen(port, '127.0.0.1');
