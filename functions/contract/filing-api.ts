/**
 * The API contract: the JSON shapes that cross HTTP, shared as types by the handlers (which
 * produce them through the use cases) and the two browser apps (which read them). Inputs that
 * are parsed at the boundary are zod schemas; answers are interfaces. Documented in docs/api.md.
 */
import { z } from 'zod';
import type { Agency } from '../domain/agency.js';
import { Explanations, type Finding } from '../domain/finding.js';
import type { FilingStatus } from '../domain/filing-status.js';
import { Report2019, Report2021, type Cell, type Report, type RowData } from '../domain/report.js';
import type { StampedCopyInfo, StampedCopyLink } from './stamped-copy.js';

// ---- shared pieces ----------------------------------------------------------------------------

/** A reviewer's comments on a returned filing: one general, and per cell path of the template. */
export const ReturnComments = z.strictObject({
  comment: z.string().trim().max(5000),
  cells: z.record(z.string().max(200), z.string().trim().min(1).max(2000)).default({}),
});
export type ReturnComments = z.infer<typeof ReturnComments> & { revision?: number; returnedAt?: string };

/** A region's own settings, set by the CLI (`nianbao region set`); the stamped copy's two also on the review page. */
export const RegionSettings = z.strictObject({
  /** `required`: accepted reports wait for the reviewer's approval before publishing */
  review: z.enum(['none', 'required']).default('none'),
  /** `required`: approval only once the revision's signed and stamped copy (盖章件) is uploaded */
  stampedCopy: z.enum(['none', 'required']).default('none'),
  /** true: the current report page links its revision's stamped copy, copied to the public site */
  publishStampedCopy: z.boolean().default(false),
});
export type RegionSettings = z.infer<typeof RegionSettings>;

/** A submitted revision as the filer's view lists it. */
export interface RevisionSummary {
  revision: number;
  submittedAt: string;
  warningCount: number;
}

// ---- the filer's routes ---------------------------------------------------------------------

/**
 * The body of a draft save and of a submission: the report in its public JSON form with, beside
 * its fields, the filer's optional `explanations` (说明) of warnings by `findingKey`. A body
 * without `explanations` keeps the draft's; the server keeps only those of current warnings.
 */
export const FilingBody = z.discriminatedUnion('template', [
  Report2021.extend({ explanations: Explanations.optional() }),
  Report2019.extend({ explanations: Explanations.optional() }),
]);
export type FilingBody = z.infer<typeof FilingBody>;

export function splitFilingBody(body: FilingBody): { report: Report; explanations?: Explanations } {
  const { explanations, ...report } = body;
  return explanations ? { report, explanations } : { report };
}

export interface FilingView {
  agency: Pick<Agency, 'id' | 'name' | 'region' | 'kind'>;
  year: number;
  template: Report['template'];
  status: FilingStatus;
  version: number;
  draft: Report | null;
  findings: Finding[];
  /** the draft's explanations of its current warnings, by findingKey */
  explanations: Explanations;
  errorCount: number;
  warningCount: number;
  lastSubmittedAt: string | null;
  revisions: RevisionSummary[];
  /** last year's 四、结转下年度继续办理, to prefill this year's 二、上年结转 */
  previousYear: { year: number; revision: number; carriedForward: RowData } | null;
  /** the reviewer's comments while the filing is returned (until the next submission) */
  returned: ReturnComments | null;
  /** the newest stamped copy (盖章件) uploaded, of whichever revision; the form compares revisions */
  stampedCopy: StampedCopyInfo | null;
}

export interface SaveDraftResult {
  agencyId: string;
  year: number;
  status: FilingStatus;
  version: number;
  findings: Finding[];
  /** the explanations kept: those of current warnings */
  explanations: Explanations;
  errorCount: number;
  warningCount: number;
  /** warnings without an explanation */
  unexplainedCount: number;
}

/** The answer to a submission (201, or 200 when an amendment replays). */
export interface SubmitResponse {
  agencyId: string;
  year: number;
  status: FilingStatus;
  version: number;
  revision: number;
  submittedAt: string;
  findings: Finding[];
  /** the explanations submitted with the revision */
  explanations: Explanations;
}

