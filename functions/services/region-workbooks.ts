/**
 * The region-year workbook (`all-reports.xlsx`, beside `all-reports.csv`), written outside the
 * publish: its cost grows with the region-year (a 50-report workbook takes several times one
 * publish), so a publish that rewrote it would slow as the region fills. The scheduled pass (the
 * repair pass's schedule: every 5 minutes on AWS, every minute under `npm start`) rewrites the
 * workbook of every region-year whose count of recorded publications moved since its workbook
 * was written, and records the count it was written at. A publish recorded while a workbook is
 * being written raises the count past the recorded one, so the next pass writes it again:
 * nothing is missed, at most a pass late. The workbook's size, reports and date are kept on the
 * region-year's line, and the pass rewrites the open data listings of its year and `/data/`.
 */
import { regionWorkbookObject } from '../render/site/region-workbook-object.js';
import { dataIndexObject, dataYearObjects } from '../render/site/render-site.js';
import { dataLines } from './site-wide.js';
import type { SiteBucket, SiteStore } from './site-ports.js';

/** Workbooks per pass at most, so a pass stays well inside one invocation; the rest wait. */
export const WORKBOOK_LIMIT = 20;

export interface WorkbookResult {
  written: { region: string; year: number; reports: number }[];
  /** region-years still behind after this pass (over the limit) */
  deferred: number;
}

export async function refreshRegionWorkbooks(
  deps: { store: SiteStore; bucket: SiteBucket; clock?: () => Date },
  options: { limit?: number; all?: boolean } = {},
): Promise<WorkbookResult> {
  const site = await deps.store.loadSite();
  const stale = [...site.recorded].filter(([key, recorded]) => options.all || recorded > (site.workbooks.get(key) ?? 0));
  const todo = stale.slice(0, options.limit ?? WORKBOOK_LIMIT);
  const result: WorkbookResult = { written: [], deferred: stale.length - todo.length };
  for (const [key, recorded] of todo) {
    const [region, yearText] = key.split('#') as [string, string];
    const year = Number(yearText);
    const [agencies, publications] = await Promise.all([deps.store.listAgencies(region), deps.store.listRegionPublications(region, year)]);
    if (publications.length === 0) continue;
    const regionInfo = site.regions.find((r) => r.code === region) ?? { code: region };
    const workbook = await regionWorkbookObject({ region: regionInfo, year, agencies, publications });
    await deps.bucket.put([workbook]);
    const bytes = typeof workbook.body === 'string' ? new TextEncoder().encode(workbook.body).byteLength : workbook.body.byteLength;
    // The count read before the publications: anything recorded since is a later pass's. The
    // size, reports and date go on the region-year's line for the /data/ listings.
    const writtenAt = (deps.clock ?? (() => new Date()))().toISOString();
    await deps.store.markWorkbook(region, year, recorded, { bytes, rows: publications.length, writtenAt });
    result.written.push({ region, year, reports: publications.length });
  }
  if (result.written.length > 0) {
    // The listings of the years whose workbooks moved, and /data/, from the lines just marked.
    const after = await deps.store.loadSite();
    const lines = dataLines(after.regions, after.summaries);
    const years = [...new Set(result.written.map((w) => w.year))];
    await deps.bucket.put([...years.flatMap((y) => dataYearObjects(y, lines)), dataIndexObject(lines)]);
  }
  return result;
}
