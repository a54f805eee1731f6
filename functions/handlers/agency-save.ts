/**
 * POST /api/regions/{region}/agencies (register) and PUT /api/regions/{region}/agencies/{agencyId}
 * (edit), reviewers: name, 统一社会信用代码 (check character verified), region, kind, addresses.
 */
import { z } from 'zod';
import { AgencyInput } from '../contract/registry.js';
import { saveAgency } from '../services/registry.js';
import { authenticatedRoute } from './http-stack.js';
import { REGISTRY_BODY_BYTES, RegionAgencyPath, RegionPath } from './route-params.js';
import { registryDeps } from './compose/http.js';

const Path = z.union([RegionAgencyPath, RegionPath]);

export const handler = authenticatedRoute({ path: Path, body: AgencyInput, maxBodyBytes: REGISTRY_BODY_BYTES }, async (request, caller, deps) => {
  const agencyId = 'agencyId' in request.path ? request.path.agencyId.toUpperCase() : undefined;
  const agency = await saveAgency(registryDeps(deps), caller, request.path.region, request.body, agencyId);
  return { status: agencyId ? 200 : 201, body: agency };
});
