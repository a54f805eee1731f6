/**
 * The ReminderStore port in memory, with the adapter's rules (dynamodb-reminder-store.ts): a
 * claim is taken if new, failed, or pending past its lease; only its owner settles it; a sent
 * reminder is listed for the board; an undeliverable address's claim is its mark. The
 * failed-check window follows the adapter's item logic step by step (open, fold, redelivery by
 * event id, a failed notice reopening the window).
 */
import { isOutstanding } from '../../../functions/domain/filing-status.js';
import type { Agency } from '../../../functions/domain/agency.js';
import type { Clock } from '../../../functions/services/ports.js';
import type {
  CheckFailure,
  CheckFailureInput,
  CheckFailureOutcome,
  ClaimId,
  ClaimInput,
  ClaimOutcome,
  ClaimStatus,
  OutstandingFiling,
  RegionContacts,
  ReminderStore,
} from '../../../functions/services/reminder-ports.js';
import { byKey, claimKey, copy, filingKey, type CheckFailItem, type MemoryTables } from './memory-tables.js';

/** event ids remembered per window item, as the adapter keeps them */
const SEEN_EVENTS = 50;

/** A batch read: copies of the items that exist, by key. */
function batchGet<V>(items: ReadonlyMap<string, V>, keys: readonly string[]): Map<string, V> {
  return new Map(keys.flatMap((k) => (items.has(k) ? [[k, copy(items.get(k)!)] as const] : [])));
}

export class MemoryReminderStore implements ReminderStore {
  constructor(
    private readonly tables: MemoryTables,
    private readonly clock: Clock,
  ) {}

  async listOutstanding(year: number): Promise<OutstandingFiling[]> {
    // The sparse index: a filing carries its keys while outstanding, sorted `<region>#<agencyId>`.
    return [...this.tables.filings.values()]
      .filter((f) => f.year === year && isOutstanding(f.status))
      .sort((a, b) => `${a.region}#${a.agencyId}`.localeCompare(`${b.region}#${b.agencyId}`))
      .map((f) => ({
        agencyId: f.agencyId,
        region: f.region,
        year: f.year,
        status: f.status,
        ...(f.lastSubmittedAt ? { lastSubmittedAt: f.lastSubmittedAt } : {}),
      }));
  }

  async listCheckFailures(year: number): Promise<CheckFailure[]> {
    return byKey(this.tables.checkFailures, (w) => w.year === year).map((w) => ({
      agencyId: w.agencyId,
      region: w.region,
      year: w.year,
      lastFailedAt: w.lastFailedAt,
      errorCount: w.errorCount,
    }));
  }

  async getAgencies(ids: readonly string[]): Promise<Map<string, Agency>> {
    return batchGet(this.tables.agencies, ids);
  }

  async getLastSubmitted(keys: readonly { agencyId: string; year: number }[]): Promise<Map<string, string | undefined>> {
    const found = new Map<string, string | undefined>();
    for (const k of keys) {
      const filing = this.tables.filings.get(filingKey(k.agencyId, k.year));
      if (filing) found.set(filingKey(k.agencyId, k.year), filing.lastSubmittedAt);
    }
    return found;
  }

  async getRegionContacts(regions: readonly string[]): Promise<Map<string, RegionContacts>> {
    return batchGet(this.tables.contacts, regions);
  }

  async putRegionContacts(contacts: RegionContacts): Promise<void> {
    this.tables.contacts.set(contacts.region, copy(contacts));
  }

  async undeliverable(addresses: readonly string[]): Promise<Set<string>> {
    const found = new Set<string>();
    for (const a of addresses) {
      if (this.tables.claims.has(claimKey({ kind: 'undeliverable', address: a }))) found.add(a.toLowerCase());
    }
    return found;
  }

