/**
 * GET /api/regions/{region}/rollup?year=YYYY[&format=json|csv] (reviewers) and
 * GET /api/filings/{year}/rollup (the region's government office, to start its own report):
 * the sums of the region's accepted reports, with coverage. `format` gives the public JSON
 * (docs/report-json.md) or CSV of the summed report alone, as downloads.
 */
import { z } from 'zod';
import { regionRollup } from '../services/review.js';
import { RegionCode } from '../domain/agency.js';
import { InputError } from '../services/errors.js';
import { reportCsv } from '../render/site/report-csv.js';
import { reportJson } from '../render/site/report-page.js';
import { authenticatedRoute } from './http-stack.js';
import { attachment, YearQuery } from './route-params.js';

const Path = z.union([z.strictObject({ region: RegionCode }), z.strictObject({ year: YearQuery })]);
const Query = z.strictObject({ year: YearQuery.optional(), format: z.enum(['json', 'csv']).optional() });

export const handler = authenticatedRoute({ path: Path, query: Query }, async (request, caller, deps) => {
  const path = request.path;
  const region = 'region' in path ? path.region : caller.region;
  const year = 'year' in path ? path.year : request.query.year;
  if (year === undefined) throw new InputError('请指明年度：?year=YYYY');
  const rollup = await regionRollup(deps, caller, region, year);
  const name = `${region}-${year}-汇总`;
  if (request.query.format === 'csv') {
    return { status: 200, body: undefined, text: reportCsv(rollup.report), headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': attachment(`${name}.csv`) } };
  }
  if (request.query.format === 'json') {
    return { status: 200, body: undefined, text: reportJson(rollup.report), headers: { 'content-type': 'application/json; charset=utf-8', 'content-disposition': attachment(`${name}.json`) } };
  }
  return { status: 200, body: rollup };
});
