/**
 * The stylesheet and the search page's script, as files beside the renderers. The CDK stack deploys them to
 * `assets/` with the code; the local runtime and `nianbao site rebuild` read it here.
 */
import { readFileSync } from 'node:fs';
import { objectHeaders } from '../render/site/object-headers.js';
import { objectKey, SEARCH_SCRIPT_PATH, STYLESHEET_PATH } from '../render/site/paths.js';
import type { SiteObject } from '../render/site/render-site.js';

export const SITE_CSS_FILE = new URL('../render/site/site.css', import.meta.url);

export function siteCssObject(): SiteObject & { body: string } {
  const key = objectKey(STYLESHEET_PATH);
  return { key, body: readFileSync(SITE_CSS_FILE, 'utf8'), ...objectHeaders(key) };
}

export const SEARCH_SCRIPT_FILE = new URL('../render/site/search.js', import.meta.url);

/** `assets/search.js`: the search page's script (search-page.ts), deployed like the stylesheet. */
export function searchScriptObject(): SiteObject & { body: string } {
  const key = objectKey(SEARCH_SCRIPT_PATH);
  return { key, body: readFileSync(SEARCH_SCRIPT_FILE, 'utf8'), ...objectHeaders(key) };
}
