/**
 * Turns data into objects: every object of the site (for `nianbao site rebuild`), or only those
 * one submission changes (for the publish handler). Both go through the same renderers, so an
 * incremental publish writes exactly what a rebuild would.
 */
import { renderAgencyPage, type PublicationSummary } from './agency-page.js';
import { changedKeys, type SiteChange } from './changed-keys.js';
import { renderHomePage, type HomeRegion } from './home-page.js';
import { renderRulesPage } from './rules-page.js';
import { objectHeaders, type ObjectHeaders } from './object-headers.js';
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
  reportDocxPath,
  reportJsonPath,
  reportPath,
  reportXlsxPath,
  revisionPath,
  SITEMAP_INDEX_PATH,
  RULES_PATH,
  totalsCsvPath,
  totalsPath,
} from './paths.js';
import { renderAllReportsCsv, renderRegionIndexPage } from './region-index-page.js';
import { regionTotals, renderTotalsPage, totalsCsv } from './region-totals.js';
import { feedEntriesOf, newestEntries, renderFeed, type FeedEntry } from './feed.js';
import { DATASET_KINDS, datasetRows, dataManifest, regionYearDatasets, renderDataPage, renderDataYearPage, type DataFileStat, type DataLine } from './open-data.js';
import { regionYearFigures, renderRegionPage, type RegionYearLine } from './region-page.js';
import { reportCsv } from './report-csv.js';
import { reportSchemaObject } from './report-schema.js';
import { renderReportPage, renderRevisionPage, reportJson } from './report-page.js';
import { reportDocx } from '../documents/report-docx.js';
import { reportXlsx } from '../documents/report-xlsx.js';
import type { Report } from '../../domain/report.js';
import { latestRevision, type AgencyInfo, type Publication, type PublishedRevision, type RegionInfo, type RegionYearInput, type SiteSnapshot } from '../../domain/publication.js';
import { HOME_SITEMAP_PATH, regionYearLastmod, renderHomeSitemap, renderRegionYearSitemap, renderSitemapIndex } from './sitemap.js';

/** Pages, JSON and CSV are text; the Word and Excel files are bytes. */
export type SiteBody = string | Uint8Array;

export interface SiteObject extends ObjectHeaders {
  readonly key: string;
  readonly body: SiteBody;
}

export const object = (path: string, body: SiteBody): SiteObject => {
  const key = objectKey(path);
  return { key, body, ...objectHeaders(key) };
};

/** What a publish needs to know beyond the submission itself: all bounded by one region-year. */
export interface ChangeContext {
  readonly baseUrl: string;
  /** the changed region-year, the new revision included */
  readonly regionYear: RegionYearInput;
  readonly agency: AgencyInfo;
  /** the agency's publications in every year */
  readonly agencyPublications: readonly PublicationSummary[];
  /** one line per region-year of the site, for the home page and the sitemap index */
  readonly home: readonly HomeRegion[];
  /**
   * false leaves out report.docx and report.xlsx: only `npm run bench:publish` does, to measure
   * what the documents cost a publish. Every real publish writes them.
   */
  readonly documents?: boolean;
}

// The latest revision's .docx and .xlsx go out twice (under r/{n}/ and beside the current page):
// written once and the bytes shared, through a cache that lives for one publication's objects
// only (a rebuild must not keep every report's documents).
// `null`: the benchmark's publish without documents.
type Documents = Map<Report, Promise<readonly [Uint8Array, Uint8Array]>> | null;

function reportDocuments(report: Report, cache: NonNullable<Documents>): Promise<readonly [Uint8Array, Uint8Array]> {
  let documents = cache.get(report);
  if (!documents) {
    documents = Promise.all([reportDocx(report), reportXlsx(report)]);
    cache.set(report, documents);
  }
  return documents;
}

/** The files beside a report page: JSON, CSV, Word and Excel. */
async function reportFiles(path: string, report: Report, cache: Documents): Promise<SiteObject[]> {
  const data = [object(reportJsonPath(path), reportJson(report)), object(reportCsvPath(path), reportCsv(report))];
  if (!cache) return data;
  const [docx, xlsx] = await reportDocuments(report, cache);
  return [...data, object(reportDocxPath(path), docx), object(reportXlsxPath(path), xlsx)];
}

async function revisionObjects(region: RegionInfo, p: Publication, revision: PublishedRevision, cache: Documents): Promise<SiteObject[]> {
  const path = revisionPath(region.code, p.year, p.agencyId, revision.revision);
  return [object(path, renderRevisionPage({ region, agencyId: p.agencyId, year: p.year, revision })), ...(await reportFiles(path, revision.report, cache))];
}

async function currentReportObjects(region: RegionInfo, p: Publication, cache: Documents): Promise<SiteObject[]> {
  const path = reportPath(region.code, p.year, p.agencyId);
  return [object(path, renderReportPage({ region, publication: p })), ...(await reportFiles(path, latestRevision(p.revisions).report, cache))];
}

