/** POST /api/filings/{year}/submit: body is the report (with the filer's optional `explanations`); optional If-Match and Idempotency-Key. */
import { z } from 'zod';
import { FilingBody, splitFilingBody } from '../contract/filing-api.js';
import { prefetchSubmit, submitFiling } from '../services/filings.js';
import { YearPath, authenticatedRoute, parseIdempotencyKey, parseIfMatch } from './http-stack.js';
import { CheckFailedError } from '../services/errors.js';
import { severityOf } from '../domain/finding.js';
import { count } from './observability.js';

/** Metrics of a submission: accepted, or refused by its rules (one count per failing rule). */
async function counted<T extends { status: number; replayed: boolean }>(submitting: Promise<T>): Promise<T> {
  try {
    const result = await submitting;
    if (!result.replayed) count('Submissions');
    return result;
  } catch (error) {
    if (error instanceof CheckFailedError) {
      for (const rule of new Set(error.findings.filter((f) => severityOf(f.rule) === 'error').map((f) => f.rule))) count('Rejections', 1, { rule });
    }
    throw error;
  }
}

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
  const result = await counted(submitFiling(deps, caller, {
    ...(request.query.agency ? { agencyId: request.query.agency } : {}),
    year: request.path.year,
    ...splitFilingBody(request.body),
    ...(ifMatch !== undefined ? { ifMatch } : {}),
    ...(idempotencyKey !== undefined ? { idempotencyKey } : {}),
    ...(prefetched ? { prefetched } : {}),
  }));
  return {
    status: result.status,
    body: result.body,
    headers: { etag: `"${result.body.version}"`, ...(result.replayed ? { 'idempotent-replayed': 'true' } : {}) },
  };
  },
);
