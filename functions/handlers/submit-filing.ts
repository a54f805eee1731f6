/** POST /api/filings/{year}/submit: body is the report; optional If-Match and Idempotency-Key. */
import { z } from 'zod';
import { Report } from '../domain/report.js';
import { submitFiling } from '../services/filings.js';
import { YearPath, authenticatedRoute, parseIdempotencyKey, parseIfMatch } from './http-stack.js';

const AgencyQuery = z.strictObject({ agency: z.string().min(1).max(32).optional() });

export const handler = authenticatedRoute({ path: YearPath, query: AgencyQuery, body: Report }, async (request, caller, deps) => {
  const ifMatch = parseIfMatch(request.header('if-match'));
  const idempotencyKey = parseIdempotencyKey(request.header('idempotency-key'));
  const result = await submitFiling(deps, caller, {
    ...(request.query.agency ? { agencyId: request.query.agency } : {}),
    year: request.path.year,
    report: request.body,
    ...(ifMatch !== undefined ? { ifMatch } : {}),
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
  });
  return {
    status: result.status,
    body: result.body,
    headers: { etag: `"${result.body.version}"`, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  };
});