async function regionYearObjects(baseUrl: string, input: RegionYearInput): Promise<SiteObject[]> {
  const { region, year } = input;
  const totals = regionTotals(input);
  return [
    object(regionYearPath(region.code, year), renderRegionIndexPage(input)),
    object(allReportsCsvPath(region.code, year), renderAllReportsCsv(input)),
    object(totalsPath(region.code, year), renderTotalsPage(input, totals)),
    object(totalsCsvPath(region.code, year), totalsCsv(totals)),
    object(regionYearSitemapPath(region.code, year), renderRegionYearSitemap(baseUrl, input)),
    // its open data (functions/render/site/open-data.ts): rewritten with the region-year, never with the year
    ...regionYearDatasets(input).map((d) => object(d.path, d.body)),
  ];
}

const utf8 = new TextEncoder();

/** The listing figures of a region-year's open data files (bytes as rendered, rows), from its objects. */
export function regionYearDataFiles(input: RegionYearInput, objects: readonly SiteObject[]): DataFileStat[] {
  const bodies = new Map(objects.map((o) => [o.key, o.body]));
  const rows = datasetRows(input);
  return DATASET_KINDS.map((kind) => {
    const path = datasetPath(input.year, input.region.code, kind);
    const body = bodies.get(objectKey(path));
    if (body === undefined) throw new Error(`${path} was not rendered`);
    return { kind, bytes: typeof body === 'string' ? utf8.encode(body).length : body.length, rows: rows[kind] };
  });
}

/** The site-wide objects: those that list every region-year (home page, its sitemap, the sitemap index), and the rules page. */
export function siteIndexObjects(baseUrl: string, home: readonly HomeRegion[]): SiteObject[] {
  const refs = home.flatMap((h) => h.years.map((y) => ({ region: h.region.code, year: y.year, lastmod: y.lastmod })));
  const homeLastmod = refs.reduce<string | undefined>(
    (a, r) => (r.lastmod && (!a || Date.parse(r.lastmod) > Date.parse(a)) ? r.lastmod : a),
    undefined,
  );
  return [
    object(HOME_PATH, renderHomePage(home)),
    object(HOME_SITEMAP_PATH, renderHomeSitemap(baseUrl, homeLastmod)),
    object(SITEMAP_INDEX_PATH, renderSitemapIndex(baseUrl, refs, homeLastmod)),
    object(RULES_PATH, renderRulesPage()),
  ];
}

/**
 * The site's Atom feed and the feeds of `regions`, from entries holding at least the newest
 * FEED_SIZE of the site and of each of those regions (a publish reads no more than that).
 */
export function feedObjects(baseUrl: string, entries: readonly FeedEntry[], regions: readonly RegionInfo[]): SiteObject[] {
  const regionNames = new Map(regions.flatMap((r) => (r.name ? [[r.code, r.name] as const] : [])));
  return [
    object(feedPath(), renderFeed({ baseUrl, entries: newestEntries(entries), regionNames })),
    ...regions.map((region) => object(feedPath(region.code), renderFeed({ baseUrl, region, entries: newestEntries(entries, region.code), regionNames }))),
  ];
}

/** A year's open data listings: `/data/{year}/` and its manifest.json, from every region-year's line. */
export const dataYearObjects = (year: number, lines: readonly DataLine[]): SiteObject[] => [
  object(dataYearPath(year), renderDataYearPage(year, lines)),
  object(dataManifestPath(year), dataManifest(year, lines)),
];

/** `/{region}/`, from the region's region-year lines. */
export const regionPageObject = (region: RegionInfo, lines: readonly RegionYearLine[]): SiteObject =>
  object(regionPath(region.code), renderRegionPage(region, lines));

/** `/data/`, from every region-year's line. */
export const dataIndexObject = (lines: readonly DataLine[]): SiteObject => object(DATA_PATH, renderDataPage(lines));

/** The objects one accepted submission rewrites: exactly `changedKeys(change)`. */
export async function renderChange(change: SiteChange, ctx: ChangeContext): Promise<SiteObject[]> {
  const { region, year, agencyId, revision } = change;
  const { regionYear } = ctx;
  if (regionYear.region.code !== region || regionYear.year !== year) throw new Error('context is for another region-year');
  const publication = regionYear.publications.find((p) => p.agencyId === agencyId);
  const published = publication?.revisions.find((r) => r.revision === revision);
  if (!publication || !published) throw new Error(`revision ${revision} of ${agencyId} is not in the context`);
  const documents: Documents = ctx.documents === false ? null : new Map();
  const [revisionOwn, current, regionYearOwn] = await Promise.all([
    revisionObjects(regionYear.region, publication, published, documents),
    currentReportObjects(regionYear.region, publication, documents),
    regionYearObjects(ctx.baseUrl, regionYear),
  ]);
  const objects = [
    ...revisionOwn,
    ...current,
    object(agencyPath(agencyId), renderAgencyPage({ agency: ctx.agency, publications: ctx.agencyPublications })),
    ...regionYearOwn,
    ...siteIndexObjects(ctx.baseUrl, ctx.home),
  ];
  const expected = changedKeys(change, { documents: ctx.documents !== false });
  if (objects.length !== expected.length || objects.some((o, i) => o.key !== expected[i])) {
    throw new Error('renderChange and changedKeys disagree');
  }
  return objects;
}

