/**
 * The region-year workbook (`all-reports.xlsx`, beside `all-reports.csv`), written outside the
 * publish: its cost grows with the region-year (a 50-report workbook takes several times one
 * publish), so a publish that rewrote it would slow as the region fills. The scheduled pass (the
 * repair pass's schedule: every 5 minutes on AWS, every minute under `npm start`) rewrites the
 * workbook of every region-year whose count of recorded publications moved since its workbook
 * was written, and records the count it was written at. A publish recorded while a workbook is
 * being written raises the count past the recorded one, so the next pass writes it again:
 * nothing is missed, at most a pass late.
 */
import { regionWorkbookObject } from '../render/site/region-workbook-object.js';
import type { SiteBucket, SiteStore } from './site-ports.js';

/** Workbooks per pass at most, so a pass stays well inside one invocation; the rest wait. */
export const WORKBOOK_LIMIT = 20;

export interface WorkbookResult {
  written: { region: string; year: number; reports: number }[];
  /** region-years still behind after this pass (over the limit) */
  deferred: number;
}

export async function refreshRegionWorkbooks(
  deps: { store: SiteStore; bucket: SiteBucket },
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
    await deps.bucket.put([await regionWorkbookObject({ region: regionInfo, year, agencies, publications })]);
    // The count read before the publications: anything recorded since is a later pass's.
    await deps.store.markWorkbook(region, year, recorded);
    result.written.push({ region, year, reports: publications.length });
  }
  return result;
}
