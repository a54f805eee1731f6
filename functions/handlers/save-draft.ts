/** PUT /api/filings/{year}/draft: body is the report (public JSON form, with the filer's optional `explanations`); If-Match: version. */
import { z } from 'zod';
import { FilingBody, splitFilingBody } from '../contract/filing-api.js';
import { saveDraft } from '../services/filings.js';
import { YearPath, authenticatedRoute, parseIfMatch } from './http-stack.js';

const AgencyQuery = z.strictObject({ agency: z.string().min(1).max(32).optional() });

export const handler = authenticatedRoute({ path: YearPath, query: AgencyQuery, body: FilingBody }, async (request, caller, deps) => {
  const result = await saveDraft(deps, caller, {
    ...(request.query.agency ? { agencyId: request.query.agency } : {}),
    year: request.path.year,
    ...splitFilingBody(request.body),
    ifMatch: parseIfMatch(request.header('if-match')),
  });
  return { status: 200, body: result, headers: { etag: `"${result.version}"` } };
});
