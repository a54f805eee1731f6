/** What the stamped copy's (盖章件) use cases need: its private files and its table records. */
import type { StampedCopyInfo } from '../contract/stamped-copy.js';
import type { AuditEvent, StoredStampedCopy } from './model.js';

/** The private bucket the copies live in; never the public site's. */
export interface StampedCopyFiles {
  /** a PUT URL whose signature fixes the key, Content-Type and Content-Length */
  presignUpload(input: { key: string; contentType: string; size: number }): Promise<{ url: string; headers: Record<string, string>; expiresAt: string }>;
  /** the stored object's real size, type and first bytes; undefined when there is none */
  inspect(key: string, headBytes: number): Promise<{ size: number; contentType: string; head: Uint8Array } | undefined>;
  remove(key: string): Promise<void>;
  /** a GET URL valid a few minutes, answering with the file's name and type */
  presignDownload(input: { key: string; fileName: string; contentType: string }): Promise<{ url: string; expiresAt: string }>;
}

export interface StampedCopyWrite {
  agencyId: string;
  region: string;
  year: number;
  copy: StoredStampedCopy;
  event: AuditEvent;
}

export interface StampedCopyStore {
  /** on the revision (approval checks it there) and as the agency-year's newest; false: no such revision */
  record(write: StampedCopyWrite): Promise<boolean>;
  /** the agency-year's newest stamped copy */
  latest(agencyId: string, year: number): Promise<StampedCopyInfo | undefined>;
  /** the newest stamped copy of each agency of the region-year (one index query) */
  forRegion(region: string, year: number): Promise<Map<string, StampedCopyInfo>>;
}
