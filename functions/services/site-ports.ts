/**
 * What publishing needs from the outside world: the table (read what the pages show, record
 * publication and failure) and the site bucket. Kept apart from the filing API's ports.
 */
import type { Report } from '../domain/report.js';
import type { AgencyInfo, Publication, PublishedRevision, RegionInfo } from '../domain/publication.js';
import type { SiteObject } from '../render/site/render-site.js';
import type { DataFileStat, WorkbookStat } from '../render/site/open-data.js';
import type { KeyFigureTotals } from '../domain/key-figures.js';
import type { FilingStatus } from '../domain/filing-status.js';

/** One accepted revision to publish (from a stream record, a repair pass or a rebuild). */
export interface PublishTarget {
  readonly agencyId: string;
  readonly year: number;
  readonly revision: number;
  /** a stamped copy was confirmed for this already published revision: republish only if its region publishes them */
  readonly stampedCopy?: true;
}

/** An accepted revision as stored, with its publication instant once published. */
export interface StoredRevision {
  readonly revision: number;
  readonly submittedAt: string;
  readonly publishedAt?: string;
  readonly report: Report;
  /** accepted in a region with review required and not approved yet: never published */
  readonly awaitingApproval?: boolean;
  /** its confirmed stamped copy (盖章件) in the private bucket, if any */
  readonly stampedCopy?: { readonly key: string; readonly contentType: string };
}

/** The region index's view of a filing. */
export interface FilingHead {
  readonly agencyId: string;
  readonly year: number;
  readonly region: string;
  readonly status: FilingStatus;
  readonly latestRevision: number;
}

/** One line of the home page, kept as an item so the home page never needs a scan. */
export interface RegionYearSummary {
  readonly region: string;
  readonly year: number;
  readonly published: number;
  readonly agencies: number;
  readonly lastmod?: string;
  /**
   * its open data files' sizes and rows, as last written: `/data/` and `/data/{year}/` list
   * every region-year from these lines, so a publish never reads other region-years' files
   */
  readonly dataFiles?: readonly DataFileStat[];
  /** reports first published by their deadline, and the key figures summed (the region's page) */
  readonly onTime?: number;
  readonly figures?: KeyFigureTotals;
  /** its workbook (all-reports.xlsx) as the scheduled pass last wrote it */
  readonly workbook?: WorkbookStat;
}

/** An accepted filing whose newest revision has no page yet, and since when it waits. */
export interface UnpublishedFiling {
  readonly agencyId: string;
  readonly year: number;
  readonly region: string;
  /** when the revision was accepted (its submission, or its approval in a region with review) */
  readonly acceptedAt: string;
}

export interface PublishFailure extends PublishTarget {
  readonly region: string;
  readonly error: string;
  readonly at: string;
}

/** One agency's filings of every year, from one read of its partition. */
export interface AgencyFilings {
  readonly agency?: AgencyInfo;
  readonly filings: readonly (FilingHead & { revisions: readonly StoredRevision[] })[];
}

export interface SiteLines {
  regions: RegionInfo[];
  summaries: RegionYearSummary[];
  recorded: ReadonlyMap<string, number>;
  /** the `recorded` count each region-year's workbook (all-reports.xlsx) was last written at */
  workbooks: ReadonlyMap<string, number>;
  /** the sum of every `recorded` count when the search index was last built (absent: never built) */
  searchIndexed?: number;
}

/** What `markPublished` records for one publish. */
export interface PublicationRecord {
  agencyId: string;
  year: number;
  region: string;
  revisions: readonly PublishedRevision[];
  latest: number;
  clearFailure: boolean;
  /** the region-year's home page line, written with the rest */
  summary?: RegionYearSummary;
}