/** Indexes a snapshot so each page's data is found without scanning the whole site. */
export class SiteIndex {
  private readonly regions = new Map<string, RegionInfo>();
  private readonly agenciesByRegion = new Map<string, AgencyInfo[]>();
  private readonly agencies = new Map<string, AgencyInfo>();
  private readonly byRegionYear = new Map<string, Publication[]>();
  private readonly byAgency = new Map<string, Publication[]>();

  constructor(readonly snapshot: SiteSnapshot) {
    for (const r of snapshot.regions) this.regions.set(r.code, r);
    for (const a of snapshot.agencies) {
      this.agencies.set(a.id, a);
      push(this.agenciesByRegion, a.region, a);
    }
    for (const p of snapshot.publications) {
      push(this.byRegionYear, `${p.region}/${p.year}`, p);
      push(this.byAgency, p.agencyId, p);
    }
  }

  region(code: string): RegionInfo {
    return this.regions.get(code) ?? { code };
  }

  regionYear(region: string, year: number): RegionYearInput {
    return {
      region: this.region(region),
      year,
      agencies: this.agenciesByRegion.get(region) ?? [],
      publications: this.byRegionYear.get(`${region}/${year}`) ?? [],
    };
  }

  /** Region-years with at least one publication. */
  regionYears(): { region: string; year: number }[] {
    return [...this.byRegionYear.keys()].sort().map((k) => {
      const [region = '', year = ''] = k.split('/');
      return { region, year: Number(year) };
    });
  }

  agency(id: string): AgencyInfo {
    const known = this.agencies.get(id);
    if (known) return known;
    const p = this.byAgency.get(id)?.[0];
    if (!p) throw new Error(`unknown agency ${id}`);
    return { id, name: latestRevision(p.revisions).report.agencyName, region: p.region };
  }

  agencyPublications(id: string): readonly Publication[] {
    return this.byAgency.get(id) ?? [];
  }

  publishingAgencies(): string[] {
    return [...this.byAgency.keys()].sort();
  }

  home(): HomeRegion[] {
    const byRegion = new Map<string, HomeRegion['years'][number][]>();
    for (const { region, year } of this.regionYears()) {
      const input = this.regionYear(region, year);
      const published = input.publications.length;
      const listed = new Set([...input.agencies.map((a) => a.id), ...input.publications.map((p) => p.agencyId)]);
      push(byRegion, region, { year, published, agencies: listed.size, lastmod: regionYearLastmod(input) });
    }
    return [...byRegion].map(([code, years]) => ({ region: this.region(code), years }));
  }

  changeContext(change: SiteChange, baseUrl: string): ChangeContext {
    return {
      baseUrl,
      regionYear: this.regionYear(change.region, change.year),
      agency: this.agency(change.agencyId),
      agencyPublications: this.agencyPublications(change.agencyId),
      home: this.home(),
    };
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Every object of the site, one at a time so a rebuild of 10,000 reports holds one
 * publication's objects in memory (and one region-year's open data), not the site. (The stylesheet is deployed with the code: see site-assets.ts.)
 */
export async function* renderSite(snapshot: SiteSnapshot, baseUrl: string, dataLines: DataLine[] = []): AsyncGenerator<SiteObject> {
  const index = new SiteIndex(snapshot);
  // Only each region-year's few listing figures stay in memory for the open data pages (and
  // go to `dataLines`, for the rebuild to keep them on the region-years' home-page lines).
  for (const { region, year } of index.regionYears()) {
    const input = index.regionYear(region, year);
    for (const p of input.publications) {
      const documents: Documents = new Map();
      for (const r of p.revisions) yield* await revisionObjects(input.region, p, r, documents);
      yield* await currentReportObjects(input.region, p, documents);
    }
    const objects = await regionYearObjects(baseUrl, input);
    const lastmod = regionYearLastmod(input);
    dataLines.push({
      region,
      ...(input.region.name ? { regionName: input.region.name } : {}),
      year,
      ...(lastmod ? { updated: lastmod } : {}),
      files: regionYearDataFiles(input, objects),
    });
    yield* objects;
  }
  for (const id of index.publishingAgencies()) {
    yield object(agencyPath(id), renderAgencyPage({ agency: index.agency(id), publications: index.agencyPublications(id) }));
  }
  const home = index.home();
  yield* siteIndexObjects(baseUrl, home);
  for (const h of home) {
    yield regionPageObject(h.region, h.years.map((y) => ({ ...y, ...regionYearFigures(index.regionYear(h.region.code, y.year)) })));
  }
  yield* feedObjects(baseUrl, feedEntriesOf(snapshot.publications), [...new Set(index.regionYears().map((ry) => ry.region))].map((r) => index.region(r)));
  for (const year of [...new Set(dataLines.map((l) => l.year))].sort()) yield* dataYearObjects(year, dataLines);
  yield dataIndexObject(dataLines);
  yield reportSchemaObject();
}