  async claim(input: ClaimInput): Promise<ClaimOutcome> {
    const key = claimKey(input.id);
    const old = this.tables.claims.get(key);
    // New, or a send that failed, or a run that died after claiming: the next run retries it.
    const free = !old || old.status === 'failed' || (old.status === 'pending' && old.claimedAt < input.staleBefore);
    if (!free) return { kind: 'taken', status: old.status };
    this.tables.claims.set(key, {
      ...(old ?? {}),
      id: copy(input.id),
      status: 'pending',
      owner: input.owner,
      claimedAt: input.at,
      ...(input.detail ? { detail: copy(input.detail) } : {}),
    });
    return { kind: 'claimed' };
  }

  async peekClaim(id: ClaimId): Promise<ClaimStatus | undefined> {
    return this.tables.claims.get(claimKey(id))?.status;
  }

  async settle(id: ClaimId, owner: string, status: 'sent' | 'failed', detail?: Record<string, unknown>): Promise<void> {
    const claim = this.tables.claims.get(claimKey(id));
    // Another run took the claim over meanwhile: its outcome stands.
    if (!claim || claim.owner !== owner) return;
    const now = this.clock().toISOString();
    claim.status = status;
    claim.settledAt = now;
    if (detail) claim.outcome = copy(detail);
    // A reminder that went out joins its region-year's reminder listing (the reviewers' board).
    if (id.kind === 'reminder' && status === 'sent') claim.listedAt = now;
  }

  async recordCheckFailure(input: CheckFailureInput): Promise<CheckFailureOutcome> {
    const key = filingKey(input.agencyId, input.year);
    const old = this.tables.checkFailures.get(key);
    const seen = old?.seen ?? [];
    if (seen.includes(input.eventId)) {
      // A redelivery: resend only if this event owns a window whose mail did not go out.
      return old?.windowOwner === input.eventId && old.notice !== 'sent' ? { kind: 'send', attempts: old.attempts } : { kind: 'folded' };
    }
    const folded = old?.folded ?? 0;
    const open = old !== undefined && old.windowStart > input.windowAfter && old.notice !== 'failed';
    const window = open
      ? { folded: folded + 1 }
      : {
          windowStart: input.at,
          windowOwner: input.eventId,
          notice: 'pending' as const,
          // failures since the last e-mail: those folded in, an unsent window's own, and this one
          attempts: folded + 1 + (old?.notice === 'failed' ? old.attempts : 0),
          folded: 0,
        };
    const latest = !old || old.lastFailedAt <= input.at;
    const item = {
      ...(old ?? {}),
      agencyId: input.agencyId,
      region: input.region,
      year: input.year,
      ...(latest ? { lastFailedAt: input.at, errorCount: input.errorCount } : {}),
      ...window,
      seen: [...seen, input.eventId].slice(-SEEN_EVENTS),
    } as CheckFailItem;
    this.tables.checkFailures.set(key, item);
    return open ? { kind: 'folded' } : { kind: 'send', attempts: item.attempts };
  }

  async settleCheckFailure(agencyId: string, year: number, eventId: string, status: 'sent' | 'failed'): Promise<void> {
    const item = this.tables.checkFailures.get(filingKey(agencyId, year));
    if (item?.windowOwner === eventId) item.notice = status;
  }

  async openedYears(): Promise<number[]> {
    return [...this.tables.openedYears.keys()].sort((a, b) => a - b);
  }

  async markYearOpened(year: number, detail: Record<string, unknown>): Promise<void> {
    this.tables.openedYears.set(year, copy(detail));
  }

  async *scanAgencies(): AsyncIterable<Agency> {
    for (const a of [...this.tables.agencies.values()]) yield copy(a);
  }

  async openFiling(agency: Agency, year: number, at: string): Promise<boolean> {
    const key = filingKey(agency.id, year);
    if (this.tables.filings.has(key)) return false;
    // The filing as the filing store writes it, at version 0 (nothing saved yet).
    this.tables.filings.set(key, {
      agencyId: agency.id,
      year,
      region: agency.region,
      status: 'not_started',
      version: 0,
      draft: null,
      findings: [],
      errorCount: 0,
      warningCount: 0,
      latestRevision: 0,
      updatedAt: at,
    });
    return true;
  }
}
