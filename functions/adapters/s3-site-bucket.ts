/** The SiteBucket port on S3: each object with the Content-Type and Cache-Control its key calls for. */
import { LOCAL_CREDENTIALS, type Settings } from '../settings.js';
import { DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { SiteObject } from '../render/site/render-site.js';
import { mapLimit } from '../services/map-limit.js';
import type { SearchIndexBucket } from '../services/site-ports.js';

/**
 * `presigning`: checksums only when required, on AWS too. Otherwise the SDK puts a CRC32 of the
 * empty body into a presigned PUT's query, and S3 refuses the real upload.
 */
export function createS3Client(cfg: Pick<Settings, 'AWS_REGION' | 'NIANBAO_S3_ENDPOINT'>, options: { presigning?: boolean } = {}): S3Client {
  return new S3Client({
    region: cfg.AWS_REGION,
    ...(options.presigning ? { requestChecksumCalculation: 'WHEN_REQUIRED' as const, responseChecksumValidation: 'WHEN_REQUIRED' as const } : {}),
    ...(cfg.NIANBAO_S3_ENDPOINT
      ? {
          endpoint: cfg.NIANBAO_S3_ENDPOINT,
          credentials: LOCAL_CREDENTIALS,
          // s3rver: path-style only, and without these it stores aws-chunked framing in the body.
          forcePathStyle: true,
          requestChecksumCalculation: 'WHEN_REQUIRED' as const,
          responseChecksumValidation: 'WHEN_REQUIRED' as const,
        }
      : {}),
  });
}

export class S3SiteBucket implements SearchIndexBucket {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
    /** parallel PUTs per call: one publish writes 15 objects */
    private readonly concurrency = 16,
  ) {}

  async put(objects: readonly SiteObject[]): Promise<void> {
    await mapLimit(objects, this.concurrency, (o) =>
      this.s3.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: o.key,
          Body: o.body,
          ContentType: o.contentType,
          CacheControl: o.cacheControl,
          ...(o.contentDisposition ? { ContentDisposition: o.contentDisposition } : {}),
        }),
      ),
    );
  }

  async list(prefix: string): Promise<{ key: string; etag: string }[]> {
    const found: { key: string; etag: string }[] = [];
    let token: string | undefined;
    do {
      const page = await this.s3.send(new ListObjectsV2Command({ Bucket: this.bucket, Prefix: prefix, ContinuationToken: token }));
      for (const o of page.Contents ?? []) if (o.Key) found.push({ key: o.Key, etag: o.ETag ?? '' });
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return found;
  }

  /** A missing key is no error (S3 reports only keys it could not delete, in Errors). */
  async remove(keys: readonly string[]): Promise<void> {
    // DeleteObjects takes at most 1,000 keys.
    for (let i = 0; i < keys.length; i += 1000) {
      const out = await this.s3.send(
        new DeleteObjectsCommand({ Bucket: this.bucket, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })), Quiet: true } }),
      );
      if (out.Errors?.length) throw new Error(`could not delete ${out.Errors.length} objects, e.g. ${out.Errors[0]?.Key}: ${out.Errors[0]?.Message}`);
    }
  }
}
