/**
 * Serving the built review page from the local runtime's HTTP server at `/review/`, as the CDN
 * serves it from the bucket (with the site's security headers). Built on first request if missing.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../site/security-headers.js';
import { REVIEW_FILES, REVIEW_PATH, reviewAssetsDir } from './assets.js';

let building: Promise<unknown> | undefined;

/** Handles `/review/…`; returns false for anything else. */
export async function serveReview(req: IncomingMessage, res: ServerResponse, dir = reviewAssetsDir()): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (pathname === '/review') {
    res.writeHead(302, { location: REVIEW_PATH, 'cache-control': 'no-store' });
    res.end();
    return true;
  }
  if (!pathname.startsWith(REVIEW_PATH)) return false;
  const name = pathname.slice(REVIEW_PATH.length) || 'index.html';
  const type = REVIEW_FILES[name];
  if (!type) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    res.end('not found');
    return true;
  }
  let body: Buffer;
  try {
    body = await readFile(join(dir, name)).catch(async () => {
      await (building ??= import('./build.js').then((m) => m.buildReview(dir)));
      return readFile(join(dir, name));
    });
  } catch (error) {
    building = undefined;
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`审核页面构建失败，请运行 npm run build:review 查看原因 (${(error as Error).message})`);
    return true;
  }
  res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache', ...SECURITY_HEADERS, 'referrer-policy': 'no-referrer' });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
