/**
 * The single table, in memory: what the DynamoDB adapters keep as items, kept here as maps that
 * the in-memory stores share (a status set by the site store is seen by the filing store, as on
 * the one table). Every write that the real table's stream would carry is appended to `stream`,
 * so a test delivers it to the publisher and the notifier as the event source mappings do.
 *
 * Values are copied in and out (structuredClone): a caller changing what it got back changes
 * nothing stored, as with a real database.
 */
import { randomBytes } from 'node:crypto';
import type { Agency } from '../../../functions/domain/agency.js';
import type { RegionInfo, PublishedRevision } from '../../../functions/domain/publication.js';
import type { AuditEvent, Filing, Revision, StoredResponse, TokenRecord } from '../../../functions/services/model.js';
import type { RegionSettings } from '../../../functions/contract/filing-api.js';
import type { PublishFailure, RegionYearSummary } from '../../../functions/services/site-ports.js';
import type { ClaimId, ClaimStatus, RegionContacts } from '../../../functions/services/reminder-ports.js';

/** A controllable clock: the world's `now`, moved by the test. */
export class MemoryClock {
  private t: number;

  constructor(start = '2025-01-10T02:00:00.000Z') {
    this.t = Date.parse(start);
  }

  /** the port: `() => Date` */
  readonly now = (): Date => new Date(this.t);

  set(iso: string): void {
    this.t = Date.parse(iso);
  }

  advance(ms: number): void {
    this.t += ms;
  }

  iso(): string {
    return new Date(this.t).toISOString();
  }
}

/** A revision item: the immutable revision plus what publishing and review add to it. */
export interface RevisionItem extends Revision {
  region: string;
  publishedAt?: string;
  publishAttempts?: number;
  publishError?: string;
}

export interface PublicationEntry extends PublishedRevision {
  agencyId: string;
  region: string;
  year: number;
}

/** A region-year's home page line; `recorded` exists even before the line is written. */
export interface RegionYearItem {
  summary?: RegionYearSummary;
  recorded: number;
  /** the `recorded` count its workbook was written at */
  workbookRecorded?: number;
  /** the workbook's size, reports and date, as last written */
  workbook?: import('../../../functions/render/site/open-data.js').WorkbookStat;
}

export interface ClaimItem {
  id: ClaimId;
  status: ClaimStatus;
  owner: string;
  claimedAt: string;
  detail?: Record<string, unknown>;
  settledAt?: string;
  outcome?: Record<string, unknown>;
  /** a sent reminder's listing on the board (`REMINDERS#<region>#<year>`) */
  listedAt?: string;
}

/** The failed-check window item (`CHECKFAIL#<year>`), with the same attributes as the adapter's. */
export interface CheckFailItem {
  agencyId: string;
  region: string;
  year: number;
  lastFailedAt: string;
  errorCount: number;
  windowStart: string;
  windowOwner: string;
  notice: 'pending' | 'sent' | 'failed';
  attempts: number;
  folded: number;
  seen: string[];
}

/** What the stream carries that a consumer acts on (the rest passes by, as in the handlers). */
export type StreamRecord =
  | { seq: number; kind: 'revision'; eventName: 'INSERT' | 'MODIFY'; revision: RevisionItem; approvedNow: boolean }
  | { seq: number; kind: 'event'; eventId: string; event: AuditEvent };

export const copy = <T>(value: T): T => structuredClone(value);

export const filingKey = (agencyId: string, year: number) => `${agencyId}#${year}`;
export const revisionKey = (agencyId: string, year: number, revision: number) => `${agencyId}#${year}#${String(revision).padStart(6, '0')}`;

export function claimKey(id: ClaimId): string {
  switch (id.kind) {
    case 'reminder':
      return `REMINDER#${id.agencyId}#${id.year}#${id.step}`;
    case 'digest':
      return `DIGEST#${id.region}#${id.year}#${id.date}`;
    case 'undeliverable':
      return `EMAIL#${id.address.toLowerCase()}`;
    case 'returned':
      return `RETURNED#${id.agencyId}#${id.year}#${id.eventId}`;
  }
}

/** Sorted copies of a map's values by key (a query returns items in sort-key order). */
export function byKey<V>(map: ReadonlyMap<string, V>, filter: (value: V, key: string) => boolean = () => true): V[] {
  return [...map]
    .filter(([k, v]) => filter(v, k))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, v]) => v);
}

export class MemoryTables {
  readonly agencies = new Map<string, Agency>();
  readonly filings = new Map<string, Filing>();
  readonly revisions = new Map<string, RevisionItem>();
  /** keyed by the event's sort key `EVENT#<at>#<random>` */
  readonly events = new Map<string, AuditEvent>();
  readonly tokens = new Map<string, TokenRecord>();
  readonly idempotency = new Map<string, StoredResponse>();
  readonly regionSettings = new Map<string, RegionSettings>();
  /** agency id → when it last signed in by e-mail code (an attribute of the agency item) */
  readonly lastSignIn = new Map<string, string>();

  readonly siteRegions = new Map<string, RegionInfo>();
  readonly regionYears = new Map<string, RegionYearItem>();
  /** the summed `recorded` count the search index was last built at */
  searchIndexed: number | undefined;
  /** `region#year` → `agencyId#000001` → entry */
  readonly publications = new Map<string, Map<string, PublicationEntry>>();
  readonly publishFailures = new Map<string, PublishFailure>();

  readonly claims = new Map<string, ClaimItem>();
  readonly checkFailures = new Map<string, CheckFailItem>();
  readonly contacts = new Map<string, RegionContacts>();
  readonly openedYears = new Map<number, Record<string, unknown>>();

  readonly stream: StreamRecord[] = [];
  private seq = 0;

  /** Writes an audit event item (and its stream record); returns its id, the item's sort key. */
  putEvent(event: AuditEvent): string {
    const id = `EVENT#${event.at}#${randomBytes(6).toString('hex')}`;
    this.events.set(`${event.agencyId ? `AGENCY#${event.agencyId}` : `REGION#${event.region}`}|${id}`, copy(event));
    this.stream.push({ seq: ++this.seq, kind: 'event', eventId: id, event: copy(event) });
    return id;
  }

  revisionChanged(eventName: 'INSERT' | 'MODIFY', revision: RevisionItem, approvedNow = false): void {
    this.stream.push({ seq: ++this.seq, kind: 'revision', eventName, revision: copy(revision), approvedNow });
  }
}
