/**
 * Content-Type and Cache-Control for every object the site writes. A revision's objects never
 * change, so browsers and CloudFront may keep them a year; everything else is rewritten when a
 * report is published and is cached briefly, so a new publication shows within a minute
 * without CloudFront invalidations.
 */
import { REVISION_KEY } from './paths.js';

export interface ObjectHeaders {
  readonly contentType: string;
  readonly cacheControl: string;
  /** for downloads (CSV, Word, Excel): a file name a spreadsheet user will recognise */
  readonly contentDisposition?: string;
}

export const CACHE_IMMUTABLE = 'public, max-age=31536000, immutable';
export const CACHE_SHORT = 'public, max-age=60';
export const CACHE_ASSET = 'public, max-age=3600';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  html: 'text/html; charset=utf-8',
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xml: 'application/xml; charset=utf-8',
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  txt: 'text/plain; charset=utf-8',
  jsonl: 'application/jsonl; charset=utf-8',
  svg: 'image/svg+xml',
  docx: DOCX_TYPE,
  xlsx: XLSX_TYPE,
  // a region's published stamped copies (盖章件), shown in the browser's own viewer
  pdf: 'application/pdf',
  jpg: 'image/jpeg',
  png: 'image/png',
};

/**
 * The search index's files named by their content's hash (Pagefind's `.pf_*`): a new index writes
 * new names, so a name's content never changes. Its entry file, loader and wasm keep their names.
 */
const HASHED_INDEX_FILE = /^pagefind\/.*\.pf_(fragment|index|filter|meta)$/;

// Files saved rather than shown by the browser.
const DOWNLOADS = new Set(['csv', 'docx', 'xlsx']);

export function objectHeaders(key: string): ObjectHeaders {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  // Feed readers recognise an Atom feed by its own type.
  const contentType = name === 'feed.xml' ? 'application/atom+xml; charset=utf-8' : (CONTENT_TYPES[ext] ?? 'application/octet-stream');
  const cacheControl = REVISION_KEY.test(key) || HASHED_INDEX_FILE.test(key) ? CACHE_IMMUTABLE : key.startsWith('assets/') ? CACHE_ASSET : CACHE_SHORT;
  return DOWNLOADS.has(ext)
    ? { contentType, cacheControl, contentDisposition: `attachment; filename="${name.replace(/[^\w.-]/g, '_')}"` }
    : { contentType, cacheControl };
}
