/**
 * POST /api/regions/{region}/reviewers {email} and POST /api/regions/{region}/reviewers/remove
 * {email} (reviewers): a colleague of the caller's region or a region inside it is added, or
 * removed (their sessions end).
 */
import { ReviewerInput } from '../contract/registry.js';
import { addColleague, removeColleague } from '../services/registry.js';
import { authenticatedRoute } from './http-stack.js';
import { REGISTRY_BODY_BYTES, RegionPath } from './route-params.js';
import { registryDeps } from './compose/http.js';

export const handler = authenticatedRoute({ path: RegionPath, body: ReviewerInput, maxBodyBytes: REGISTRY_BODY_BYTES }, async (request, caller, deps) => {
  const { region } = request.path;
  const remove = request.event.routeKey?.endsWith('/reviewers/remove') ?? false;
  const body = remove
    ? await removeColleague(registryDeps(deps), caller, region, request.body.email)
    : await addColleague(registryDeps(deps), caller, region, request.body.email);
  return { status: 200, body };
});
