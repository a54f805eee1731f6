/**
 * The StampedCopySource port on S3: the publisher reads a confirmed stamped copy (盖章件) from
 * the private bucket to write it to the site, when the region publishes stamped copies. Only
 * `GetObject` under `stamped-copies/` (the publisher's role allows nothing else there), so no
 * presigner in the publisher's bundle.
 */
import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import type { StampedCopySource } from '../services/site-ports.js';

export class S3StampedCopySource implements StampedCopySource {
  constructor(
    private readonly s3: S3Client,
    readonly bucket: string,
  ) {}

  async read(key: string): Promise<Uint8Array | undefined> {
    try {
      const got = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return await got.Body?.transformToByteArray();
    } catch (error) {
      if (error instanceof NoSuchKey || (error as { name?: string }).name === 'NoSuchKey') return undefined;
      throw error;
    }
  }
}
