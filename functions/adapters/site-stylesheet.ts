/**
 * The stylesheet, as a file beside the renderers. The CDK stack deploys it to
 * `assets/site.css` with the code; the local runtime and `nianbao site rebuild` read it here.
 */
import { readFileSync } from 'node:fs';
import { objectHeaders } from '../render/site/object-headers.js';
import { objectKey, STYLESHEET_PATH } from '../render/site/paths.js';
import type { SiteObject } from '../render/site/render-site.js';

export const SITE_CSS_FILE = new URL('../render/site/site.css', import.meta.url);

export function siteCssObject(): SiteObject & { body: string } {
  const key = objectKey(STYLESHEET_PATH);
  return { key, body: readFileSync(SITE_CSS_FILE, 'utf8'), ...objectHeaders(key) };
}
