/**
 * What publishing needs from the outside world: the table (read what the pages show, record
 * publication and failure) and the site bucket. Kept apart from the filing API's ports.
 */
import type { Report } from '../domain/report.js';
import type { AgencyInfo, RegionInfo } from '../../web/site/site-model.js';
import type { SiteObject } from '../../web/site/render-site.js';
import type { FilingStatus } from './model.js';

/** One accepted revision to publish (from a stream record, a repair pass or a rebuild). */
export interface PublishTarget {
  readonly agencyId: string;
  readonly year: number;
  readonly revision: number;
}

/** An accepted revision as stored, with its publication instant once published. */
export interface StoredRevision {
  readonly revision: number;
  readonly submittedAt: string;
  readonly publishedAt?: string;
  readonly report: Report;
}

/** The region index's view of a filing. */
export interface FilingHead {
  readonly agencyId: string;
  readonly year: number;
  readonly region: string;
  readonly status: FilingStatus;
  readonly latestRevision: number;
}

/** An agency's revisions of one year, dates only (for its agency page). */
export interface AgencyYear {
  readonly year: number;
  readonly region: string;
  readonly revisions: readonly { revision: number; publishedAt?: string }[];
}

/** One line of the home page, kept as an item so the home page never needs a scan. */
export interface RegionYearSummary {
  readonly region: string;
  readonly year: number;
  readonly published: number;
  readonly agencies: number;
  readonly lastmod?: string;
}

export interface PublishFailure extends PublishTarget {
  readonly region: string;
  readonly error: string;
  readonly at: string;
}

export interface SiteStore {
  getFilingHead(agencyId: string, year: number): Promise<FilingHead | undefined>;
  /** every accepted revision of the filing, ascending, with reports */
  listRevisions(agencyId: string, year: number): Promise<StoredRevision[]>;
  /** filings of a region-year that have at least one revision (an index query) */
  listRegionYearFilings(region: string, year: number): Promise<FilingHead[]>;
  getAgency(id: string): Promise<AgencyInfo | undefined>;
  listAgencies(region: string): Promise<AgencyInfo[]>;
  listAgencyYears(agencyId: string): Promise<AgencyYear[]>;
  listRegions(): Promise<RegionInfo[]>;
  putRegion(region: RegionInfo): Promise<void>;
  listRegionYearSummaries(): Promise<RegionYearSummary[]>;
  putRegionYearSummary(summary: RegionYearSummary): Promise<void>;

  /**
   * Records the publication: `publishedAt` on each newly published revision (never changed once
   * set), the filing's status `published` if `latest` is still its newest revision, and clears a
   * failure marker the publication covers.
   */
  markPublished(agencyId: string, year: number, published: readonly { revision: number; publishedAt: string }[], latest: number): Promise<void>;
  /** counts a failed attempt on the revision; returns the attempts so far */
  recordPublishAttempt(target: PublishTarget, error: string): Promise<number>;
  /** the visible failed state: filing status `publish_failed` and a marker the repair pass lists */
  markPublishFailed(failure: PublishFailure): Promise<void>;
  listPublishFailures(): Promise<PublishFailure[]>;

  /** every agency, and every filing with its accepted revisions, one filing at a time (for a rebuild) */
  scanAgencies(): AsyncIterable<AgencyInfo>;
  scanFilings(): AsyncIterable<FilingHead & { revisions: StoredRevision[] }>;
}

export interface SiteBucket {
  /** writes the objects, with their Content-Type and Cache-Control; rejects if any write fails */
  put(objects: readonly SiteObject[]): Promise<void>;
}
