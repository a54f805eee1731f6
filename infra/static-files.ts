/**
 * The files deployed with the code: the filing form (built now, so the upload always matches the
 * code) under `file/`, the site stylesheet and the search page's script under `assets/` and the JSON Schema of report.json under `schema/`, with the headers the local
 * runtime serves them with.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHUNK_DIR, buildForm } from '../web/form/build.js';
import { FORM_FILES, FORM_PATH, formChunkType } from '../web/form/assets.js';
import { buildReview } from '../web/review/build.js';
import { REVIEW_FILES, REVIEW_PATH } from '../web/review/assets.js';
import { CACHE_SHORT } from '../functions/render/site/object-headers.js';
import { searchScriptObject, siteCssObject } from '../functions/adapters/site-stylesheet.js';
import { reportSchemaObject } from '../functions/render/site/report-schema.js';
import type { SiteFile } from './constructs/site-files.js';

/** Builds the form into `formDir` (default dist/web/form/) and returns every static file. */
export async function staticFiles(formDir?: string): Promise<SiteFile[]> {
  const { outDir } = await buildForm(formDir);
  const prefix = FORM_PATH.replace(/^\//, '');
  // The readers the form loads on demand (Word, Excel, PDF), each a chunk of its own.
  const chunks = (await readdir(join(outDir, CHUNK_DIR))).map((file) => `${CHUNK_DIR}/${file}`);
  const files = [...Object.entries(FORM_FILES), ...chunks.map((name) => [name, formChunkType(name)!] as const)];
  const form = await Promise.all(
    files.map(async ([name, contentType]) => ({
      key: `${prefix}${name}`,
      body: await readFile(join(outDir, name), 'utf8'),
      contentType,
      // Not content-hashed: short, so a deploy shows within a minute.
      cacheControl: CACHE_SHORT,
    })),
  );
  // The reviewing office's page beside the form, built the same way.
  const built = await buildReview();
  const review = await Promise.all(
    Object.entries(REVIEW_FILES).map(async ([name, contentType]) => ({
      key: `${REVIEW_PATH.replace(/^\//, '')}${name}`,
      body: await readFile(join(built.outDir, name), 'utf8'),
      contentType,
      cacheControl: CACHE_SHORT,
    })),
  );
  const site = [siteCssObject(), searchScriptObject(), reportSchemaObject()].map(({ key, body, contentType, cacheControl }) => ({ key, body, contentType, cacheControl }));
  return [...form, ...review, ...site];
}
