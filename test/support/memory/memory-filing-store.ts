/**
 * The FilingStore port in memory, with the DynamoDB adapter's conditions (dynamodb-filing-store.ts):
 * a draft save or submission names the version it replaces (0: none yet, or a not_started
 * filing), a revision number is written once, an idempotency key once per scope; a failed
 * condition writes nothing. Like the adapter, an instance remembers the filings it last wrote
 * or read (`getFilingForUpdate`) and the owners of tokens it read: two instances over one
 * `MemoryTables` are two processes.
 */
import { VersionConflictError } from '../../../functions/services/errors.js';
import type { FilingStore, SubmitOutcome, SubmitWrite, TokenOwner } from '../../../functions/services/ports.js';
import type { AuditEvent, Filing, FilingSummary, Revision, StoredResponse, TokenRecord, TokenRole } from '../../../functions/services/model.js';
import type { RevisionSummary } from '../../../functions/contract/filing-api.js';
import { isActive, type Agency } from '../../../functions/domain/agency.js';
import type { FilingStatus } from '../../../functions/domain/filing-status.js';
import { byKey, copy, filingKey, revisionKey, type MemoryTables, type RevisionItem } from './memory-tables.js';

/** A write refused by its condition that the adapter does not translate (e.g. a token hash reused). */
export class ConditionFailedError extends Error {
  override name = 'ConditionalCheckFailedException';
}

export class MemoryFilingStore implements FilingStore {
  private readonly filingCopies = new Map<string, Filing>();
  private readonly owners = new Map<string, TokenOwner>();
  constructor(private readonly tables: MemoryTables) {}

  async getAgency(id: string): Promise<Agency | undefined> {
    const agency = this.tables.agencies.get(id);
    return agency && copy(agency);
  }

  /** Like the adapter's update: the registry fields; a deactivation stays. */
  async putAgency(agency: Agency): Promise<{ removedEmails: string[] }> {
    const { deactivatedAt: _ignored, ...fields } = agency;
    const old = this.tables.agencies.get(agency.id);
    const was = old?.deactivatedAt;
    const now = new Set(agency.emails.map((e) => e.toLowerCase()));
    const removedEmails = (old?.emails ?? []).map((e) => e.toLowerCase()).filter((e) => !now.has(e));
    this.tables.agencies.set(agency.id, copy(was ? { ...fields, deactivatedAt: was } : fields));
    return { removedEmails };
  }

  /** The region's `AGENCY#` listing: deactivated agencies sort elsewhere. */
  async listAgencies(region: string): Promise<Agency[]> {
    return copy(byKey(this.tables.agencies, (a) => a.region === region && isActive(a)));
  }

  async getFiling(agencyId: string, year: number): Promise<Filing | undefined> {
    const filing = this.tables.filings.get(filingKey(agencyId, year));
    if (filing) this.filingCopies.set(filingKey(agencyId, year), copy(filing));
    return filing && copy(filing);
  }

  async getFilingForUpdate(agencyId: string, year: number): Promise<Filing | undefined> {
    const remembered = this.filingCopies.get(filingKey(agencyId, year));
    return remembered ? copy(remembered) : this.getFiling(agencyId, year);
  }

  /** A first save puts the whole filing; later saves change only the draft's attributes (never the status). */
  async saveDraft(filing: Filing, expectedVersion: number, event: AuditEvent): Promise<void> {
    const key = filingKey(filing.agencyId, filing.year);
    const current = this.tables.filings.get(key);
    if (!versionMatches(current, expectedVersion)) throw this.conflict(key, current);
    if (expectedVersion === 0 || !current) {
      this.tables.filings.set(key, copy(filing));
    } else {
      const updated: Filing = {
        ...current,
        version: filing.version,
        draft: copy(filing.draft),
        findings: copy(filing.findings),
        errorCount: filing.errorCount,
        warningCount: filing.warningCount,
        updatedAt: filing.updatedAt,
      };
      // like the adapter's update: explanations set or removed with the draft
      if (filing.explanations) updated.explanations = copy(filing.explanations);
      else delete updated.explanations;
      updated.unexplainedCount = filing.unexplainedCount ?? filing.warningCount;
      this.tables.filings.set(key, updated);
    }
    this.tables.putEvent(event);
    this.filingCopies.set(key, copy(filing));
  }

