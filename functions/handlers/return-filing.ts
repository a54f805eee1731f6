/** POST /api/regions/{region}/filings/{agencyId}/{year}/return (reviewers): back to the agency, with comments. */
import { z } from 'zod';
import { returnFiling } from '../services/review.js';
import { authenticatedRoute } from './http-stack.js';
import { AgencyYearPath } from './route-params.js';
import { reviewDeps } from './compose/http.js';

const Body = z.strictObject({
  revision: z.number().int().min(1),
  comment: z.string().max(5000).default(''),
  cells: z.record(z.string().max(200), z.string().trim().min(1).max(2000)).default({}),
});

export const handler = authenticatedRoute({ path: AgencyYearPath, body: Body }, async (request, caller, deps) => {
  const body = await returnFiling(reviewDeps(deps), caller, { ...request.path, ...request.body, comment: request.body.comment.trim() });
  return { status: 200, body };
});
