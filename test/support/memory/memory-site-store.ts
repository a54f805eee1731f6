/**
 * The SiteStore port in memory, with the adapter's rules (dynamodb-site-store.ts): a revision's
 * `publishedAt` is set once; the filing becomes `published` (or `publish_failed`) only while the
 * recorded revision is still its newest and its status is an accepted one; a failure marker is
 * cleared only by a publication covering its revision; each `markPublished` raises the
 * region-year's `recorded` count by one. The region's agency list is remembered for a minute of
 * the world's clock, as the adapter does of real time.
 */
import { ACCEPTED_STATUSES, type FilingStatus } from '../../../functions/domain/filing-status.js';
import type { WorkbookStat } from '../../../functions/render/site/open-data.js';
import { isActive } from '../../../functions/domain/agency.js';
import type { AgencyInfo, Publication, PublishedRevision, RegionInfo } from '../../../functions/domain/publication.js';
import type {
  AgencyFilings,
  FilingHead,
  PublicationRecord,
  PublishFailure,
  PublishTarget,
  RegionYearSummary,
  SiteLines,
  SiteStore,
  StoredRevision,
  UnpublishedFiling,
} from '../../../functions/services/site-ports.js';
import type { Clock } from '../../../functions/services/ports.js';
import type { Agency } from '../../../functions/domain/agency.js';
import type { Filing } from '../../../functions/services/model.js';
import { byKey, copy, filingKey, revisionKey, type MemoryTables, type RevisionItem } from './memory-tables.js';
import { ConditionFailedError } from './memory-filing-store.js';

const AGENCIES_TTL_MS = 60_000;

const publishedSk = (agencyId: string, revision: number) => `${agencyId}#${String(revision).padStart(6, '0')}`;

function toAgencyInfo(a: Agency): AgencyInfo {
  return { id: a.id, name: a.name, region: a.region, ...(a.kind ? { kind: a.kind } : {}) };
}

function toHead(f: Filing): FilingHead {
  return { agencyId: f.agencyId, year: f.year, region: f.region, status: f.status, latestRevision: f.latestRevision };
}

function toStored(r: RevisionItem): StoredRevision {
  return {
    revision: r.revision,
    submittedAt: r.submittedAt,
    ...(r.publishedAt ? { publishedAt: r.publishedAt } : {}),
    report: copy(r.report),
    ...(r.review === 'required' && !r.approvedAt ? { awaitingApproval: true } : {}),
    ...(r.stampedCopy ? { stampedCopy: { key: r.stampedCopy.key, contentType: r.stampedCopy.contentType } } : {}),
  };
}

export class MemorySiteStore implements SiteStore {
  private readonly agencyLists = new Map<string, { agencies: AgencyInfo[]; until: number }>();

  constructor(
    private readonly tables: MemoryTables,
    private readonly clock: Clock,
  ) {}

  async getFilingHead(agencyId: string, year: number): Promise<FilingHead | undefined> {
    const filing = this.tables.filings.get(filingKey(agencyId, year));
    return filing && toHead(filing);
  }

  private filingsOf(agencyId: string): (FilingHead & { revisions: StoredRevision[] })[] {
    return byKey(this.tables.filings, (f) => f.agencyId === agencyId).map((f) => ({
      ...toHead(f),
      revisions: byKey(this.tables.revisions, (_, k) => k.startsWith(`${agencyId}#${f.year}#`)).map(toStored),
    }));
  }

  async loadAgency(agencyId: string): Promise<AgencyFilings> {
    const agency = this.tables.agencies.get(agencyId);
    return { ...(agency ? { agency: toAgencyInfo(agency) } : {}), filings: this.filingsOf(agencyId) };
  }

  async loadSite(): Promise<SiteLines> {
    const summaries: RegionYearSummary[] = [];
    const recorded = new Map<string, number>();
    const workbooks = new Map<string, number>();
    for (const [key, item] of [...this.tables.regionYears].sort(([a], [b]) => (a < b ? -1 : 1))) {
      recorded.set(key, item.recorded);
      if (item.workbookRecorded !== undefined) workbooks.set(key, item.workbookRecorded);
      if (item.summary) summaries.push(copy({ ...item.summary, ...(item.workbook ? { workbook: item.workbook } : {}) }));
    }
    const searchIndexed = this.tables.searchIndexed;
    return { regions: copy(byKey(this.tables.siteRegions)), summaries, recorded, workbooks, ...(searchIndexed === undefined ? {} : { searchIndexed }) };
  }

  async markSearchIndex(recorded: number): Promise<void> {
    if (this.tables.searchIndexed === undefined || this.tables.searchIndexed < recorded) this.tables.searchIndexed = recorded;
  }

  async markWorkbook(region: string, year: number, recorded: number, workbook?: WorkbookStat): Promise<void> {
    const item = this.tables.regionYears.get(`${region}#${year}`);
    if (item && (item.workbookRecorded === undefined || item.workbookRecorded < recorded)) {
      item.workbookRecorded = recorded;
      if (workbook) item.workbook = copy(workbook);
    }
  }

  async listAgencies(region: string): Promise<AgencyInfo[]> {
    const agencies = byKey(this.tables.agencies, (a) => a.region === region && isActive(a)).map(toAgencyInfo);
    this.agencyLists.set(region, { agencies, until: this.clock().getTime() + AGENCIES_TTL_MS });
    return copy(agencies);
  }

