/** PUT /api/filings/{year}/draft: body is the report (public JSON form); If-Match: version. */
import { Report } from '../domain/report.js';
import { saveDraft } from '../services/filings.js';
import { YearPath, authenticatedRoute, parseIfMatch } from './http-stack.js';

export const handler = authenticatedRoute({ path: YearPath, body: Report }, async (request, caller, deps) => {
  const result = await saveDraft(deps, caller, {
    year: request.path.year,
    report: request.body,
    ifMatch: parseIfMatch(request.header('if-match')),
  });
  return { status: 200, body: result, headers: { etag: `"${result.version}"` } };
});
