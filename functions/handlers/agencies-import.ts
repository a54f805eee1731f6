/**
 * POST /api/regions/{region}/agencies/import {csv} (reviewers): the CSV `nianbao agencies import`
 * reads. Any bad line: 400 with the lines (`issues`) and nothing written; else one transaction.
 */
import { AgencyCsvUpload } from '../contract/registry.js';
import { importAgencyCsv } from '../services/registry.js';
import { authenticatedRoute } from './http-stack.js';
import { CSV_BODY_BYTES, RegionPath } from './route-params.js';
import { registryDeps } from './compose/http.js';

export const handler = authenticatedRoute({ path: RegionPath, body: AgencyCsvUpload, maxBodyBytes: CSV_BODY_BYTES }, async (request, caller, deps) => {
  return { status: 200, body: await importAgencyCsv(registryDeps(deps), caller, request.path.region, request.body.csv) };
});
