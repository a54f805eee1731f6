/**
 * Sitemaps (sitemaps.org 0.9). `/sitemap.xml` is an index of one sitemap per region-year plus
 * one for the home page, so a publication rewrites its region-year's sitemap and the index,
 * never a file listing the whole site.
 */
import { escapeHtml } from './html.js';
import { isoDate } from './format.js';
import {
  agencyPath,
  HOME_PATH,
  regionYearPath,
  regionYearSitemapPath,
  reportPath,
  totalsPath,
} from './paths.js';
import { latestRevision, roster, type RegionYearInput } from '../../domain/publication.js';

export const HOME_SITEMAP_PATH = '/sitemap-home.xml';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

function absolute(baseUrl: string, path: string): string {
  return escapeHtml(baseUrl.replace(/\/+$/, '') + path);
}

interface UrlEntry {
  readonly path: string;
  readonly lastmod?: string;
}

function urlset(baseUrl: string, entries: readonly UrlEntry[]): string {
  const urls = entries.map(
    (e) => `<url><loc>${absolute(baseUrl, e.path)}</loc>${e.lastmod ? `<lastmod>${isoDate(e.lastmod)}</lastmod>` : ''}</url>`,
  );
  return `${XML_HEAD}<urlset xmlns="${NS}">\n${urls.join('\n')}\n</urlset>\n`;
}

/** The latest publication instant of a region-year, if anything is published. */
export function regionYearLastmod(input: RegionYearInput): string | undefined {
  let last: string | undefined;
  for (const p of input.publications) {
    const at = latestRevision(p.revisions).publishedAt;
    if (!last || Date.parse(at) > Date.parse(last)) last = at;
  }
  return last;
}

/** `/{region}/{year}/sitemap.xml`: the index, the totals, each published report and its agency page. */
export function renderRegionYearSitemap(baseUrl: string, input: RegionYearInput): string {
  const { region, year } = input;
  const lastmod = regionYearLastmod(input);
  const entries: UrlEntry[] = [
    { path: regionYearPath(region.code, year), lastmod },
    { path: totalsPath(region.code, year), lastmod },
  ];
  for (const e of roster(input)) {
    if (!e.publication) continue;
    const at = latestRevision(e.publication.revisions).publishedAt;
    entries.push({ path: reportPath(region.code, year, e.agencyId), lastmod: at });
    entries.push({ path: agencyPath(e.agencyId) });
  }
  return urlset(baseUrl, entries);
}

/** `/sitemap-home.xml` */
export function renderHomeSitemap(baseUrl: string, lastmod?: string): string {
  return urlset(baseUrl, [{ path: HOME_PATH, lastmod }]);
}

export interface SitemapRef {
  readonly region: string;
  readonly year: number;
  readonly lastmod?: string;
}

/** `/sitemap.xml` */
export function renderSitemapIndex(baseUrl: string, regionYears: readonly SitemapRef[], homeLastmod?: string): string {
  const refs = [
    { path: HOME_SITEMAP_PATH, lastmod: homeLastmod },
    ...[...regionYears]
      .sort((a, b) => (a.region === b.region ? a.year - b.year : a.region < b.region ? -1 : 1))
      .map((r) => ({ path: regionYearSitemapPath(r.region, r.year), lastmod: r.lastmod })),
  ];
  const items = refs.map(
    (r) => `<sitemap><loc>${absolute(baseUrl, r.path)}</loc>${r.lastmod ? `<lastmod>${isoDate(r.lastmod)}</lastmod>` : ''}</sitemap>`,
  );
  return `${XML_HEAD}<sitemapindex xmlns="${NS}">\n${items.join('\n')}\n</sitemapindex>\n`;
}
