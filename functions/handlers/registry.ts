/** GET /api/regions/{region}/registry (reviewers): the region's agencies with their last sign-in, and its reviewers. */
import { getRegistry } from '../services/registry.js';
import { authenticatedRoute } from './http-stack.js';
import { RegionPath } from './route-params.js';
import { registryDeps } from './compose/http.js';

export const handler = authenticatedRoute({ path: RegionPath }, async (request, caller, deps) => {
  return { status: 200, body: await getRegistry(registryDeps(deps), caller, request.path.region) };
});
