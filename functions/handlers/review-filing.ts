/**
 * GET /api/regions/{region}/filings/{agencyId}/{year}[?diff=a,b] (reviewers): the latest
 * revision as the public page shows it, findings, revisions (with a cell-by-cell difference
 * between two), the reviewer's open comments and the audit trail.
 */
import { z } from 'zod';
import { getReviewFiling } from '../services/review.js';
import { renderReportPage } from '../../web/site/report-page.js';
import { authenticatedRoute } from './http-stack.js';
import { AgencyYearPath, reviewDeps } from './review-runtime.js';

const Query = z.strictObject({
  diff: z
    .string()
    .regex(/^\d{1,6},\d{1,6}$/, 'diff 应为两个版本号，如 1,2')
    .transform((s) => s.split(',').map(Number) as [number, number])
    .optional(),
});

export const handler = authenticatedRoute({ path: AgencyYearPath, query: Query }, async (request, caller, deps) => {
  const { region, agencyId, year } = request.path;
  const view = await getReviewFiling(reviewDeps(deps), caller, { region, agencyId, year, ...(request.query.diff ? { diff: request.query.diff } : {}) });
  let page: string | null = null;
  if (view.latest) {
    // The public page's report article, as rendered for the site (the review page loads the site's stylesheet).
    const html = renderReportPage({
      region: { code: view.agency.region },
      publication: {
        agencyId,
        region: view.agency.region,
        year,
        revisions: [{ revision: view.latest.revision, publishedAt: view.latest.submittedAt, report: view.latest.report }],
      },
    });
    page = /<article[\s\S]*<\/article>/.exec(html)?.[0] ?? null;
  }
  return { status: 200, body: { ...view, page } };
});
