/** The publisher's composition root: one site store, bucket and clock per container. */
import { settings, type Settings } from '../../settings.js';
import { createDocumentClient } from '../../adapters/dynamodb-filing-store.js';
import { DynamoDbSiteStore } from '../../adapters/dynamodb-site-store.js';
import { createS3Client, S3SiteBucket } from '../../adapters/s3-site-bucket.js';
import { S3StampedCopySource } from '../../adapters/s3-stamped-copy-source.js';
import type { PublishDeps } from '../../services/publishing.js';
import { RecentPublications } from '../../services/recent-publications.js';
import { siteCssObject } from '../../adapters/site-stylesheet.js';

/** Deps for an explicit configuration (the CLI, tests and the benchmark pick their own). */
export function publishDepsFor(cfg: Settings, baseUrl = settings().NIANBAO_SITE_URL, bucket = cfg.NIANBAO_SITE_BUCKET): PublishDeps {
  const s3 = createS3Client(cfg);
  return {
    store: new DynamoDbSiteStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE),
    bucket: new S3SiteBucket(s3, bucket),
    // read only when the region publishes stamped copies (its Lambda may read stamped-copies/* only)
    stampedCopies: new S3StampedCopySource(s3, cfg.NIANBAO_PRIVATE_BUCKET),
    clock: () => new Date(),
    baseUrl,
    recent: new RecentPublications(),
    stylesheet: siteCssObject,
  };
}

let current: PublishDeps | undefined;

export function publishRuntime(): PublishDeps {
  current ??= publishDepsFor(settings());
  return current;
}
