/** POST /api/regions/{region}/agencies/{agencyId}/sign-out (reviewers): ends every session of the agency. */
import { endAgencySessions } from '../services/registry.js';
import { authenticatedRoute } from './http-stack.js';
import { REGISTRY_BODY_BYTES, RegionAgencyPath } from './route-params.js';
import { registryDeps } from './compose/http.js';

export const handler = authenticatedRoute({ path: RegionAgencyPath, maxBodyBytes: REGISTRY_BODY_BYTES }, async (request, caller, deps) => {
  const { region, agencyId } = request.path;
  return { status: 200, body: await endAgencySessions(registryDeps(deps), caller, region, agencyId.toUpperCase()) };
});
