/**
 * The backup file of `nianbao backup` (docs/local-runtime.md, Backups): a gzip-compressed tar
 * (POSIX pax), readable with `tar tzf` / `tar xzf`. Entries, in this order:
 *
 * 1. `nianbao-backup.json`: the manifest (BackupManifest below): format and version, when,
 *    the table and bucket it came from, how many items and objects follow, the items' SHA-256.
 * 2. `table.jsonl`: every item of the table, one per line, in DynamoDB JSON as AWS's table export
 *    writes it: `{"Item":{"PK":{"S":"AGENCY#…"},…}}` (binary values in base64).
 * 3. `local/<name>`: the data folder's own small files that are not in the table
 *    (LOCAL_FILES: which demo tokens a start revokes, the day of the last reminder pass).
 * 4. `site/<key>`: each object of the site bucket, its body as is; its Content-Type,
 *    Cache-Control, Content-Disposition and Content-Encoding in pax records
 *    `SCHILY.xattr.user.nianbao.<header>` (tar tools that know xattrs keep them, others skip
 *    them quietly).
 *
 * The manifest comes first so a restore knows what to expect before loading anything; the counts
 * and the checksum tell a complete file from a cut one.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { z } from 'zod';
import { toLambdaImage } from '../stream-pump.js';

export const MANIFEST_ENTRY = 'nianbao-backup.json';
export const TABLE_ENTRY = 'table.jsonl';
export const LOCAL_PREFIX = 'local/';
export const SITE_PREFIX = 'site/';

/** Files of the data folder that belong to its state besides the table and the bucket. */
export const LOCAL_FILES = ['demo-tokens.json', 'remind-last-run.json'] as const;

export const BackupManifest = z.object({
  format: z.literal('nianbao-backup'),
  version: z.literal(1),
  createdAt: z.string(),
  table: z.string(),
  bucket: z.string(),
  items: z.number().int().nonnegative(),
  itemsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  objects: z.number().int().nonnegative(),
  /** how long the runtime's writes waited for the table to be read (0: no runtime ran) */
  writesHeldMs: z.number().nonnegative(),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

/** The object headers a backup keeps, as S3's GetObject/PutObject name them. */
export const OBJECT_HEADERS = ['ContentType', 'CacheControl', 'ContentDisposition', 'ContentEncoding'] as const;
export type ObjectHeaders = Partial<Record<(typeof OBJECT_HEADERS)[number], string>>;

const PAX_PREFIX = 'SCHILY.xattr.user.nianbao.';
const paxName = (h: (typeof OBJECT_HEADERS)[number]) => `${PAX_PREFIX}${h.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}`;

export function headersToPax(headers: ObjectHeaders): Record<string, string> {
  const pax: Record<string, string> = {};
  for (const h of OBJECT_HEADERS) if (headers[h]) pax[paxName(h)] = headers[h];
  return pax;
}

export function paxToHeaders(pax: Record<string, string> | null | undefined): ObjectHeaders {
  const headers: ObjectHeaders = {};
  for (const h of OBJECT_HEADERS) {
    const value = pax?.[paxName(h)];
    if (value) headers[h] = value;
  }
  return headers;
}

/** One line of table.jsonl for an item as the SDK reads it. */
export function itemLine(item: Record<string, AttributeValue>): string {
  return `${JSON.stringify({ Item: toLambdaImage(item) })}\n`;
}

type JsonValue = { B?: string; BS?: string[]; M?: Record<string, JsonValue>; L?: JsonValue[] } & Record<string, unknown>;

function fromJsonValue(v: JsonValue): AttributeValue {
  if (v.B !== undefined) return { B: Buffer.from(v.B, 'base64') };
  if (v.BS !== undefined) return { BS: v.BS.map((b) => Buffer.from(b, 'base64')) };
  if (v.M !== undefined) return { M: Object.fromEntries(Object.entries(v.M).map(([k, x]) => [k, fromJsonValue(x)])) };
  if (v.L !== undefined) return { L: v.L.map(fromJsonValue) };
  return v as AttributeValue;
}

/** The item of one line of table.jsonl, ready for PutItem/BatchWriteItem. */
export function parseItemLine(line: string): Record<string, AttributeValue> {
  const parsed = JSON.parse(line) as { Item?: Record<string, JsonValue> };
  if (!parsed.Item || typeof parsed.Item !== 'object') throw new Error('table.jsonl: a line without "Item"');
  return Object.fromEntries(Object.entries(parsed.Item).map(([k, v]) => [k, fromJsonValue(v)]));
}
