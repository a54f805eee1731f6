/**
 * Serving the built form from the local runtime's HTTP server, as CloudFront serves it from the
 * bucket: `/file/` (index.html, form.js, form.css) with the site's security headers, and `/`
 * redirected to `/file/` so the sign-in link (`/#token=…`) lands on the form; the browser keeps
 * the fragment across the redirect, and the token never reaches the server.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS } from '../site/security-headers.js';
import { FORM_FILES, FORM_PATH, configureIndexHtml, formAssetsDir } from './assets.js';

export interface ServeFormOptions {
  /** where the built form is (default dist/web/form/) */
  dir?: string;
  /** the public site's origin, for the link to a published report (default: this origin) */
  siteBase?: string;
}

let building: Promise<unknown> | undefined;

/** Handles `/` and `/file/…`; returns false for anything else (the API's routes). */
export async function serveForm(req: IncomingMessage, res: ServerResponse, options: ServeFormOptions = {}): Promise<boolean> {
  const { pathname } = new URL(req.url ?? '/', 'http://localhost');
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  if (pathname === '/' || pathname === '/file') {
    res.writeHead(302, { location: FORM_PATH, 'cache-control': 'no-store' });
    res.end();
    return true;
  }
  if (!pathname.startsWith(FORM_PATH)) return false;
  const name = pathname.slice(FORM_PATH.length) || 'index.html';
  const type = FORM_FILES[name];
  if (!type) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
    res.end('not found');
    return true;
  }
  const dir = options.dir ?? formAssetsDir();
  let body: Buffer | string;
  try {
    body = await readFile(join(dir, name)).catch(async () => {
      // A fresh clone has no build yet: build once, on first request.
      await (building ??= import('./build.js').then((m) => m.buildForm(dir)));
      return readFile(join(dir, name));
    });
  } catch (error) {
    building = undefined;
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    res.end(`填报页面构建失败，请运行 npm run build:form 查看原因 (form build failed: ${(error as Error).message})`);
    return true;
  }
  if (name === 'index.html') body = configureIndexHtml(body.toString('utf8'), { siteBase: options.siteBase ?? '' });
  res.writeHead(200, {
    'content-type': type,
    // index.html must pick up a new build at once; the assets are small.
    'cache-control': 'no-cache',
    ...SECURITY_HEADERS,
    'referrer-policy': 'no-referrer',
  });
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
