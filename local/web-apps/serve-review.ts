/**
 * Serving the built review page from the local runtime's HTTP server at `/review/`, as the CDN
 * serves it from the bucket.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { builtAppHandler } from './serve-built-app.js';
import { REVIEW_FILES, REVIEW_PATH, reviewAssetsDir } from '../../web/review/assets.js';

const handler = builtAppHandler({
  path: REVIEW_PATH,
  files: REVIEW_FILES,
  redirectFrom: ['/review'],
  build: (dir) => import('../../web/review/build.js').then((m) => m.buildReview(dir)),
  buildFailure: (message) => `审核页面构建失败，请运行 npm run build:review 查看原因 (${message})`,
});

/** Handles `/review/…`; returns false for anything else. */
export function serveReview(req: IncomingMessage, res: ServerResponse, dir = reviewAssetsDir()): Promise<boolean> {
  return handler(req, res, dir);
}
