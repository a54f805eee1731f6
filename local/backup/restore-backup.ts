/**
 * Loads a backup file (backup-format.ts) into a new table and bucket. The table is created
 * without its stream, so the restored items do not reach the publisher and the notifier as new
 * writes (no page rewritten, no e-mail sent again). The caller publishes what the backup caught
 * accepted but not yet published, then turns the stream on (enableStream) for the runtime.
 */
import { createHash } from 'node:crypto';
import { createReadStream, writeFileSync } from 'node:fs';
import path from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { BatchWriteItemCommand, type AttributeValue, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { extract as tarExtract } from 'tar-stream';
import { createTable } from '../../functions/adapters/dynamodb-table.js';
import { CliError } from '../cli/command.js';
import {
  BackupManifest,
  LOCAL_FILES,
  LOCAL_PREFIX,
  MANIFEST_ENTRY,
  SITE_PREFIX,
  TABLE_ENTRY,
  paxToHeaders,
  parseItemLine,
} from './backup-format.js';

export interface RestoreTarget {
  dynamodb: DynamoDBClient;
  table: string;
  s3: S3Client;
  bucket: string;
  /** where LOCAL_FILES go */
  dataDir: string;
}

export interface RestoreProgress {
  table?(items: number, total: number): void;
  site?(progress: { written: number; total: number }): void;
}

/** Puts to the bucket in flight at once. */
const PUTS_IN_FLIGHT = 8;
const BATCH = 25;

const unreadable = (file: string, why: string) => new CliError(`${file} 不是完整的 nianbao 备份文件：${why}`, 2);

export async function restoreBackup(file: string, target: RestoreTarget, progress: RestoreProgress = {}): Promise<BackupManifest> {
  let manifest: BackupManifest | undefined;
  let items = 0;
  let objects = 0;
  let sha256 = '';
  const putWindow = putWindowOf();
  const extract = tarExtract();
  const input = createReadStream(file).pipe(createGunzip());
  input.on('error', (error) => extract.destroy(error));
  input.pipe(extract as unknown as NodeJS.WritableStream);
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (!manifest) {
        if (name !== MANIFEST_ENTRY) throw unreadable(file, `第一项应为 ${MANIFEST_ENTRY}`);
        const parsed = BackupManifest.safeParse(JSON.parse((await readAll(entry)).toString('utf8')));
        if (!parsed.success) throw unreadable(file, '清单格式或版本不受支持');
        manifest = parsed.data;
        await createTable(target.dynamodb, target.table, { stream: false });
      } else if (name === TABLE_ENTRY) {
        const loaded = await loadItems(entry, target, (n) => progress.table?.(n, manifest!.items));
        items = loaded.items;
        sha256 = loaded.sha256;
      } else if (name.startsWith(LOCAL_PREFIX)) {
        const local = name.slice(LOCAL_PREFIX.length);
        const body = await readAll(entry);
        if ((LOCAL_FILES as readonly string[]).includes(local)) writeFileSync(path.join(target.dataDir, local), body);
      } else if (name.startsWith(SITE_PREFIX)) {
        const key = name.slice(SITE_PREFIX.length);
        const headers = paxToHeaders(entry.header.pax as Record<string, string> | undefined);
        const body = await readAll(entry);
        await putWindow.add(() => target.s3.send(new PutObjectCommand({ Bucket: target.bucket, Key: key, Body: body, ...headers })));
        progress.site?.({ written: ++objects, total: manifest.objects });
      } else {
        entry.resume();
      }
    }
    await putWindow.drain();
  } catch (error) {
    if (error instanceof CliError) throw error;
    if (error instanceof SyntaxError) throw unreadable(file, '内容无法解析（文件可能被截断）');
    if ((error as NodeJS.ErrnoException).code === 'Z_DATA_ERROR' || /unexpected end|invalid tar|Z_BUF_ERROR/i.test((error as Error).message)) {
      throw unreadable(file, '文件已损坏或被截断');
    }
    throw error;
  }
  if (!manifest) throw unreadable(file, '没有清单');
  if (items !== manifest.items || sha256 !== manifest.itemsSha256) throw unreadable(file, `数据表应有 ${manifest.items} 项，读到 ${items} 项或内容不符`);
  if (objects !== manifest.objects) throw unreadable(file, `网站应有 ${manifest.objects} 个对象，读到 ${objects} 个`);
  return manifest;
}

/** Runs at most PUTS_IN_FLIGHT puts at once; add() waits for a free slot, drain() for all; the first failure stops the rest. */
function putWindowOf() {
  const running = new Set<Promise<unknown>>();
  let failure: unknown;
  return {
    async add(put: () => Promise<unknown>) {
      if (failure) throw failure;
      while (running.size >= PUTS_IN_FLIGHT) await Promise.race(running);
      if (failure) throw failure;
      const p: Promise<unknown> = put().then(
        () => running.delete(p),
        (error: unknown) => {
          failure ??= error;
          running.delete(p);
        },
      );
      running.add(p);
    },
    async drain() {
      await Promise.all(running);
      if (failure) throw failure;
    },
  };
}

async function readAll(stream: AsyncIterable<unknown>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** Streams table.jsonl into the table, 25 items per BatchWriteItem, retrying what is left unprocessed. */
async function loadItems(lines: AsyncIterable<unknown>, target: RestoreTarget, onProgress: (items: number) => void) {
  const hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let items = 0;
  let batch: Record<string, AttributeValue>[] = [];
  const flush = async () => {
    let requests: WriteRequest[] = batch.map((Item) => ({ PutRequest: { Item } }));
    batch = [];
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(2000, 50 * 2 ** attempt)));
      const res = await target.dynamodb.send(new BatchWriteItemCommand({ RequestItems: { [target.table]: requests } }));
      requests = res.UnprocessedItems?.[target.table] ?? [];
    }
  };
  const take = async (line: string) => {
    hash.update(`${line}\n`);
    batch.push(parseItemLine(line));
    if (++items % 1000 === 0) onProgress(items);
    if (batch.length === BATCH) await flush();
  };
  for await (const chunk of lines) {
    const parts = (rest + decoder.write(Buffer.from(chunk as Uint8Array))).split('\n');
    rest = parts.pop()!;
    for (const line of parts) if (line) await take(line);
  }
  rest += decoder.end();
  if (rest) await take(rest);
  if (batch.length > 0) await flush();
  onProgress(items);
  return { items, sha256: hash.digest('hex') };
}
