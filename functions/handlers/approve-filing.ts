/** POST /api/regions/{region}/filings/{agencyId}/{year}/approve (reviewers): the publish gate's approval. */
import { z } from 'zod';
import { approveFiling } from '../services/review.js';
import { authenticatedRoute } from './http-stack.js';
import { AgencyYearPath } from './route-params.js';
import { reviewDeps } from './compose/http.js';

const Body = z.strictObject({ revision: z.number().int().min(1) });

export const handler = authenticatedRoute({ path: AgencyYearPath, body: Body }, async (request, caller, deps) => {
  const body = await approveFiling(reviewDeps(deps), caller, { ...request.path, revision: request.body.revision });
  return { status: 200, body };
});
