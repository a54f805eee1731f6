/** What the reviewing office's use cases need beyond the FilingStore; adapters implement these. */
import type { AuditEvent } from './model.js';
import type { RegionSettings, ReturnComments } from '../contract/filing-api.js';

export interface ReturnWrite {
  agencyId: string;
  year: number;
  /** the revision the reviewer looked at: a newer submission in between wins */
  revision: number;
  comments: ReturnComments & { revision: number; returnedAt: string };
  event: AuditEvent;
}

export interface ApproveWrite {
  agencyId: string;
  year: number;
  revision: number;
  /** the region requires the stamped copy: the revision must carry one when approved */
  requireStampedCopy?: boolean;
  at: string;
  by: string;
  event: AuditEvent;
}

/** The failed-check window of an agency: its last failed attempt. */
export interface LastFailure {
  agencyId: string;
  lastFailedAt: string;
  errorCount: number;
}

export interface ReviewStore {
  /** the region's own settings; defaults when never set */
  getRegionSettings(region: string): Promise<RegionSettings>;
  putRegionSettings(region: string, settings: RegionSettings, event: AuditEvent): Promise<void>;
  /** false when the filing is no longer at that revision, or not in a returnable state */
  returnFiling(write: ReturnWrite): Promise<boolean>;
  /** false when the revision no longer awaits approval (approved already, amended, returned) */
  approveFiling(write: ApproveWrite): Promise<boolean>;
  /** last failed attempts of the year's filings (one sparse-index query), for a region's agencies */
  lastFailures(region: string, year: number): Promise<Map<string, LastFailure>>;
  /** when each agency of the region last got a reminder for the year (one index query) */
  lastReminders(region: string, year: number): Promise<Map<string, string>>;
}
