/**
 * The private bucket's adapter, built only by the routes that presign or inspect stamped copies
 * (the S3 client and presigner stay out of every other route's bundle).
 */
import { settings, type Settings } from '../../settings.js';
import { S3StampedCopies } from '../../adapters/s3-stamped-copies.js';
import { createS3Client } from '../../adapters/s3-site-bucket.js';
import type { StampedCopyFiles } from '../../services/stamped-copy-ports.js';

export function stampedFilesFor(cfg: Settings): StampedCopyFiles {
  return new S3StampedCopies(createS3Client(cfg, { presigning: true }), cfg.NIANBAO_PRIVATE_BUCKET);
}

let current: StampedCopyFiles | undefined;

export function stampedFiles(): StampedCopyFiles {
  current ??= stampedFilesFor(settings());
  return current;
}
