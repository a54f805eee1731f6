/**
 * The page shell shared by every HTML page. No inline script or style anywhere: the CSP
 * forbids both, and the pages must read the same with JavaScript off.
 */
import { html, type SafeHtml } from './html.js';
import { HOME_PATH, SEARCH_PATH, STYLESHEET_PATH } from './paths.js';
import { TEXT } from './site-text.js';

export interface Crumb {
  readonly label: string;
  /** absent for the current page */
  readonly href?: string;
}

export interface PageOptions {
  readonly title: string;
  readonly crumbs: readonly Crumb[];
  readonly body: SafeHtml;
  /** e.g. noindex for archived revisions */
  readonly robots?: string;
  /** the header's search form (default on); off on the search page, which has its own */
  readonly searchBox?: boolean;
}

/**
 * The header's search form: a plain GET form to `/search/?q=…`, no script, so every page but the
 * search page itself stays script-free (search-page.ts).
 */
function searchBox(): SafeHtml {
  return html`<form class="site-search" role="search" action="${SEARCH_PATH}" method="get">
<label for="site-search-q">${TEXT.searchLabel}</label>
<input id="site-search-q" name="q" type="search" placeholder="${TEXT.searchPlaceholder}">
<button type="submit">${TEXT.search}</button>
</form>`;
}

export function page({ title, crumbs, body, robots, searchBox: withSearch = true }: PageOptions): string {
  const trail = [{ label: TEXT.home, href: HOME_PATH }, ...crumbs];
  return html`<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${robots ? html`<meta name="robots" content="${robots}">` : ''}
<title>${title}</title>
<link rel="stylesheet" href="${STYLESHEET_PATH}">
</head>
<body>
<header class="site-header"><a class="site-name" href="${HOME_PATH}">${TEXT.siteName}</a>
${withSearch ? searchBox() : ''}</header>
<nav class="crumbs" aria-label="breadcrumb"><ol>${trail.map((c, i) =>
    c.href && i < trail.length - 1
      ? html`<li><a href="${c.href}">${c.label}</a></li>`
      : html`<li aria-current="page">${c.label}</li>`,
  )}</ol></nav>
<main>
${body}
</main>
</body>
</html>
`.value;
}
