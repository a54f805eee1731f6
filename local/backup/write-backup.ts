/**
 * Writes a backup file (backup-format.ts) of the table and the site bucket, consistent while
 * the runtime runs:
 *
 * 1. the publisher rests (nothing writes to the bucket from here on), then the table's writes
 *    are held at the DynamoDB front (hold-control.ts): the writes in flight finish, new ones wait;
 * 2. the table is scanned (strongly consistent reads) into a scratch file: the table as of one
 *    moment, with no write half in;
 * 3. the writes go on (API users wait only for the scan), and the bucket is copied while the
 *    publisher still rests: every page the table marks as published was written before the
 *    publisher rested, so it is in the copy; a revision accepted meanwhile is in the table as
 *    not yet published, and the restore publishes it (restore-backup.ts);
 * 4. the publisher goes on and catches up from its stream checkpoint.
 *
 * The file is written under a temporary name and renamed when complete.
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetObjectCommand, ListObjectsV2Command, type S3Client } from '@aws-sdk/client-s3';
import { pack as tarPack, type Pack } from 'tar-stream';
import type { HoldKind, RemoteHold } from '../hold-control.js';
import {
  LOCAL_FILES,
  LOCAL_PREFIX,
  MANIFEST_ENTRY,
  OBJECT_HEADERS,
  SITE_PREFIX,
  TABLE_ENTRY,
  headersToPax,
  itemLine,
  type BackupManifest,
  type ObjectHeaders,
} from './backup-format.js';

export interface BackupSource {
  dynamodb: DynamoDBClient;
  table: string;
  s3: S3Client;
  bucket: string;
  /** the data folder whose LOCAL_FILES go along */
  dataDir: string;
  /** the running runtime's holds; absent when nothing else writes (the command's own stand-ins) */
  hold?: (kind: HoldKind) => Promise<RemoteHold>;
}

export interface BackupProgress {
  /** items read so far (called every 1,000 and at the end) */
  table?(items: number): void;
  site?(progress: { written: number; total: number }): void;
}

export interface BackupSummary {
  items: number;
  objects: number;
  bytes: number;
  writesHeldMs: number;
}

/** Objects fetched ahead of the one being written. */
const PREFETCH = 8;

export async function writeBackup(source: BackupSource, file: string, progress: BackupProgress = {}): Promise<BackupSummary> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'nianbao-backup-'));
  const partial = `${file}.partial`;
  const publishing = await source.hold?.('publishing');
  try {
    const table = await scanHeld(source, path.join(scratch, TABLE_ENTRY), progress);
    const keys = await listKeys(source);
    const manifest: BackupManifest = {
      format: 'nianbao-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      table: source.table,
      bucket: source.bucket,
      items: table.items,
      itemsSha256: table.sha256,
      objects: keys.length,
      writesHeldMs: table.heldMs,
    };
    const pack = tarPack();
    const written = pipeline(pack, createGzip(), createWriteStream(partial));
    // A failed write ends the pack too, so the entries below stop instead of waiting.
    written.catch((error: unknown) => pack.destroy(error as Error));
    await addEntry(pack, { name: MANIFEST_ENTRY }, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    await addFileEntry(pack, TABLE_ENTRY, table.file);
    for (const name of LOCAL_FILES) {
      const local = path.join(source.dataDir, name);
      if (existsSync(local)) await addEntry(pack, { name: `${LOCAL_PREFIX}${name}` }, readFileSync(local));
    }
    await copyBucket(source, keys, pack, progress);
    if (publishing?.lost) throw new Error('运行中的 nianbao 在复制网站期间结束了发布暂停（超过 1 小时或已停止），备份未完成，请重试');
    pack.finalize();
    await written;
    renameSync(partial, file);
    return { items: table.items, objects: keys.length, bytes: statSync(file).size, writesHeldMs: table.heldMs };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    publishing?.release();
    rmSync(scratch, { recursive: true, force: true });
  }
}

/** The table as of one moment: scanned while the runtime's writes wait. */
async function scanHeld(source: BackupSource, file: string, progress: BackupProgress) {
  const out = createWriteStream(file);
  const hash = createHash('sha256');
  let items = 0;
  const writes = await source.hold?.('writes');
  const heldAt = Date.now();
  try {
    let start: Record<string, AttributeValue> | undefined;
    do {
      const page = await source.dynamodb.send(
        new ScanCommand({ TableName: source.table, ConsistentRead: true, ...(start ? { ExclusiveStartKey: start } : {}) }),
      );
      for (const item of page.Items ?? []) {
        const line = itemLine(item);
        hash.update(line);
        if (!out.write(line)) await once(out, 'drain');
        if (++items % 1000 === 0) progress.table?.(items);
      }
      start = page.LastEvaluatedKey;
    } while (start);
    if (writes?.lost) throw new Error('运行中的 nianbao 在读完数据表之前结束了写入暂停（超过 5 分钟或已停止），备份未完成，请重试');
  } finally {
    writes?.release();
  }
  const heldMs = writes ? Date.now() - heldAt : 0;
  out.end();
  await once(out, 'close');
  progress.table?.(items);
  return { file, items, sha256: hash.digest('hex'), heldMs };
}

async function listKeys(source: BackupSource): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await source.s3.send(new ListObjectsV2Command({ Bucket: source.bucket, ...(token ? { ContinuationToken: token } : {}) }));
    for (const o of page.Contents ?? []) if (o.Key) keys.push(o.Key);
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

async function fetchObject(source: BackupSource, key: string) {
  const res = await source.s3.send(new GetObjectCommand({ Bucket: source.bucket, Key: key }));
  const body = Buffer.from((await res.Body?.transformToByteArray()) ?? new Uint8Array());
  const headers: ObjectHeaders = {};
  for (const h of OBJECT_HEADERS) if (res[h]) headers[h] = res[h];
  return { key, body, headers, mtime: res.LastModified ?? new Date() };
}

async function copyBucket(source: BackupSource, keys: string[], pack: Pack, progress: BackupProgress): Promise<void> {
  const pending: ReturnType<typeof fetchObject>[] = [];
  let next = 0;
  const fill = () => {
    while (pending.length < PREFETCH && next < keys.length) {
      const p = fetchObject(source, keys[next++]!);
      p.catch(() => undefined); // awaited below, in order
      pending.push(p);
    }
  };
  fill();
  for (let written = 0; written < keys.length; ) {
    const o = await pending.shift()!;
    fill();
    await addEntry(pack, { name: `${SITE_PREFIX}${o.key}`, mtime: o.mtime, pax: headersToPax(o.headers) }, o.body);
    progress.site?.({ written: ++written, total: keys.length });
  }
  if (keys.length === 0) progress.site?.({ written: 0, total: 0 });
}

function addEntry(pack: Pack, header: { name: string; mtime?: Date; pax?: Record<string, string> }, body: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    const pax = header.pax && Object.keys(header.pax).length > 0 ? { pax: header.pax } : {};
    const entry = { name: header.name, size: body.byteLength, ...(header.mtime ? { mtime: header.mtime } : {}), ...pax };
    pack.entry(entry, body, (error) => (error ? reject(error) : resolve()));
  });
}

async function addFileEntry(pack: Pack, name: string, file: string): Promise<void> {
  const done = new Promise<void>((resolve, reject) => {
    const sink = pack.entry({ name, size: statSync(file).size }, (error) => (error ? reject(error) : resolve()));
    createReadStream(file).pipe(sink as unknown as NodeJS.WritableStream);
  });
  await done;
}
