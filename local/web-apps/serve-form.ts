/**
 * Serving the built form from the local runtime's HTTP server, as CloudFront serves it from the
 * bucket: `/file/` (index.html, form.js, form.css, the chunks under chunks/), and `/` redirected to `/file/` so the sign-in
 * link (`/#token=…`) lands on the form; the browser keeps the fragment across the redirect, and
 * the token never reaches the server.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { builtAppHandler } from './serve-built-app.js';
import { settings } from '../../functions/settings.js';
import { FORM_FILES, FORM_PATH, configureIndexHtml, formAssetsDir, formChunkType } from '../../web/form/assets.js';

export interface ServeFormOptions {
  /** where the built form is (default dist/web/form/) */
  dir?: string;
  /** the public site's origin, for the link to a published report (default: this origin) */
  siteBase?: string;
}

const handler = builtAppHandler({
  path: FORM_PATH,
  files: FORM_FILES,
  patternFile: formChunkType,
  redirectFrom: ['/', '/file'],
  build: (dir) => import('../../web/form/build.js').then((m) => m.buildForm(dir)),
  buildFailure: (message) => `填报页面构建失败，请运行 npm run build:form 查看原因 (form build failed: ${message})`,
  // The stamped copy goes straight to s3rver's private bucket, as on AWS to S3 (CSP connect-src).
  connectSources: () => {
    const s3 = settings().NIANBAO_S3_ENDPOINT;
    return s3 ? [new URL(s3).origin] : [];
  },
});

/** Handles `/` and `/file/…`; returns false for anything else (the API's routes). */
export function serveForm(req: IncomingMessage, res: ServerResponse, options: ServeFormOptions = {}): Promise<boolean> {
  return handler(req, res, options.dir ?? formAssetsDir(), (html) =>
    configureIndexHtml(html, { siteBase: options.siteBase ?? '' }),
  );
}
