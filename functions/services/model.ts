/** The records the filing API keeps, and the caller it serves. Schema and type share a name. */
import { z } from 'zod';
import { AgencyKind } from '../domain/agency.js';
import { Finding } from '../domain/finding.js';
import type { Report } from '../domain/report.js';

export const RegionCode = z.string().regex(/^\d{6}$/, '行政区划代码应为6位数字');
export type RegionCode = z.infer<typeof RegionCode>;

export const Agency = z.strictObject({
  id: z.string().length(18),
  name: z.string().trim().min(1).max(200),
  region: RegionCode,
  kind: AgencyKind,
  emails: z.array(z.string()),
});
export type Agency = z.infer<typeof Agency>;

// publish_failed: accepted, but the site could not be written after retries (the repair pass retries).
// awaiting_approval: accepted in a region with `review: required`; the reviewer's approval publishes it.
export const FilingStatus = z.enum(['not_started', 'draft', 'submitted', 'awaiting_approval', 'returned', 'published', 'publish_failed']);
export type FilingStatus = z.infer<typeof FilingStatus>;

/** One filing per agency and year: the working draft and where its submissions stand. */
export interface Filing {
  agencyId: string;
  year: number;
  /** the agency's region when the filing was last written (the region index key) */
  region: string;
  status: FilingStatus;
  /** bumped on every write; `If-Match` compares against it; 0 means no filing yet */
  version: number;
  draft: Report | null;
  /** findings of the last check of the draft or submission */
  findings: Finding[];
  errorCount: number;
  warningCount: number;
  /** number of the newest revision, 0 if never submitted */
  latestRevision: number;
  lastSubmittedAt?: string;
  updatedAt: string;
  /** the reviewer's comments while `returned`; a submission clears them */
  returned?: ReturnComments;
}

/** A reviewer's comments on a returned filing: one general, and per cell path of the template. */
export const ReturnComments = z.strictObject({
  comment: z.string().trim().max(5000),
  cells: z.record(z.string().max(200), z.string().trim().min(1).max(2000)).default({}),
});
export type ReturnComments = z.infer<typeof ReturnComments> & { revision?: number; returnedAt?: string };

/** The fields of a filing that the region index carries (no draft, no findings). */
export type FilingSummary = Omit<Filing, 'draft' | 'findings' | 'returned'>;

/** A submitted report, never changed once written. */
export interface Revision {
  agencyId: string;
  year: number;
  revision: number;
  report: Report;
  /** warnings accepted with it (a submitted revision has no errors) */
  findings: Finding[];
  submittedAt: string;
  /** hash of the token that submitted it, or a label such as `seed` */
  submittedBy: string;
  /** `required`: accepted in a region whose reviewer approves before publishing */
  review?: 'required';
  approvedAt?: string;
  approvedBy?: string;
}
export type RevisionSummary = Pick<Revision, 'revision' | 'submittedAt'> & { warningCount: number };

/** Submissions need no event: the immutable revision item records who submitted what, when. */
export const EventType = z.enum([
  'draft.saved',
  'filing.check-failed',
  'filing.returned',
  'filing.approved',
  'region.settings',
  'token.created',
  'token.revoked',
]);
export type EventType = z.infer<typeof EventType>;

/** An audit event; `filing.check-failed` and `filing.returned` are what the notifier mails about. */
export interface AuditEvent {
  type: EventType;
  at: string;
  region: string;
  agencyId?: string;
  year?: number;
  /** token hash prefix or a CLI label */
  actor: string;
  detail?: Record<string, unknown>;
}

export type TokenRole = 'filer' | 'reviewer';

export interface TokenRecord {
  /** SHA-256 of the token, hex; the token itself is never stored */
  hash: string;
  role: TokenRole;
  /** the filer's agency */
  agencyId?: string;
  /** the filer's agency's region, or the reviewer's region */
  region: string;
  createdAt: string;
  expiresAt: string;
  revokedAt?: string;
}

/** Who is calling, once the token checked out. */
export type Caller =
  | { role: 'filer'; agencyId: string; region: string; tokenHash: string }
  | { role: 'reviewer'; region: string; tokenHash: string };

/** A response kept under an `Idempotency-Key`, replayed for a retry. */
export interface StoredResponse {
  requestHash: string;
  status: number;
  body: unknown;
}

/** A region's own settings, set by the CLI (`nianbao region set`). */
export const RegionSettings = z.strictObject({
  /** `required`: accepted reports wait for the reviewer's approval before publishing */
  review: z.enum(['none', 'required']).default('none'),
});
export type RegionSettings = z.infer<typeof RegionSettings>;
