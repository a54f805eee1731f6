/**
 * The local stand-in for CloudFront in front of the site bucket: serves objects from S3
 * (s3rver) with their stored Content-Type and Cache-Control, resolves directory URLs to
 * `index.html` (`/x/` → `x/index.html`; `/x` redirects to `/x/` when that index exists), answers
 * conditional requests, and sends the same security headers the CDK distribution sends.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { GetObjectCommand, HeadObjectCommand, NoSuchKey, NotFound, type S3Client } from '@aws-sdk/client-s3';
import { html } from '../functions/render/site/html.js';
import { HOME_PATH } from '../functions/render/site/paths.js';
import { SECURITY_HEADERS } from '../functions/render/site/security-headers.js';
import { page } from '../functions/render/site/site-layout.js';
import { ensurePortFree } from './stand-ins.js';
import { listen, type RunningServer } from './listen.js';

export type SiteServer = RunningServer;

const NOT_FOUND_PAGE = page({
  title: '页面不存在',
  crumbs: [{ label: '页面不存在' }],
  body: html`<article class="not-found">
<h1>页面不存在</h1>
<p>您要找的页面不存在，可能尚未发布或地址有误。</p>
<p><a href="${HOME_PATH}">返回首页</a>，按地区和年度查看已发布的政府信息公开工作年度报告。</p>
</article>`,
  robots: 'noindex',
});

/** Missing, or a key the store refuses (4xx, e.g. too long): either way there is no such page. */
function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  const status = e.$metadata?.httpStatusCode ?? 0;
  return error instanceof NoSuchKey || error instanceof NotFound || e.name === 'NoSuchKey' || (status >= 400 && status < 500);
}

/**
 * No published key has a path segment this long; s3rver keeps each segment as a file name
 * (255 bytes at most, with its own suffixes) and fails on longer ones instead of saying 404.
 */
const MAX_SEGMENT_BYTES = 200;

/** The object key for a URL path, or undefined for a path no key can match. */
export function keyForPath(pathname: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (!decoded.startsWith('/') || decoded.includes('\0')) return undefined;
  const segments = decoded.slice(1).split('/');
  if (segments.some((s) => s === '..' || s === '.' || Buffer.byteLength(s) > MAX_SEGMENT_BYTES)) return undefined;
  // s3rver's own files next to each object (`._S3rver_object`, `._S3rver_metadata.json`) are not keys.
  if (decoded.includes('._S3rver_')) return undefined;
  const key = decoded.slice(1);
  return key === '' || key.endsWith('/') ? `${key}index.html` : key;
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body?: string | Uint8Array, head = false): void {
  res.writeHead(status, { ...SECURITY_HEADERS, ...headers });
  res.end(head ? undefined : body);
}

function notFound(res: ServerResponse, head: boolean): void {
  send(res, 404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }, NOT_FOUND_PAGE, head);
}

async function exists(s3: S3Client, bucket: string, key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return true;
  } catch (error) {
    if (isMissing(error)) return false;
    throw error;
  }
}

export async function handleSiteRequest(req: IncomingMessage, res: ServerResponse, s3: S3Client, bucket: string): Promise<void> {
  const head = req.method === 'HEAD';
  if (req.method !== 'GET' && !head) {
    send(res, 405, { allow: 'GET, HEAD', 'content-type': 'text/plain; charset=utf-8' }, '只支持 GET 和 HEAD 请求\n');
    return;
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const key = keyForPath(url.pathname);
  if (!key) {
    notFound(res, head);
    return;
  }
  let object;
  try {
    object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  } catch (error) {
    if (!isMissing(error)) throw error;
    // `/x` with an index at `x/index.html` is a directory: send the browser to `/x/`.
    if (!key.endsWith('index.html') || !url.pathname.endsWith('/')) {
      if (await exists(s3, bucket, `${key}/index.html`)) {
        send(res, 301, { location: `${url.pathname}/${url.search}`, 'content-type': 'text/plain; charset=utf-8' }, '', head);
        return;
      }
    }
    notFound(res, head);
    return;
  }
  const headers: Record<string, string> = {
    'content-type': object.ContentType ?? 'application/octet-stream',
    ...(object.CacheControl ? { 'cache-control': object.CacheControl } : {}),
    ...(object.ContentDisposition ? { 'content-disposition': object.ContentDisposition } : {}),
    ...(object.ETag ? { etag: object.ETag } : {}),
    ...(object.LastModified ? { 'last-modified': object.LastModified.toUTCString() } : {}),
  };
  const ifNoneMatch = req.headers['if-none-match'];
  if (object.ETag && ifNoneMatch && ifNoneMatch.split(/\s*,\s*/).includes(object.ETag)) {
    object.Body?.transformToWebStream().cancel().catch(() => undefined);
    send(res, 304, headers, undefined, true);
    return;
  }
  const body = await object.Body!.transformToByteArray();
  send(res, 200, { ...headers, 'content-length': String(body.byteLength) }, body, head);
}

export async function startSiteServer(options: { port: number; host?: string; s3: S3Client; bucket: string }): Promise<SiteServer> {
  const host = options.host ?? '127.0.0.1';
  if (options.port !== 0) await ensurePortFree(options.port, ['公开网站', 'the public site'], 'NIANBAO_SITE_PORT');
  const server = createServer((req, res) => {
    handleSiteRequest(req, res, options.s3, options.bucket).catch((error: unknown) => {
      // The store is down or failing: one line, not a stack per request.
      console.error(`site server: ${req.method} ${req.url?.slice(0, 200)}: ${(error as Error).name}: ${(error as Error).message}`);
      if (!res.headersSent) send(res, 502, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }, '站点存储暂时不可用，请稍后重试\n');
      else res.destroy();
    });
  });
  return listen(server, options.port, host);
}
