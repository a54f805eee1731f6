/**
 * Serving a built static app (the filing form, the review page) from the local runtime's HTTP
 * server, as the CDN serves it from the bucket: with the site's security headers and no
 * referrer, built once on first request when a fresh clone has no build yet.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SECURITY_HEADERS, securityHeaders } from '../../functions/render/site/security-headers.js';

export interface BuiltApp {
  /** where it is served, with a trailing slash, e.g. `/file/` */
  path: string;
  /** the files it has, by name, with their Content-Type */
  files: Readonly<Record<string, string>>;
  /** the Content-Type of a file named by pattern (the form's code-split chunks), if it is one */
  patternFile?(name: string): string | undefined;
  /** paths redirected to `path` */
  redirectFrom: readonly string[];
  build(dir: string): Promise<unknown>;
  /** the 503 text when the build fails */
  buildFailure(message: string): string;
  /** origins the app fetches from besides its own (the form: the bucket it uploads stamped copies to) */
  connectSources?(): readonly string[];
}

/** A request handler for the app; it returns false for requests that are not the app's. */
export function builtAppHandler(app: BuiltApp) {
  let building: Promise<unknown> | undefined;
  return async (
    req: IncomingMessage,
    res: ServerResponse,
    dir: string,
    index: (html: string) => string = (html) => html,
  ): Promise<boolean> => {
    const { pathname } = new URL(req.url ?? '/', 'http://localhost');
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (app.redirectFrom.includes(pathname)) {
      res.writeHead(302, { location: app.path, 'cache-control': 'no-store' });
      res.end();
      return true;
    }
    if (!pathname.startsWith(app.path)) return false;
    const name = pathname.slice(app.path.length) || 'index.html';
    const type = app.files[name] ?? app.patternFile?.(name);
    if (!type) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', ...SECURITY_HEADERS });
      res.end('not found');
      return true;
    }
    let body: Buffer | string;
    try {
      body = await readFile(join(dir, name)).catch(async () => {
        await (building ??= app.build(dir));
        return readFile(join(dir, name));
      });
    } catch (error) {
      building = undefined;
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(app.buildFailure((error as Error).message));
      return true;
    }
    if (name === 'index.html') body = index(body.toString('utf8'));
    res.writeHead(200, {
      'content-type': type,
      // index.html must pick up a new build at once; the assets are small.
      'cache-control': 'no-cache',
      ...(app.connectSources ? securityHeaders(app.connectSources()) : SECURITY_HEADERS),
      'referrer-policy': 'no-referrer',
    });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