// ---- region listings, the reviewer's board and filing view, the roll-up ------------------------

export interface RegionFilingRow {
  agencyId: string;
  agencyName: string;
  kind: Agency['kind'];
  status: FilingStatus;
  version: number;
  lastSubmittedAt: string | null;
  errorCount: number;
  warningCount: number;
  revisions: number;
}

export interface RegionFilings {
  region: string;
  year: number;
  counts: Record<FilingStatus, number>;
  filings: RegionFilingRow[];
}

export interface BoardRow {
  agencyId: string;
  agencyName: string;
  kind: Agency['kind'];
  status: FilingStatus;
  revisions: number;
  lastSubmittedAt: string | null;
  /** the last submission attempt, accepted or failed */
  lastAttempt: { at: string; ok: boolean; errorCount: number } | null;
  /** the filing's current warnings without the filer's explanation (未说明提示) */
  unexplainedWarnings: number;
  deadline: string;
  /** days until the deadline; negative when past it */
  daysLeft: number;
  overdue: boolean;
  lastReminderAt: string | null;
  /** deactivated since (停用): listed only because it filed this year */
  deactivated?: true;
  /** the newest stamped copy uploaded (盖章件), of whichever revision; null when none */
  stampedCopy: StampedCopyInfo | null;
}

export interface BoardCounts extends Record<FilingStatus, number> {
  /** agencies whose last attempt failed the checks */
  failed: number;
  overdue: number;
  total: number;
}

export interface Board {
  region: string;
  year: number;
  today: string;
  review: RegionSettings['review'];
  stampedCopy: RegionSettings['stampedCopy'];
  publishStampedCopy: RegionSettings['publishStampedCopy'];
  counts: BoardCounts;
  rows: BoardRow[];
}

export interface CellChange {
  path: string;
  label: string;
  from: Cell | string;
  to: Cell | string;
}

export interface AuditEntry {
  at: string;
  /** an audit event type (`draft.saved`, `filing.returned`, …) or `filing.submitted` */
  type: string;
  actor: string;
  detail?: Record<string, unknown>;
}

export interface ReviewFilingView {
  agency: Pick<Agency, 'id' | 'name' | 'region' | 'kind'>;
  year: number;
  status: FilingStatus;
  version: number;
  /** the newest submitted revision (what the public page shows once published) */
  latest: {
    revision: number;
    submittedAt: string;
    approvedAt: string | null;
    report: Report;
    findings: Finding[];
    /** the filer's explanations submitted with it, by findingKey */
    explanations: Explanations;
  } | null;
  /** the working draft's own check (it may differ from the latest revision) */
  draft: { errorCount: number; warningCount: number; findings: Finding[]; explanations: Explanations } | null;
  revisions: { revision: number; submittedAt: string; submittedBy: string; review: 'required' | null; approvedAt: string | null; warningCount: number }[];
  diff: { from: number; to: number; changes: CellChange[] } | null;
  returned: ReturnComments | null;
  audit: AuditEntry[];
  /** every revision's stamped copy, newest first, each with a link valid a few minutes */
  stampedCopies: StampedCopyLink[];
  /** the region's setting: approval needs the stamped copy */
  stampedCopyRequired: boolean;
}

/** GET …/filings/{agencyId}/{year}: the view, and the latest revision's public article (HTML). */
export type ReviewFilingResponse = ReviewFilingView & { page: string | null };

export interface Rollup {
  region: string;
  year: number;
  /** the draft of the county's own report: every table the sum of its agencies' accepted reports */
  report: Report;
  coverage: {
    included: number;
    of: number;
    agencies: { agencyId: string; agencyName: string; revision: number }[];
    missing: { agencyId: string; agencyName: string; status: FilingStatus }[];
  };
}

// ---- errors ----------------------------------------------------------------------------------

/** Every error answer: a stable code, a Chinese message for the person, and details by kind. */
export interface ErrorBody {
  error: { code: string; message: string } & Record<string, unknown>;
}
