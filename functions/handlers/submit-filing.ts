/** POST /api/filings/{year}/submit: body is the report (with the filer's optional `explanations`); optional If-Match and Idempotency-Key. */
import { z } from 'zod';
import { FilingBody, splitFilingBody } from '../contract/filing-api.js';
import { prefetchSubmit, submitFiling } from '../services/filings.js';
import { YearPath, authenticatedRoute, parseIdempotencyKey, parseIfMatch } from './http-stack.js';

const AgencyQuery = z.strictObject({ agency: z.string().min(1).max(32).optional() });

export const handler = authenticatedRoute(
  {
    path: YearPath,
    query: AgencyQuery,
    body: FilingBody,
    // Last year's revision and the region's gate, in the token read's round trip.
    prefetch: (owner, event, deps) => {
      const year = YearPath.safeParse(event.pathParameters ?? {});
      return year.success ? prefetchSubmit(deps, owner, year.data.year) : undefined;
    },
  },
  async (request, caller, deps, prefetched) => {
  const ifMatch = parseIfMatch(request.header('if-match'));
  const idempotencyKey = parseIdempotencyKey(request.header('idempotency-key'));
  const result = await submitFiling(deps, caller, {
    ...(request.query.agency ? { agencyId: request.query.agency } : {}),
    year: request.path.year,
    ...splitFilingBody(request.body),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    ...(prefetched ? { prefetched } : {}),
  });
  return {
    status: result.status,
    body: result.body,
    headers: { etag: `"${result.body.version}"`, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  };
  },
);
