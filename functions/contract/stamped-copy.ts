/**
 * The stamped copy's (盖章件) JSON shapes: the filer asks for an upload (the API presigns a PUT
 * whose signature fixes type and size), uploads straight to the bucket, then confirms; the
 * reviewer sees what was uploaded on the board and, with a short-lived link, in the filing view.
 * Documented in docs/stamped-copy.md.
 */
import { z } from 'zod';
import { STAMPED_COPY_MAX_BYTES, STAMPED_COPY_NAME_MAX } from '../domain/stamped-copy.js';

/** POST /api/filings/{year}/stamped-copy/upload */
export const StampedUploadRequest = z.strictObject({
  fileName: z.string().trim().min(1).max(STAMPED_COPY_NAME_MAX),
  /** the file's type as the browser (or its first bytes) says; checked before presigning */
  contentType: z.string().min(1).max(100),
  /** bytes; the signature binds the upload to exactly this many */
  size: z.number().int().min(0).max(STAMPED_COPY_MAX_BYTES * 100),
});
export type StampedUploadRequest = z.infer<typeof StampedUploadRequest>;

export interface StampedUploadTicket {
  /** send back to confirm (the object's key under the agency's own prefix) */
  uploadId: string;
  /** the revision the copy is for: the newest submitted one */
  revision: number;
  method: 'PUT';
  url: string;
  /** the headers the PUT must carry exactly (they are signed) */
  headers: Record<string, string>;
  expiresAt: string;
}

/** POST /api/filings/{year}/stamped-copy: the upload finished. */
export const StampedConfirmRequest = z.strictObject({
  uploadId: z.string().min(1).max(300),
  fileName: z.string().trim().min(1).max(STAMPED_COPY_NAME_MAX),
});
export type StampedConfirmRequest = z.infer<typeof StampedConfirmRequest>;

/** What is known of a stamped copy (never where it is stored). */
export interface StampedCopyInfo {
  revision: number;
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: string;
}

/** The reviewer's link to open it: presigned, valid a few minutes. */
export interface StampedCopyLink extends StampedCopyInfo {
  url: string;
  expiresAt: string;
}

/** PUT /api/regions/{region}/settings (reviewers): the settings the review page may change. */
export const RegionSettingsPatch = z
  .strictObject({
    /** `required`: no approval without the revision's stamped copy */
    stampedCopy: z.enum(['none', 'required']).optional(),
    /** true: publish the current revision's stamped copy beside its report page */
    publishStampedCopy: z.boolean().optional(),
  })
  .refine((p) => p.stampedCopy !== undefined || p.publishStampedCopy !== undefined, { message: '没有要修改的设置' });
export type RegionSettingsPatch = z.infer<typeof RegionSettingsPatch>;
