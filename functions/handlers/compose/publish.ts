/** The publisher's composition root: one site store, bucket and clock per container. */
import { settings, type Settings } from '../../settings.js';
import { createDocumentClient } from '../../adapters/dynamodb-filing-store.js';
import { DynamoDbSiteStore } from '../../adapters/dynamodb-site-store.js';
import { createS3Client, S3SiteBucket } from '../../adapters/s3-site-bucket.js';
import { S3StampedCopySource } from '../../adapters/s3-stamped-copy-source.js';
import type { PublishDeps } from '../../services/publishing.js';
import type { SearchIndexDeps } from '../../services/search-index.js';
import { PagefindIndexer } from '../../adapters/pagefind-indexer.js';
import { RecentPublications } from '../../services/recent-publications.js';
import { searchScriptObject, siteCssObject } from '../../adapters/site-stylesheet.js';

/** The publisher's deps with the bucket as S3 (which also lists and deletes: the search index pass). */
export type S3PublishDeps = PublishDeps & { bucket: S3SiteBucket };

/** Deps for an explicit configuration (the CLI, tests and the benchmark pick their own). */
export function publishDepsFor(cfg: Settings, baseUrl = settings().NIANBAO_SITE_URL, bucket = cfg.NIANBAO_SITE_BUCKET): S3PublishDeps {
  const s3 = createS3Client(cfg);
  return {
    store: new DynamoDbSiteStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE),
    bucket: new S3SiteBucket(s3, bucket),
    // read only when the region publishes stamped copies (its Lambda may read stamped-copies/* only)
    stampedCopies: new S3StampedCopySource(s3, cfg.NIANBAO_PRIVATE_BUCKET),
    // a region's own deadlines count for its on-time figure, as for its reminders
    deadlines: cfg.NIANBAO_REMINDER_POLICY,
    clock: () => new Date(),
    baseUrl,
    recent: new RecentPublications(),
    assets: () => [siteCssObject(), searchScriptObject()],
  };
}

let current: S3PublishDeps | undefined;

export function publishRuntime(): S3PublishDeps {
  current ??= publishDepsFor(settings());
  return current;
}

let indexer: PagefindIndexer | undefined;

/** What the search index pass needs (services/search-index.ts): the publisher's store and bucket, and Pagefind. */
export function searchIndexDeps(deps: S3PublishDeps): SearchIndexDeps {
  indexer ??= new PagefindIndexer();
  return { store: deps.store, bucket: deps.bucket, indexer, clock: deps.clock };
}