  async publishesStampedCopies(region: string): Promise<boolean> {
    return this.tables.regionSettings.get(region)?.publishStampedCopy === true;
  }

  async recentAgencies(region: string, including: string): Promise<AgencyInfo[]> {
    const cached = this.agencyLists.get(region);
    const fresh = cached && cached.until > this.clock().getTime() ? cached.agencies : undefined;
    return fresh?.some((a) => a.id === including) ? copy(fresh) : this.listAgencies(region);
  }

  async listRegionPublications(region: string, year: number): Promise<Publication[]> {
    const byAgency = new Map<string, PublishedRevision[]>();
    for (const e of byKey(this.tables.publications.get(`${region}#${year}`) ?? new Map())) {
      byAgency.set(e.agencyId, [...(byAgency.get(e.agencyId) ?? []), { revision: e.revision, publishedAt: e.publishedAt, report: copy(e.report) }]);
    }
    return [...byAgency].map(([agencyId, revisions]) => ({ agencyId, region, year, revisions }));
  }

  async putRegion(region: RegionInfo): Promise<void> {
    this.tables.siteRegions.set(region.code, copy(region));
  }

  async putRegionYearSummary(summary: RegionYearSummary): Promise<void> {
    this.regionYear(summary.region, summary.year).summary = copy(summary);
  }

  async markPublished(p: PublicationRecord): Promise<void> {
    const { agencyId, year, region } = p;
    // The transaction, or each write alone when one condition fails: the same end state.
    for (const r of p.revisions) {
      const item = this.tables.revisions.get(revisionKey(agencyId, year, r.revision));
      // The first publication instant stands: pages already out show it.
      if (item && item.publishedAt === undefined) {
        item.publishedAt = r.publishedAt;
        delete item.publishError;
      }
    }
    const entries = this.tables.publications.get(`${region}#${year}`) ?? new Map();
    for (const r of p.revisions) entries.set(publishedSk(agencyId, r.revision), { agencyId, region, year, ...copy(r) });
    this.tables.publications.set(`${region}#${year}`, entries);
    this.setStatus(agencyId, year, p.latest, 'published');
    if (p.clearFailure) {
      const failure = this.tables.publishFailures.get(filingKey(agencyId, year));
      if (failure && failure.revision <= p.latest) this.tables.publishFailures.delete(filingKey(agencyId, year));
    }
    const line = this.regionYear(region, year);
    if (p.summary) line.summary = copy(p.summary);
    line.recorded++;
  }

  async recordPublishAttempt(target: PublishTarget, error: string): Promise<number> {
    const item = this.tables.revisions.get(revisionKey(target.agencyId, target.year, target.revision));
    if (!item) throw new ConditionFailedError(`revision ${target.revision} of ${target.agencyId} ${target.year} is missing`);
    item.publishAttempts = (item.publishAttempts ?? 0) + 1;
    item.publishError = error;
    return item.publishAttempts;
  }

  async markPublishFailed(f: PublishFailure): Promise<void> {
    this.tables.publishFailures.set(filingKey(f.agencyId, f.year), copy(f));
    this.setStatus(f.agencyId, f.year, f.revision, 'publish_failed');
  }

  async listPublishFailures(): Promise<PublishFailure[]> {
    return copy(byKey(this.tables.publishFailures));
  }

  /** As the adapter's sparse index: accepted filings not yet `published`, by acceptance instant. */
  async listUnpublished(acceptedBefore: string): Promise<UnpublishedFiling[]> {
    return byKey(this.tables.filings, (f) => f.status === 'submitted' || f.status === 'publish_failed')
      .flatMap((f) => {
        const latest = this.tables.revisions.get(revisionKey(f.agencyId, f.year, f.latestRevision));
        const acceptedAt = latest?.approvedAt ?? latest?.submittedAt;
        return acceptedAt && acceptedAt < acceptedBefore ? [{ agencyId: f.agencyId, year: f.year, region: f.region, acceptedAt }] : [];
      })
      .sort((a, b) => (a.acceptedAt < b.acceptedAt ? -1 : a.acceptedAt > b.acceptedAt ? 1 : 0));
  }

  async *scanAgencies(): AsyncIterable<AgencyInfo> {
    for (const a of [...this.tables.agencies.values()]) if (isActive(a)) yield toAgencyInfo(a);
  }

  async *scanFilings(): AsyncIterable<FilingHead & { revisions: StoredRevision[] }> {
    const agencies = [...new Set(byKey(this.tables.filings).map((f) => f.agencyId))];
    for (const agencyId of agencies) yield* this.filingsOf(agencyId);
  }

  async scanPublicationKeys(): Promise<Set<string>> {
    const keys = new Set<string>();
    for (const entries of this.tables.publications.values()) {
      for (const e of entries.values()) keys.add(`${e.region}#${e.year}#${e.agencyId}#${e.revision}`);
    }
    return keys;
  }

  /** Only if `revision` is still the newest and the filing accepted: an amendment in between has its own publish. */
  private setStatus(agencyId: string, year: number, revision: number, status: FilingStatus): void {
    const filing = this.tables.filings.get(filingKey(agencyId, year));
    if (filing && filing.latestRevision === revision && ACCEPTED_STATUSES.includes(filing.status)) filing.status = status;
  }

  private regionYear(region: string, year: number) {
    const key = `${region}#${year}`;
    let item = this.tables.regionYears.get(key);
    if (!item) this.tables.regionYears.set(key, (item = { recorded: 0 }));
    return item;
  }
}
