/** GET /api/regions/{region}/filings?year=YYYY[&status=…] (reviewers). */
import { z } from 'zod';
import { listRegionFilings } from '../services/filings.js';
import { RegionCode } from '../domain/agency.js';
import { FilingStatus } from '../domain/filing-status.js';
import { authenticatedRoute } from './http-stack.js';
import { YearQuery } from './route-params.js';

const Path = z.strictObject({ region: RegionCode });
const Query = z.strictObject({
  year: YearQuery,
  status: FilingStatus.optional(),
});

export const handler = authenticatedRoute({ path: Path, query: Query }, async (request, caller, deps) => {
  const body = await listRegionFilings(deps, caller, request.path.region, request.query.year, request.query.status);
  return { status: 200, body };
});