export interface SiteStore {
  getFilingHead(agencyId: string, year: number): Promise<FilingHead | undefined>;
  /** the agency and its filings with every accepted revision (one query) */
  loadAgency(agencyId: string): Promise<AgencyFilings>;
  /**
   * Region names and the home page's lines (one query); with each region-year's count of
   * recorded publications (`recorded`, keyed `region#year`), raised by every `markPublished`.
   */
  loadSite(): Promise<SiteLines>;
  listAgencies(region: string): Promise<AgencyInfo[]>;
  /** the region's `publishStampedCopy` setting, read fresh (a region that turns it off is obeyed at once) */
  publishesStampedCopies(region: string): Promise<boolean>;
  /**
   * The region's agencies as this process read them up to a minute ago, read afresh if that list
   * lacks `including` (the agency being published). Agencies are registered rarely; one registered
   * or renamed meanwhile shows on the region's pages at the next publish after that minute.
   */
  recentAgencies(region: string, including: string): Promise<AgencyInfo[]>;
  /** what is published in a region-year, every revision with its report (one query) */
  listRegionPublications(region: string, year: number): Promise<Publication[]>;
  putRegion(region: RegionInfo): Promise<void>;
  putRegionYearSummary(summary: RegionYearSummary): Promise<void>;
  /** the region-year's workbook was written from what `recorded` counted, with its size and rows; never lowers it */
  markWorkbook(region: string, year: number, recorded: number, workbook?: WorkbookStat): Promise<void>;
  /** the search index was built from what the summed `recorded` counts counted; never lowers it */
  markSearchIndex(recorded: number): Promise<void>;

  /**
   * Records a publication: `publishedAt` on each newly published revision (never changed once
   * set) and its entry in the region-year's publications; the filing's status `published` if
   * `latest` is still its newest revision; with `clearFailure`, the failure marker it covers.
   * Raises the region-year's `recorded` count by one, in the same transaction as the entries
   * (or, when that transaction is refused and each write goes alone, after them).
   */
  markPublished(publication: PublicationRecord): Promise<void>;
  /** counts a failed attempt on the revision; returns the attempts so far */
  recordPublishAttempt(target: PublishTarget, error: string): Promise<number>;
  /** the visible failed state: filing status `publish_failed` and a marker the repair pass lists */
  markPublishFailed(failure: PublishFailure): Promise<void>;
  listPublishFailures(): Promise<PublishFailure[]>;
  /**
   * Every accepted filing (`submitted` or `publish_failed`) whose newest revision is not
   * published and was accepted before `acceptedBefore`, oldest first: what the table itself says
   * is owed a page, whatever became of its stream record (one query of a sparse index).
   */
  listUnpublished(acceptedBefore: string): Promise<UnpublishedFiling[]>;

  /** every agency, and every filing with its accepted revisions, one filing at a time (for a rebuild) */
  scanAgencies(): AsyncIterable<AgencyInfo>;
  scanFilings(): AsyncIterable<FilingHead & { revisions: StoredRevision[] }>;
  /** `region#year#agencyId#revision` of every region-year publication entry (for a rebuild) */
  scanPublicationKeys(): Promise<Set<string>>;
}

export interface SiteBucket {
  /** writes the objects, with their Content-Type and Cache-Control; rejects if any write fails */
  put(objects: readonly SiteObject[]): Promise<void>;
  /** deletes the objects (a missing one is no error) */
  remove(keys: readonly string[]): Promise<void>;
}

/** The private bucket as the publisher sees it: read-only, and only the stamped copies. */
export interface StampedCopySource {
  /** the stored copy's bytes; undefined when it is gone */
  read(key: string): Promise<Uint8Array | undefined>;
}

/** One file of a built search index, its key relative to the index's folder (`pagefind/`). */
export interface SearchIndexFile {
  readonly path: string;
  readonly content: Uint8Array;
}

/** One report as the index is built from it (render/site/search-page.ts `searchDocument`). */
export interface SearchInput {
  readonly url: string;
  readonly content: string;
}

/** Builds a whole search index at once (Pagefind cannot add to a built index). */
export interface SearchIndexer {
  build(documents: readonly SearchInput[]): Promise<SearchIndexFile[]>;
  /** frees what the indexer holds between builds (Pagefind's process) */
  close?(): Promise<void>;
}

/** The site bucket as the index pass needs it: what is under a prefix, and removing keys. */
export interface SearchIndexBucket extends SiteBucket {
  /** every key under the prefix with its ETag (S3's MD5 of a single PUT's body, quoted) */
  list(prefix: string): Promise<{ key: string; etag: string }[]>;
}
