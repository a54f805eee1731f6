/**
 * Which objects one accepted submission rewrites. A fixed list built from the submission alone:
 * the count never depends on how many agencies, regions or years the site holds.
 */
import {
  agencyPath,
  allReportsCsvPath,
  DATA_PATH,
  dataManifestPath,
  datasetPath,
  dataYearPath,
  feedPath,
  HOME_PATH,
  objectKey,
  regionPath,
  regionYearPath,
  regionYearSitemapPath,
  reportCsvPath,
  reportJsonPath,
  reportDocxPath,
  reportPath,
  reportXlsxPath,
  revisionPath,
  SITEMAP_INDEX_PATH,
  RULES_PATH,
  totalsCsvPath,
  totalsPath,
} from './paths.js';
import { HOME_SITEMAP_PATH } from './sitemap.js';

export interface SiteChange {
  readonly region: string;
  readonly year: number;
  readonly agencyId: string;
  /** the revision just accepted (1 for a first publication) */
  readonly revision: number;
}

/** `documents: false` (the benchmark's baseline only) leaves out report.docx and report.xlsx. */
export function changedKeys({ region, year, agencyId, revision }: SiteChange, { documents = true } = {}): string[] {
  const report = reportPath(region, year, agencyId);
  const rev = revisionPath(region, year, agencyId, revision);
  const files = (path: string) => [reportJsonPath(path), reportCsvPath(path), ...(documents ? [reportDocxPath(path), reportXlsxPath(path)] : [])];
  return [
    // the report: its new revision (written once) and the current page beside it
    rev,
    ...files(rev),
    report,
    ...files(report),
    agencyPath(agencyId),
    // the region-year it belongs to
    regionYearPath(region, year),
    allReportsCsvPath(region, year),
    totalsPath(region, year),
    totalsCsvPath(region, year),
    regionYearSitemapPath(region, year),
    // its open data files (one region-year each: a publish never rewrites a whole year's data)
    datasetPath(year, region, 'reports.csv'),
    datasetPath(year, region, 'reports.jsonl'),
    datasetPath(year, region, 'figures.csv'),
    // the site-wide indexes (each one object, whatever the site's size)
    HOME_PATH,
    HOME_SITEMAP_PATH,
    SITEMAP_INDEX_PATH,
    RULES_PATH,
  ].map(objectKey);
}

/**
 * What one accepted submission changes beyond renderChange: the Atom feeds (the site's and its
 * region's), its region's page, its year's open data listings and `/data/`. Rendered by the publish use case
 * (services/site-wide.ts): the feeds need reads beyond the region-year, the listings every
 * region-year's home-page line.
 */
export const siteWideKeys = ({ region, year }: Pick<SiteChange, 'region' | 'year'>): string[] =>
  [feedPath(), feedPath(region), regionPath(region), dataYearPath(year), dataManifestPath(year), DATA_PATH].map(objectKey);
