/** What the use cases need from the outside world; adapters implement these. */
import type { AuditEvent, Filing, FilingSummary, Revision, StoredResponse, TokenRecord, TokenRole } from './model.js';
import type { RevisionSummary } from '../contract/filing-api.js';
import type { Agency } from '../domain/agency.js';
import type { FilingStatus } from '../domain/filing-status.js';

export interface SubmitWrite {
  filing: Filing;
  /** the version the filing had when read (0: no filing yet) */
  expectedVersion: number;
  /** also the audit record of the submission (who, when), so no separate event item */
  revision: Revision;
  /** kept in the same transaction, so a retry can never make a second revision */
  idempotency?: { scope: string; key: string; response: StoredResponse };
}

/** A token's owner: fixed when the token is created, so safe to remember (its validity is not). */
export interface TokenOwner {
  role: TokenRole;
  agencyId?: string;
  region: string;
}

export type SubmitOutcome = { kind: 'written' } | { kind: 'replay'; response: StoredResponse };

export interface FilingStore {
  getAgency(id: string): Promise<Agency | undefined>;
  /**
   * writes each agency as one item (a row is either fully there or not at all); returns the
   * addresses it no longer lists (lower-cased), whose sessions the caller ends
   */
  putAgency(agency: Agency): Promise<{ removedEmails: string[] }>;
  listAgencies(region: string): Promise<Agency[]>;

  getFiling(agencyId: string, year: number): Promise<Filing | undefined>;
  /**
   * The filing as this process last wrote or read it, else read. May be stale: use it only to
   * prepare a write whose version condition catches staleness (a conflict drops the copy).
   */
  getFilingForUpdate(agencyId: string, year: number): Promise<Filing | undefined>;
  /** throws VersionConflictError if the filing is no longer at `expectedVersion` */
  saveDraft(filing: Filing, expectedVersion: number, event: AuditEvent): Promise<void>;
  /** throws VersionConflictError; returns the stored answer if the idempotency key won a race */
  submit(write: SubmitWrite): Promise<SubmitOutcome>;
  getLatestRevision(agencyId: string, year: number): Promise<Revision | undefined>;
  getRevision(agencyId: string, year: number, revision: number): Promise<Revision | undefined>;
  listRevisions(agencyId: string, year: number): Promise<RevisionSummary[]>;
  /** filings of a region and year, optionally of one status: an index query */
  listRegionFilings(region: string, year: number, status?: FilingStatus): Promise<FilingSummary[]>;

  recordEvent(event: AuditEvent): Promise<void>;
  listEvents(agencyId: string): Promise<AuditEvent[]>;

  getStoredResponse(scope: string, key: string): Promise<StoredResponse | undefined>;

  putToken(token: TokenRecord): Promise<void>;
  getToken(hash: string): Promise<TokenRecord | undefined>;
  /** the owner of a token this process has read before, if it remembers; no validity implied */
  tokenOwner?(hash: string): TokenOwner | undefined;
  /** returns false if there was no such token */
  revokeToken(hash: string, at: string): Promise<boolean>;
  listTokens(role: TokenRole, owner: string): Promise<TokenRecord[]>;
}

export type Clock = () => Date;
