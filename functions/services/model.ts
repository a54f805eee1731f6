/** The records the filing API keeps, and the caller it serves. Schema and type share a name. */
import type { ReturnComments } from '../contract/filing-api.js';
import type { StampedCopyInfo } from '../contract/stamped-copy.js';
import { z } from 'zod';
import { Finding, type Explanations } from '../domain/finding.js';
import type { Report } from '../domain/report.js';
import type { FilingStatus } from '../domain/filing-status.js';



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
  /** the filer's explanations (说明) of the current warnings, by findingKey; omitted when none */
  explanations?: Explanations;
  /** warnings of `findings` without an explanation (the board's 未说明提示); absent on items
   * written before explanations existed, where it equals `warningCount` */
  unexplainedCount?: number;
  /** number of the newest revision, 0 if never submitted */
  latestRevision: number;
  lastSubmittedAt?: string;
  updatedAt: string;
  /** the reviewer's comments while `returned`; a submission clears them */
  returned?: ReturnComments;
}


/** The fields of a filing that the region index carries (no draft, no findings, no explanations). */
export type FilingSummary = Omit<Filing, 'draft' | 'findings' | 'returned' | 'explanations'>;

/** A submitted report, never changed once written. */
export interface Revision {
  agencyId: string;
  year: number;
  revision: number;
  report: Report;
  /** warnings accepted with it (a submitted revision has no errors) */
  findings: Finding[];
  /** the filer's explanations of those warnings, by findingKey; omitted when none */
  explanations?: Explanations;
  submittedAt: string;
  /** hash of the token that submitted it, or a label such as `seed` */
  submittedBy: string;
  /** `required`: accepted in a region whose reviewer approves before publishing */
  review?: 'required';
  approvedAt?: string;
  approvedBy?: string;
  /** the signed and stamped copy uploaded for it (the last one, if several) */
  stampedCopy?: StoredStampedCopy;
}

/** A stamped copy as stored: what is shown, and the private bucket's key (never shown). */
export interface StoredStampedCopy extends StampedCopyInfo {
  key: string;
}

/** Submissions need no event: the immutable revision item records who submitted what, when. */
export const EventType = z.enum([
  'draft.saved',
  'filing.check-failed',
  'filing.returned',
  'filing.approved',
  'filing.stamped-copy',
  'region.settings',
  'token.created',
  'token.revoked',
  'session.started',
  'session.ended',
  'agency.saved',
  'agency.imported',
  'agency.deactivated',
  'agency.reactivated',
  'sessions.ended',
  'reviewer.added',
  'reviewer.removed',
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
  /** a session's e-mail address (removing the address ends its sessions); API tokens have none */
  email?: string;
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

