/** What the reminder, notification and bounce use cases need; adapters implement these. */
import type { Agency } from '../domain/agency.js';
import type { FilingStatus } from '../domain/filing-status.js';

/** An outstanding filing as the sparse index carries it. */
export interface OutstandingFiling {
  agencyId: string;
  region: string;
  year: number;
  status: FilingStatus;
  lastSubmittedAt?: string;
}

/** The failed-check window of one agency and year (`CHECKFAIL#<year>`). */
export interface CheckFailure {
  agencyId: string;
  region: string;
  year: number;
  lastFailedAt: string;
  errorCount: number;
}

/** A region's reviewing office: who gets digests and undeliverable notices. */
export interface RegionContacts {
  region: string;
  name?: string;
  /** reviewer e-mail addresses */
  reviewers: string[];
}

/** What is sent at most once. */
export type ClaimId =
  | { kind: 'reminder'; agencyId: string; region: string; year: number; step: string }
  | { kind: 'digest'; region: string; year: number; date: string }
  | { kind: 'undeliverable'; address: string }
  | { kind: 'returned'; agencyId: string; year: number; eventId: string };

export type ClaimStatus = 'pending' | 'sent' | 'failed';

/** `claimed`: this run owns the send; `taken`: another run sent it or is sending it now. */
export type ClaimOutcome = { kind: 'claimed' } | { kind: 'taken'; status: ClaimStatus };

export interface ClaimInput {
  id: ClaimId;
  /** who claims (a run id, an event id): only the owner settles */
  owner: string;
  at: string;
  /** a pending claim older than this may be taken over (its run died between claim and send) */
  staleBefore: string;
  detail?: Record<string, unknown>;
}

/** One failed submission, for the per-agency-year hourly window. */
export interface CheckFailureInput {
  agencyId: string;
  region: string;
  year: number;
  /** the event's id: a redelivered event is recognised */
  eventId: string;
  at: string;
  errorCount: number;
  /** the window opened by an earlier failure after this instant is still open */
  windowAfter: string;
}

/**
 * `send`: this failure opened a window (or retries its own unsent one): mail now, reporting
 * `attempts` failures since the last e-mail. `folded`: counted into the open window.
 */
export type CheckFailureOutcome = { kind: 'send'; attempts: number } | { kind: 'folded' };

export interface ReminderStore {
  /** outstanding filings of a reporting year: one sparse-index query */
  listOutstanding(year: number): Promise<OutstandingFiling[]>;
  /** agencies whose submissions of the year ever failed the checks: one sparse-index query */
  listCheckFailures(year: number): Promise<CheckFailure[]>;
  /** a batch read; agencies no longer in the registry are absent */
  getAgencies(ids: readonly string[]): Promise<Map<string, Agency>>;
  /** `lastSubmittedAt` of filings (a batch read) */
  getLastSubmitted(keys: readonly { agencyId: string; year: number }[]): Promise<Map<string, string | undefined>>;
  getRegionContacts(regions: readonly string[]): Promise<Map<string, RegionContacts>>;
  putRegionContacts(contacts: RegionContacts): Promise<void>;
  /** the addresses among these that bounced or complained */
  undeliverable(addresses: readonly string[]): Promise<Set<string>>;

  claim(input: ClaimInput): Promise<ClaimOutcome>;
  /** the claim's status without claiming (dry runs) */
  peekClaim(id: ClaimId): Promise<ClaimStatus | undefined>;
  /** marks the owner's claim sent or failed */
  settle(id: ClaimId, owner: string, status: 'sent' | 'failed', detail?: Record<string, unknown>): Promise<void>;

  recordCheckFailure(input: CheckFailureInput): Promise<CheckFailureOutcome>;
  settleCheckFailure(agencyId: string, year: number, eventId: string, status: 'sent' | 'failed'): Promise<void>;

  /** years whose not_started filings were written */
  openedYears(): Promise<number[]>;
  markYearOpened(year: number, detail: Record<string, unknown>): Promise<void>;
  /** every agency in the registry (a Scan: once per reporting year, never per pass) */
  scanAgencies(): AsyncIterable<Agency>;
  /** writes a not_started filing if the agency has none for the year; true if written */
  openFiling(agency: Agency, year: number, at: string): Promise<boolean>;
}

export interface OutgoingEmail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** SES message tags; bounce notifications carry them back (agency, region, kind) */
  tags?: Record<string, string>;
}

export interface Mailer {
  send(mail: OutgoingEmail): Promise<{ messageId: string }>;
}
