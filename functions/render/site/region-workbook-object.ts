/**
 * `all-reports.xlsx` beside `all-reports.csv`: the latest revision of every published report of
 * a region-year in one workbook (render/documents/region-workbook.ts). Not part of a publish:
 * it grows with the region-year, so the scheduled pass writes it (services/region-workbooks.ts).
 */
import { latestRevision, regionName, roster, type RegionYearInput } from '../../domain/publication.js';
import { regionWorkbook } from '../documents/region-workbook.js';
import { allReportsXlsxPath } from './paths.js';
import { object, type SiteObject } from './render-site.js';

export async function regionWorkbookObject(input: RegionYearInput): Promise<SiteObject> {
  const reports = roster(input).flatMap((e) =>
    e.publication ? [{ agencyName: e.name, agencyId: e.agencyId, report: latestRevision(e.publication.revisions).report }] : [],
  );
  const title = `${regionName(input.region)}${input.year}年度政府信息公开工作年度报告`;
  return object(allReportsXlsxPath(input.region.code, input.year), await regionWorkbook(reports, title));
}
