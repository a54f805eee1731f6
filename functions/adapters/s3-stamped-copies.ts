/**
 * The StampedCopyFiles port on S3: the private bucket (NIANBAO_PRIVATE_BUCKET), which no
 * CloudFront behaviour and no local site server serves. Uploads and downloads are presigned
 * with the function's own credentials; an upload's signature covers Content-Type and
 * Content-Length, so S3 itself refuses a PUT of any other type or size.
 */
import { DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { StampedCopyFiles } from '../services/stamped-copy-ports.js';

/** An upload starts right after the request; a download link is opened at once. */
export const UPLOAD_SECONDS = 600;
export const DOWNLOAD_SECONDS = 300;

/** S3's presigner leaves Content-Type out of the signature unless told; Content-Length likewise named. */
const SIGNED_UPLOAD_HEADERS = new Set(['content-type', 'content-length']);

export class S3StampedCopies implements StampedCopyFiles {
  constructor(
    /** created with `createS3Client(cfg, { presigning: true })` */
    private readonly s3: S3Client,
    readonly bucket: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async presignUpload(input: { key: string; contentType: string; size: number }) {
    const url = await getSignedUrl(
      this.s3,
      new PutObjectCommand({ Bucket: this.bucket, Key: input.key, ContentType: input.contentType, ContentLength: input.size }),
      { expiresIn: UPLOAD_SECONDS, signableHeaders: SIGNED_UPLOAD_HEADERS },
    );
    // Content-Length is set by the browser from the body; only the type must be sent explicitly.
    return { url, headers: { 'content-type': input.contentType }, expiresAt: this.expiry(UPLOAD_SECONDS) };
  }

  async inspect(key: string, headBytes: number) {
    try {
      const head = await this.s3.send(new HeadObjectCommand({ Bucket: this.bucket, Key: key }));
      const size = head.ContentLength ?? 0;
      let first: Uint8Array = new Uint8Array();
      if (size > 0) {
        const got = await this.s3.send(new GetObjectCommand({ Bucket: this.bucket, Key: key, Range: `bytes=0-${headBytes - 1}` }));
        first = (await got.Body?.transformToByteArray()) ?? first;
      }
      return { size, contentType: head.ContentType ?? '', head: first.subarray(0, headBytes) };
    } catch (error) {
      if (error instanceof NotFound || error instanceof NoSuchKey || (error as { name?: string }).name === 'NotFound') return undefined;
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    await this.s3.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: key }));
  }

  async presignDownload(input: { key: string; fileName: string; contentType: string }) {
    const url = await getSignedUrl(
      this.s3,
      new GetObjectCommand({
        Bucket: this.bucket,
        Key: input.key,
        // Opened in the browser's own viewer, under the name the filer gave it.
        ResponseContentDisposition: `inline; filename*=UTF-8''${encodeURIComponent(input.fileName)}`,
        ResponseContentType: input.contentType,
      }),
      { expiresIn: DOWNLOAD_SECONDS },
    );
    return { url, expiresAt: this.expiry(DOWNLOAD_SECONDS) };
  }

  private expiry(seconds: number): string {
    return new Date(this.now().getTime() + seconds * 1000).toISOString();
  }
}
