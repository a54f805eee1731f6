/**
 * s3rver 3.7 accepts any Signature Version 4 ("V4 signatures have incomplete support": it never
 * computes one), so locally a presigned PUT with another Content-Type or size would be stored.
 * S3 refuses it. This Koa middleware, put in front of s3rver's own, makes the stand-in behave as
 * S3 does for presigned (query-string) requests: it recomputes the signature with the SDK's own
 * signer (@smithy/signature-v4) from the headers the URL says were signed, as the request
 * carries them, and answers 403 SignatureDoesNotMatch (or AccessDenied once expired) otherwise.
 * Requests signed in the Authorization header (the SDK clients) pass as before.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { SignatureV4 } from '@smithy/signature-v4';

/** The part of Koa's context this uses (s3rver is a Koa app). */
interface Context {
  req: IncomingMessage;
  method: string;
  get(name: string): string;
  set(name: string, value: string): void;
  status: number;
  body: unknown;
}
type Middleware = (ctx: Context, next: () => Promise<void>) => Promise<void>;

/** SHA-256 and HMAC-SHA256 in the shape the signer takes (what @smithy/hash-node does). */
class NodeSha256 {
  private readonly hash;
  constructor(secret?: string | ArrayBuffer | ArrayBufferView) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: string | ArrayBuffer | ArrayBufferView): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

function bytes(data: string | ArrayBuffer | ArrayBufferView): Buffer {
  if (typeof data === 'string') return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data);
}

function amzDate(value: string | null): Date | undefined {
  const m = value ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value) : null;
  return m ? new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : undefined;
}

function refuse(ctx: Context, code: string, message: string): void {
  ctx.status = 403;
  ctx.set('content-type', 'application/xml');
  // S3 sends CORS headers on errors too, so a browser can read the refusal.
  if (ctx.get('origin')) ctx.set('access-control-allow-origin', '*');
  ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`;
}

export function presignedSignatureCheck(credentials: { accessKeyId: string; secretAccessKey: string }, region = 'us-east-1'): Middleware {
  const signer = new SignatureV4({ credentials, region, service: 's3', sha256: NodeSha256, uriEscapePath: false, applyChecksum: false });
  return async (ctx, next) => {
    const raw = ctx.req.url ?? '/';
    const queryAt = raw.indexOf('?');
    const params = new URLSearchParams(queryAt >= 0 ? raw.slice(queryAt + 1) : '');
    const given = params.get('X-Amz-Signature');
    // CORS preflights carry no signature of their own; unsigned and header-signed requests pass.
    if (given === null || ctx.method === 'OPTIONS') return next();
    const signedAt = amzDate(params.get('X-Amz-Date'));
    const expiresIn = Number(params.get('X-Amz-Expires'));
    if (!signedAt || !Number.isInteger(expiresIn)) return refuse(ctx, 'AuthorizationQueryParametersError', 'X-Amz-Date or X-Amz-Expires is malformed');
    if (Date.now() > signedAt.getTime() + expiresIn * 1000) return refuse(ctx, 'AccessDenied', 'Request has expired');
    const signedHeaders = (params.get('X-Amz-SignedHeaders') ?? '').split(';').filter(Boolean);
    const headers: Record<string, string> = {};
    for (const name of signedHeaders) headers[name] = ctx.get(name);
    // The payload hash travels in the query; the signer reads it from this header and hoists it back
    // under this very name (query keys are case-sensitive in the canonical request).
    headers['X-Amz-Content-Sha256'] = params.get('X-Amz-Content-Sha256') ?? 'UNSIGNED-PAYLOAD';
    const query: Record<string, string> = {};
    for (const [k, v] of params) if (k !== 'X-Amz-Signature' && k !== 'X-Amz-Content-Sha256') query[k] = v;
    const host = ctx.get('host');
    const [hostname, port] = host.split(':');
    const expected = await signer.presign(
      {
        method: ctx.method,
        protocol: 'http:',
        hostname: hostname ?? '',
        ...(port ? { port: Number(port) } : {}),
        path: queryAt >= 0 ? raw.slice(0, queryAt) : raw,
        query,
        headers,
      },
      { signingDate: signedAt, expiresIn, signableHeaders: new Set(signedHeaders) },
    );
    const computed = Buffer.from(String(expected.query?.['X-Amz-Signature'] ?? ''));
    const provided = Buffer.from(given);
    if (computed.length !== provided.length || !timingSafeEqual(computed, provided)) {
      return refuse(ctx, 'SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided.');
    }
    return next();
  };
}
