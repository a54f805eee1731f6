/**
 * GET /api/regions/{region}/filings/{agencyId}/{year}[?diff=a,b] (reviewers): the latest
 * revision as the public page shows it, findings, revisions (with a cell-by-cell difference
 * between two), the reviewer's open comments and the audit trail.
 */
import { z } from 'zod';
import { getReviewFiling } from '../services/review.js';
import { reviewerArticle } from '../render/site/report-page.js';
import { authenticatedRoute } from './http-stack.js';
import { AgencyYearPath } from './route-params.js';
import { reviewDeps } from './compose/http.js';
import { stampedFiles } from './compose/stamped-files.js';

const Query = z.strictObject({
  diff: z
    .string()
    .regex(/^\d{1,6},\d{1,6}$/, 'diff 应为两个版本号，如 1,2')
    .transform((s) => s.split(',').map(Number) as [number, number])
    .optional(),
});

export const handler = authenticatedRoute({ path: AgencyYearPath, query: Query }, async (request, caller, deps) => {
  const { region, agencyId, year } = request.path;
  const view = await getReviewFiling({ ...reviewDeps(deps), files: stampedFiles() }, caller, { region, agencyId, year, ...(request.query.diff ? { diff: request.query.diff } : {}) });
  const page = view.latest ? reviewerArticle(view.agency.region, agencyId, year, view.latest) : null;
  return { status: 200, body: { ...view, page } };
});
