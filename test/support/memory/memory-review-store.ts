/**
 * The ReviewStore port in memory, with the adapter's conditions (dynamodb-review-store.ts): a
 * return or approval names the revision the reviewer saw and changes the filing's status only
 * if that revision is still the newest and the status allows it; the approval's change of the
 * revision (its `approvedAt`) is a stream record, which is what publishes it.
 */
import { RegionSettings } from '../../../functions/contract/filing-api.js';
import { FILED_STATUSES } from '../../../functions/domain/filing-status.js';
import type { AuditEvent } from '../../../functions/services/model.js';
import type { ApproveWrite, LastFailure, ReturnWrite, ReviewStore } from '../../../functions/services/review-ports.js';
import { copy, filingKey, revisionKey, type MemoryTables } from './memory-tables.js';

export class MemoryReviewStore implements ReviewStore {
  constructor(private readonly tables: MemoryTables) {}

  async getRegionSettings(region: string): Promise<RegionSettings> {
    const stored = this.tables.regionSettings.get(region);
    return RegionSettings.parse({ review: stored?.review ?? 'none', stampedCopy: stored?.stampedCopy ?? 'none', publishStampedCopy: stored?.publishStampedCopy === true });
  }

  async putRegionSettings(region: string, settings: RegionSettings, event: AuditEvent): Promise<void> {
    this.tables.regionSettings.set(region, copy(settings));
    this.tables.putEvent(event);
  }

  async returnFiling(write: ReturnWrite): Promise<boolean> {
    const filing = this.tables.filings.get(filingKey(write.agencyId, write.year));
    if (!filing || filing.latestRevision !== write.revision || !FILED_STATUSES.includes(filing.status)) return false;
    filing.status = 'returned';
    filing.returned = copy(write.comments);
    filing.updatedAt = write.comments.returnedAt;
    this.tables.putEvent(write.event);
    return true;
  }

  async approveFiling(write: ApproveWrite): Promise<boolean> {
    const filing = this.tables.filings.get(filingKey(write.agencyId, write.year));
    const revision = this.tables.revisions.get(revisionKey(write.agencyId, write.year, write.revision));
    if (!filing || filing.latestRevision !== write.revision || filing.status !== 'awaiting_approval') return false;
    if (!revision || revision.approvedAt !== undefined) return false;
    if (write.requireStampedCopy && !revision.stampedCopy) return false;
    // Accepted like a submission in a region without review; the publisher marks it published.
    filing.status = 'submitted';
    filing.updatedAt = write.at;
    revision.approvedAt = write.at;
    revision.approvedBy = write.by;
    this.tables.putEvent(write.event);
    this.tables.revisionChanged('MODIFY', revision, true);
    return true;
  }

  async lastFailures(region: string, year: number): Promise<Map<string, LastFailure>> {
    const found = new Map<string, LastFailure>();
    for (const w of this.tables.checkFailures.values()) {
      if (w.year === year && w.region === region) found.set(w.agencyId, { agencyId: w.agencyId, lastFailedAt: w.lastFailedAt, errorCount: w.errorCount });
    }
    return found;
  }

  async lastReminders(region: string, year: number): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const claim of this.tables.claims.values()) {
      const id = claim.id;
      if (id.kind !== 'reminder' || id.region !== region || id.year !== year || claim.listedAt === undefined) continue;
      const before = found.get(id.agencyId);
      if (before === undefined || before < claim.listedAt) found.set(id.agencyId, claim.listedAt);
    }
    return found;
  }
}
