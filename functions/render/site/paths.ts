/**
 * The public site's URL scheme and the S3 object key behind each URL. A directory URL
 * (`/a/b/`) is served from the key `a/b/index.html`, as CloudFront and the local server resolve it.
 *
 *   /                                   home: regions and years
 *   /sitemap.xml                        sitemap index (one sitemap per region-year)
 *   /rules/                             the checks a report goes through, and why (rules-page.ts)
 *   /assets/site.css                    the one stylesheet
 *   /assets/search.js                   the search page's script (the only script of the public site)
 *   /search/                            search across every published report (search-page.ts)
 *   /pagefind/                          the search index (Pagefind), rebuilt by the scheduled pass
 *   /schema/report.json                 JSON Schema of report.json (generated from the zod schema)
 *   /feed.xml                           Atom feed of new publications and amendments, site-wide
 *   /{region}/feed.xml                  the same for one region
 *   /data/                              open data: each year's regions, reports, size and date
 *   /data/{year}/                       the year's files, a row per region, with size, rows and date
 *   /data/{year}/manifest.json          the same as JSON, for programs
 *   /data/{year}/reports-{year}-{region}.csv    a region-year's published reports (latest revisions)
 *   /data/{year}/reports-{year}-{region}.jsonl  the same as JSON lines (report.json with region and revision)
 *   /data/{year}/figures-{year}-{region}.csv    every figure: agency, region, year, cell path, label, value
 *   /agencies/{agencyId}/               an agency's published years
 *   /{region}/                          a region's years: counts, on-time, key figures with charts, links
 *   /{region}/{year}/                   region-year index: every agency, published or not
 *   /{region}/{year}/all-reports.csv    every published report's numbers
 *   /{region}/{year}/all-reports.xlsx   the same reports as one workbook (a sheet per table)
 *   /{region}/{year}/sitemap.xml
 *   /{region}/{year}/totals/            汇总: tables 二 三 四 summed, with the outcome chart
 *   /{region}/{year}/totals/totals.csv
 *   /{region}/{year}/{agencyId}/        the current revision of a report (+ report.json, .csv, .docx, .xlsx)
 *   /{region}/{year}/{agencyId}/r/{n}/  revision n, never rewritten (+ report.json, .csv, .docx, .xlsx)
 *
 * Segments are checked, not encoded: they become object keys, and a key must never be able
 * to climb out of its folder.
 */
import { AgencyId } from '../../domain/report.js';

export const STYLESHEET_PATH = '/assets/site.css';
export const HOME_PATH = '/';
export const SITEMAP_INDEX_PATH = '/sitemap.xml';
export const RULES_PATH = '/rules/';
export const REPORT_SCHEMA_PATH = '/schema/report.json';
export const SEARCH_PATH = '/search/';
export const SEARCH_SCRIPT_PATH = '/assets/search.js';
/** The search index's folder: every key under it belongs to the index pass (services/search-index.ts). */
export const SEARCH_INDEX_PREFIX = 'pagefind/';

const REGION = /^\d{6}$/;

export function checkRegion(region: string): string {
  if (!REGION.test(region)) throw new Error(`not a 6-digit region code: ${JSON.stringify(region)}`);
  return region;
}

export function checkYear(year: number): number {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new Error(`not a year: ${year}`);
  return year;
}

export function checkAgencyId(agencyId: string): string {
  if (!AgencyId.safeParse(agencyId).success) throw new Error(`not an agency id: ${JSON.stringify(agencyId)}`);
  return agencyId;
}

function checkRevision(revision: number): number {
  if (!Number.isInteger(revision) || revision < 1) throw new Error(`not a revision number: ${revision}`);
  return revision;
}

/** A region's years: its totals and on-time counts year by year. */
export const regionPath = (region: string): string => `/${checkRegion(region)}/`;

export const regionYearPath = (region: string, year: number): string =>
  `/${checkRegion(region)}/${checkYear(year)}/`;

export const allReportsCsvPath = (region: string, year: number): string =>
  `${regionYearPath(region, year)}all-reports.csv`;

export const allReportsXlsxPath = (region: string, year: number): string =>
  `${regionYearPath(region, year)}all-reports.xlsx`;

export const regionYearSitemapPath = (region: string, year: number): string =>
  `${regionYearPath(region, year)}sitemap.xml`;

export const totalsPath = (region: string, year: number): string => `${regionYearPath(region, year)}totals/`;

export const totalsCsvPath = (region: string, year: number): string =>
  `${totalsPath(region, year)}totals.csv`;

export const reportPath = (region: string, year: number, agencyId: string): string =>
  `${regionYearPath(region, year)}${checkAgencyId(agencyId)}/`;

export const revisionPath = (region: string, year: number, agencyId: string, revision: number): string =>
  `${reportPath(region, year, agencyId)}r/${checkRevision(revision)}/`;

/** The Atom feed of the whole site, or of one region. */
export const feedPath = (region?: string): string => (region === undefined ? '/feed.xml' : `/${checkRegion(region)}/feed.xml`);

export const DATA_PATH = '/data/';
export type DatasetKind = 'reports.csv' | 'reports.jsonl' | 'figures.csv';
export const dataYearPath = (year: number): string => `${DATA_PATH}${checkYear(year)}/`;
/** A region-year's dataset, named with the year and region so a downloaded file says what it holds. */
export function datasetPath(year: number, region: string, kind: DatasetKind): string {
  const [name, ext] = kind.split('.') as [string, string];
  return `${dataYearPath(year)}${name}-${year}-${checkRegion(region)}.${ext}`;
}
/** Every file of a year with size, rows and date, for programs. */
export const dataManifestPath = (year: number): string => `${dataYearPath(year)}manifest.json`;

export const agencyPath = (agencyId: string): string => `/agencies/${checkAgencyId(agencyId)}/`;

/** The JSON and CSV beside a report page (current or revision). */
export const reportJsonPath = (pagePath: string): string => `${pagePath}report.json`;
export const reportCsvPath = (pagePath: string): string => `${pagePath}report.csv`;
/** The published stamped copy (盖章件) beside the current report page, by its kind. */
export const STAMPED_COPY_FILES = ['stamped.pdf', 'stamped.jpg', 'stamped.png'] as const;
export const stampedCopyPath = (pagePath: string, file: string): string => `${pagePath}${file}`;
/** The Word and Excel files beside a report page (functions/render/documents). */
export const reportDocxPath = (pagePath: string): string => `${pagePath}report.docx`;
export const reportXlsxPath = (pagePath: string): string => `${pagePath}report.xlsx`;

/** The object key that serves a URL path. */
export function objectKey(path: string): string {
  if (!path.startsWith('/')) throw new Error(`path must start with /: ${path}`);
  const key = path.slice(1);
  return key === '' || key.endsWith('/') ? `${key}index.html` : key;
}

/** Matches a revision's keys: they never change once written. */
export const REVISION_KEY = /^\d{6}\/\d{4}\/[0-9A-Z]{18}\/r\/\d+\/(index\.html|report\.(json|csv|docx|xlsx))$/;
