/**
 * Where the built form lives, for the local runtime to serve at `/file/` (and the CDK app to
 * upload beside the site). Build it with `npm run build:form`.
 */
import { fileURLToPath } from 'node:url';

export const FORM_PATH = '/file/';

export function formAssetsDir(): string {
  return fileURLToPath(new URL('../../dist/web/form/', import.meta.url));
}

/** The files the build writes, with their content types. */
export const FORM_FILES: Readonly<Record<string, string>> = {
  'index.html': 'text/html; charset=utf-8',
  'form.js': 'text/javascript; charset=utf-8',
  'form.css': 'text/css; charset=utf-8',
};

/** Chunks the form loads on demand (the document readers): `chunks/read-docx-HASH.js`. */
export function formChunkType(name: string): string | undefined {
  return /^chunks\/[\w-]+\.js$/.test(name) ? 'text/javascript; charset=utf-8' : undefined;
}

/** Fills the page's configuration: where the API and the public site are, when not this origin. */
export function configureIndexHtml(html: string, config: { apiBase?: string; siteBase?: string }): string {
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return html
    .replace('<meta name="nianbao-api" content="">', `<meta name="nianbao-api" content="${attr(config.apiBase ?? '')}">`)
    .replace('<meta name="nianbao-site" content="">', `<meta name="nianbao-site" content="${attr(config.siteBase ?? '')}">`);
}