  async submit(write: SubmitWrite): Promise<SubmitOutcome> {
    const { filing, revision, idempotency } = write;
    const key = filingKey(filing.agencyId, filing.year);
    const current = this.tables.filings.get(key);
    const revKey = revisionKey(revision.agencyId, revision.year, revision.revision);
    const idemKey = idempotency && `${idempotency.scope}#${idempotency.key}`;
    // The transaction's conditions, in the adapter's order of precedence: a stored answer wins.
    if (idemKey && this.tables.idempotency.has(idemKey)) {
      return { kind: 'replay', response: copy(this.tables.idempotency.get(idemKey)!) };
    }
    if (!versionMatches(current, write.expectedVersion) || this.tables.revisions.has(revKey)) throw this.conflict(key, current);
    // The filing is replaced whole: a submission clears the reviewer's comments.
    this.tables.filings.set(key, copy(filing));
    const item: RevisionItem = { ...copy(revision), region: filing.region };
    this.tables.revisions.set(revKey, item);
    if (idemKey) this.tables.idempotency.set(idemKey, copy(idempotency!.response));
    this.tables.revisionChanged('INSERT', item);
    this.filingCopies.set(key, copy(filing));
    return { kind: 'written' };
  }

  async getLatestRevision(agencyId: string, year: number): Promise<Revision | undefined> {
    const latest = this.tables.filings.get(filingKey(agencyId, year))?.latestRevision ?? 0;
    return latest === 0 ? undefined : this.getRevision(agencyId, year, latest);
  }

  async getRevision(agencyId: string, year: number, revision: number): Promise<Revision | undefined> {
    const item = this.tables.revisions.get(revisionKey(agencyId, year, revision));
    return item && toRevision(item);
  }

  async listRevisions(agencyId: string, year: number): Promise<RevisionSummary[]> {
    return byKey(this.tables.revisions, (_, k) => k.startsWith(`${agencyId}#${year}#`)).map((r) => ({
      revision: r.revision,
      submittedAt: r.submittedAt,
      warningCount: r.findings.length,
    }));
  }

  async listRegionFilings(region: string, year: number, status?: FilingStatus): Promise<FilingSummary[]> {
    // The region index's sort key is `STATUS#<status>#<agencyId>`.
    return [...this.tables.filings.values()]
      .filter((f) => f.region === region && f.year === year && (status === undefined || f.status === status))
      .map(toSummary)
      .sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  }

  async recordEvent(event: AuditEvent): Promise<void> {
    this.tables.putEvent(event);
  }

  async listEvents(agencyId: string): Promise<AuditEvent[]> {
    return copy(byKey(this.tables.events, (_, k) => k.startsWith(`AGENCY#${agencyId}|`)));
  }

  async getStoredResponse(scope: string, key: string): Promise<StoredResponse | undefined> {
    const stored = this.tables.idempotency.get(`${scope}#${key}`);
    return stored && copy(stored);
  }

  async putToken(token: TokenRecord): Promise<void> {
    if (this.tables.tokens.has(token.hash)) throw new ConditionFailedError(`token ${token.hash.slice(0, 12)} exists`);
    this.tables.tokens.set(token.hash, copy(token));
  }

  async getToken(hash: string): Promise<TokenRecord | undefined> {
    const token = this.tables.tokens.get(hash);
    if (token) this.owners.set(hash, { role: token.role, region: token.region, ...(token.agencyId ? { agencyId: token.agencyId } : {}) });
    return token && copy(token);
  }

  tokenOwner(hash: string): TokenOwner | undefined {
    return this.owners.get(hash);
  }

  async revokeToken(hash: string, at: string): Promise<boolean> {
    const token = this.tables.tokens.get(hash);
    if (!token) return false;
    token.revokedAt ??= at;
    return true;
  }

  async listTokens(role: TokenRole, owner: string): Promise<TokenRecord[]> {
    return [...this.tables.tokens.values()]
      .filter((t) => t.role === role && (role === 'filer' ? t.agencyId : t.region) === owner)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map(copy);
  }

  private conflict(key: string, current: Filing | undefined): VersionConflictError {
    this.filingCopies.delete(key);
    const version = current?.version ?? 0;
    if (current) this.filingCopies.set(key, copy(current));
    return new VersionConflictError(`该报告已被他人或其他窗口修改（当前版本 ${version}），请重新打开后再保存`, version);
  }
}

/** Version 0 may exist: a not_started filing written when the reporting year opened. */
function versionMatches(current: Filing | undefined, expected: number): boolean {
  return expected === 0 ? !current || current.version === 0 : current?.version === expected;
}

function sortKey(f: FilingSummary): string {
  return `STATUS#${f.status}#${f.agencyId}`;
}

function toSummary(filing: Filing): FilingSummary {
  const { draft: _draft, findings: _findings, returned: _returned, explanations: _explanations, ...summary } = copy(filing);
  // as the adapter reads an item written before explanations existed
  return { ...summary, unexplainedCount: summary.unexplainedCount ?? summary.warningCount };
}

function toRevision(item: RevisionItem): Revision {
  const { region: _r, publishedAt: _p, publishAttempts: _a, publishError: _e, ...revision } = copy(item);
  return revision;
}
