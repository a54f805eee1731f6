/** GET /api/filings/{year}[?agency=ID]: the caller's filing (a reviewer names the agency). */
import { z } from 'zod';
import { getFiling } from '../services/filings.js';
import { YearPath, authenticatedRoute } from './http-stack.js';

const Query = z.strictObject({ agency: z.string().min(1).max(32).optional() });

export const handler = authenticatedRoute({ path: YearPath, query: Query }, async (request, caller, deps) => {
  const view = await getFiling(deps, caller, request.path.year, request.query.agency);
  return { status: 200, body: view, headers: { etag: `"${view.version}"` } };
});
