/**
 * GET /api/regions/{region}/filings/{agencyId}/{year}[?diff=a,b] (reviewers): the latest
 * revision as the public page shows it, findings, revisions (with a cell-by-cell difference
 * between two), the reviewer's open comments and the audit trail.
 */
import { z } from 'zod';
import { getReviewFiling } from '../services/review.js';
import { renderReportPage } from '../../web/site/report-page.js';
import { siteCssObject } from '../../web/site/site-assets.js';
import { authenticatedRoute } from './http-stack.js';
import { AgencyYearPath, reviewDeps } from './review-runtime.js';

const Query = z.strictObject({
  diff: z
    .string()
    .regex(/^\d{1,6},\d{1,6}$/, 'diff 应为两个版本号，如 1,2')
    .transform((s) => s.split(',').map(Number) as [number, number])
    .optional(),
});

let css: string | undefined;

export const handler = authenticatedRoute({ path: AgencyYearPath, query: Query }, async (request, caller, deps) => {
  const { region, agencyId, year } = request.path;
  const view = await getReviewFiling(reviewDeps(deps), caller, { region, agencyId, year, ...(request.query.diff ? { diff: request.query.diff } : {}) });
  let page: string | null = null;
  if (view.latest) {
    // The public page itself, with its stylesheet inlined (the review page shows it in a sandboxed frame).
    css ??= String(siteCssObject().body);
    page = renderReportPage({
      region: { code: view.agency.region },
      publication: {
        agencyId,
        region: view.agency.region,
        year,
        revisions: [{ revision: view.latest.revision, publishedAt: view.latest.submittedAt, report: view.latest.report }],
      },
    }).replace('</head>', `<style>${css}</style></head>`);
  }
  return { status: 200, body: { ...view, page } };
});
