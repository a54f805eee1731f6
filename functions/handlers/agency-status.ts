/** POST /api/regions/{region}/agencies/{agencyId}/status {active} (reviewers): deactivate (停用) or reactivate. */
import { AgencyStatusInput } from '../contract/registry.js';
import { setAgencyActive } from '../services/registry.js';
import { authenticatedRoute } from './http-stack.js';
import { REGISTRY_BODY_BYTES, RegionAgencyPath } from './route-params.js';
import { registryDeps } from './compose/http.js';

export const handler = authenticatedRoute({ path: RegionAgencyPath, body: AgencyStatusInput, maxBodyBytes: REGISTRY_BODY_BYTES }, async (request, caller, deps) => {
  const { region, agencyId } = request.path;
  return { status: 200, body: await setAgencyActive(registryDeps(deps), caller, region, agencyId.toUpperCase(), request.body.active) };
});
