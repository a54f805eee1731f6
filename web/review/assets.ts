/** Where the built review page lives, for the local runtime to serve at `/review/` and the CDK app to upload. */
import { fileURLToPath } from 'node:url';

export const REVIEW_PATH = '/review/';

export function reviewAssetsDir(): string {
  return fileURLToPath(new URL('../../dist/web/review/', import.meta.url));
}

export const REVIEW_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'review.js': 'text/javascript; charset=utf-8',
  'review.css': 'text/css; charset=utf-8',
};
