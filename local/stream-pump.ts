/**
 * The local stand-in for a Lambda event source mapping on the table's stream: reads DynamoDB
 * Local's stream (DescribeStream, GetShardIterator, GetRecords), builds the DynamoDBStreamEvent
 * AWS would deliver and calls the handler. As the mapping does with ReportBatchItemFailures, it
 * resumes from the first failed record, a few times with backoff, then gives up on the batch
 * (AWS would hand it to the on-failure destination) and moves on.
 */
import { LOCAL_CREDENTIALS } from '../functions/settings.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  ExpiredIteratorException,
  GetRecordsCommand,
  GetShardIteratorCommand,
  TrimmedDataAccessException,
  type AttributeValue as SdkAttributeValue,
  type _Record as SdkRecord,
  type Shard,
} from '@aws-sdk/client-dynamodb-streams';
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export type StreamHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | void>;

export interface StreamPumpOptions {
  dynamodbEndpoint: string;
  table: string;
  handler: StreamHandler;
  region?: string;
  /** pause between polls when the stream is idle */
  pollMs?: number;
  /** records per event (the mapping's BatchSize) */
  batchSize?: number;
  /** redeliveries of a failing batch before giving up on it (the mapping's MaximumRetryAttempts) */
  maxRetries?: number;
  retryDelayMs?: number;
  /** the longest wait between polls while the stream cannot be read (default 10 s) */
  maxErrorDelayMs?: number;
  /** where to remember how far each shard was read, so a restart does not replay the stream */
  checkpointFile?: string;
  /**
   * Where the shards open at start are read from: `trim-horizon` (default) everything the stream
   * still holds, past the checkpoint if there is one; `latest` only what is written once the pump
   * has started (tests sharing one table, which would otherwise read every other file's records
   * first). Shards that appear later are always read from their start.
   */
  startAt?: 'trim-horizon' | 'latest';
  log?: (line: string) => void;
}

export interface StreamPump {
  /** resolves once a poll that started after the call found nothing new */
  drain(timeoutMs?: number): Promise<void>;
  /**
   * Finishes the batch in hand (its handler has returned) and reads nothing more until the
   * returned release is called: `nianbao backup` copies the bucket while the publisher rests.
   */
  hold(): Promise<() => void>;
  stop(): Promise<void>;
  readonly stats: { events: number; records: number; retries: number; abandoned: number; failedPolls: number };
}

interface ShardState {
  id: string;
  parent?: string;
  iterator?: string;
  lastSequence?: string;
  /** read from LATEST until a record is read (startAt: 'latest') */
  latest?: boolean;
  done: boolean;
}

interface Checkpoint {
  streamArn: string;
  shards: Record<string, string>;
}

/** SDK stream images use Uint8Array for binary; Lambda events carry base64 strings. */
function toLambdaValue(v: SdkAttributeValue): AttributeValue {
  // DynamoDB Local's stream writes an empty map as {} (no type at all); AWS writes {"M":{}}, and
  // the SDK's unmarshall refuses a value without a type. A returned filing's `returned.cells` is
  // one: the record would fail every delivery, and every record batched with it.
  if (Object.values(v).every((x) => x === undefined)) return { M: {} };
  if (v.B !== undefined) return { B: Buffer.from(v.B).toString('base64') };
  if (v.BS !== undefined) return { BS: v.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (v.M !== undefined) return { M: toLambdaImage(v.M) ?? {} };
  if (v.L !== undefined) return { L: v.L.map(toLambdaValue) };
  return v as AttributeValue;
}

export function toLambdaImage(image: Record<string, SdkAttributeValue> | undefined): Record<string, AttributeValue> | undefined {
  if (!image) return undefined;
  return Object.fromEntries(Object.entries(image).map(([k, v]) => [k, toLambdaValue(v)]));
}

export function toLambdaRecord(r: SdkRecord, streamArn: string): DynamoDBRecord {
  const d = r.dynamodb ?? {};
  const created = d.ApproximateCreationDateTime;
  return {
    eventID: r.eventID,
    eventName: r.eventName as DynamoDBRecord['eventName'],
    eventVersion: r.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: r.awsRegion ?? 'us-east-1',
    eventSourceARN: streamArn,
    dynamodb: {
      ...(created ? { ApproximateCreationDateTime: Math.floor(new Date(created).getTime() / 1000) } : {}),
      Keys: toLambdaImage(d.Keys),
      ...(d.NewImage ? { NewImage: toLambdaImage(d.NewImage) } : {}),
      ...(d.OldImage ? { OldImage: toLambdaImage(d.OldImage) } : {}),
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType as NonNullable<DynamoDBRecord['dynamodb']>['StreamViewType'],
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startStreamPump(options: StreamPumpOptions): Promise<StreamPump> {
  const region = options.region ?? 'us-east-1';
  const pollMs = options.pollMs ?? 250;
  const batchSize = options.batchSize ?? 100;
  const maxRetries = options.maxRetries ?? 3;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clientOptions = { endpoint: options.dynamodbEndpoint, region, credentials: LOCAL_CREDENTIALS };
  const ddb = new DynamoDBClient(clientOptions);
  const streams = new DynamoDBStreamsClient(clientOptions);

  const { Table } = await ddb.send(new DescribeTableCommand({ TableName: options.table }));
  ddb.destroy();
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn || !Table?.StreamSpecification?.StreamEnabled) {
    streams.destroy();
    throw new Error(`table ${options.table} has no stream: create it with StreamSpecification NEW_AND_OLD_IMAGES`);
  }

  let saved: Checkpoint | undefined;
  if (options.checkpointFile && existsSync(options.checkpointFile)) {
    try {
      saved = JSON.parse(readFileSync(options.checkpointFile, 'utf8')) as Checkpoint;
      if (saved.streamArn !== streamArn) saved = undefined;
    } catch {
      saved = undefined;
    }
  }
  const shards = new Map<string, ShardState>();
  const stats = { events: 0, records: 0, retries: 0, abandoned: 0, failedPolls: 0 };
  let stopped = false;
  let cycle = 0;
  const waiters: { after: number; resolve: () => void }[] = [];
  // hold(): while `holds` > 0 the loop parks at its next gate and tells the holders it rests.
  let holds = 0;
  let parked: (() => void)[] = [];
  let resumed: { promise: Promise<void>; resolve: () => void } | undefined;
  const gate = async () => {
    while (holds > 0 && resumed && !stopped) {
      for (const p of parked.splice(0)) p();
      await resumed.promise;
    }
  };

  const saveCheckpoint = () => {
    if (!options.checkpointFile) return;
    const positions: Record<string, string> = {};
    for (const s of shards.values()) if (s.lastSequence) positions[s.id] = s.lastSequence;
    writeFileSync(options.checkpointFile, JSON.stringify({ streamArn, shards: positions }));
  };

  /** shards the stream described as closed when first seen */
  const closed = new Set<string>();
  const discover = async () => {
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ...(start ? { ExclusiveStartShardId: start } : {}) }),
      );
      for (const shard of StreamDescription?.Shards ?? ([] as Shard[])) {
        if (!shard.ShardId || shards.has(shard.ShardId)) continue;
        if (shard.SequenceNumberRange?.EndingSequenceNumber) closed.add(shard.ShardId);
        const last = saved?.shards[shard.ShardId];
        shards.set(shard.ShardId, {
          id: shard.ShardId,
          ...(shard.ParentShardId ? { parent: shard.ParentShardId } : {}),
          ...(last ? { lastSequence: last } : {}),
          done: false,
        });
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
  };

  const iteratorFor = async (s: ShardState) => {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: s.id,
        ...(s.lastSequence
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: s.lastSequence }
          : { ShardIteratorType: s.latest ? 'LATEST' : 'TRIM_HORIZON' }),
      }),
    );
    return ShardIterator;
  };

  /** Delivers one batch; resumes from the first failure, then gives up after maxRetries. */
  const deliver = async (records: DynamoDBRecord[]) => {
    let pending = records;
    for (let attempt = 0; pending.length > 0; attempt++) {
      stats.events++;
      let failedAt: number;
      try {
        const result = await options.handler({ Records: pending });
        const failed = new Set((result?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
        failedAt = failed.size === 0 ? -1 : pending.findIndex((r) => failed.has(r.dynamodb?.SequenceNumber ?? ''));
        if (failed.size > 0 && failedAt < 0) failedAt = 0;
      } catch (error) {
        log(`stream pump: handler threw: ${(error as Error).message}`);
        failedAt = 0;
      }
      if (failedAt < 0) return;
      if (attempt >= maxRetries) {
        stats.abandoned += pending.length - failedAt;
        log(`stream pump: gave up on ${pending.length - failedAt} record(s) from ${pending[failedAt]?.dynamodb?.SequenceNumber} after ${attempt + 1} deliveries`);
        return;
      }
      stats.retries++;
      pending = pending.slice(failedAt);
      await sleep(retryDelayMs * 2 ** attempt);
    }
  };

  const pollShard = async (s: ShardState): Promise<number> => {
    s.iterator ??= await iteratorFor(s);
    if (!s.iterator) {
      s.done = true;
      return 0;
    }
    let got = 0;
    while (!stopped) {
      await gate();
      if (stopped) return got;
      let page;
      try {
        page = await streams.send(new GetRecordsCommand({ ShardIterator: s.iterator, Limit: batchSize }));
      } catch (error) {
        if (error instanceof ExpiredIteratorException || error instanceof TrimmedDataAccessException) {
          delete s.iterator;
          return got;
        }
        throw error;
      }
      const records = (page.Records ?? []).map((r) => toLambdaRecord(r, streamArn));
      if (records.length > 0) {
        await deliver(records);
        stats.records += records.length;
        s.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber ?? s.lastSequence;
        saveCheckpoint();
        got += records.length;
      }
      if (!page.NextShardIterator) {
        s.done = true;
        delete s.iterator;
        return got;
      }
      s.iterator = page.NextShardIterator;
      if (records.length === 0) return got;
    }
    return got;
  };

  // While DynamoDB is unreachable the poll fails at once: wait longer each time (up to
  // maxErrorDelayMs) and log the first failure and the recovery, not every attempt.
  const maxErrorDelayMs = options.maxErrorDelayMs ?? 10_000;
  let failing = 0;
  // stop() must not wait out a long pause.
  const stopping = new AbortController();
  const rest = (ms: number) =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        stopping.signal.removeEventListener('abort', wake);
        resolve();
      }, ms);
      stopping.signal.addEventListener('abort', wake, { once: true });
    });
  const loop = async () => {
    while (!stopped) {
      const thisCycle = ++cycle;
      let got = 0;
      try {
        await discover();
        for (const s of shards.values()) {
          if (s.done || stopped) continue;
          // A child shard waits until its parent is read to the end, to keep per-item order.
          if (s.parent && shards.get(s.parent) && !shards.get(s.parent)!.done) continue;
          got += await pollShard(s);
        }
        if (failing > 0) log(`stream pump: reading the stream again after ${failing} failed poll(s)`);
        failing = 0;
      } catch (error) {
        if (stopped) break;
        // A restarted DynamoDB Local does not know the old iterators; start again from the checkpoint.
        for (const s of shards.values()) delete s.iterator;
        const delay = Math.min(maxErrorDelayMs, pollMs * 2 ** Math.min(failing, 10));
        if (failing === 0 || (delay === maxErrorDelayMs && failing % 6 === 0)) {
          log(`stream pump: ${(error as Error).message} (retrying with backoff, now ${delay} ms)`);
        }
        failing++;
        stats.failedPolls++;
        await rest(delay);
        continue;
      }
      if (got === 0) {
        for (const w of waiters.splice(0)) {
          if (w.after < thisCycle) w.resolve();
          else waiters.push(w);
        }
      }
      if (!stopped && got === 0) await rest(pollMs);
      await gate();
    }
  };
  if (options.startAt === 'latest') {
    // Iterators taken before the pump is handed out: whatever the caller writes next is read.
    await discover();
    for (const s of shards.values()) {
      if (s.lastSequence) continue;
      if (closed.has(s.id)) s.done = true;
      else {
        s.latest = true;
        s.iterator = await iteratorFor(s);
      }
    }
  }
  const running = loop();

  return {
    stats,
    drain(timeoutMs = 30_000) {
      const after = cycle;
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`stream pump did not drain within ${timeoutMs} ms`)), timeoutMs);
        waiters.push({
          after,
          resolve: () => {
            clearTimeout(timer);
            resolve();
          },
        });
      });
    },
    hold() {
      holds++;
      if (!resumed) {
        let resolve!: () => void;
        const promise = new Promise<void>((r) => (resolve = r));
        resumed = { promise, resolve };
      }
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        holds--;
        if (holds === 0 && resumed) {
          resumed.resolve();
          resumed = undefined;
        }
      };
      if (stopped) return Promise.resolve(release);
      return new Promise<() => void>((resolve) => parked.push(() => resolve(release)));
    },
    async stop() {
      stopped = true;
      for (const p of parked.splice(0)) p();
      resumed?.resolve();
      stopping.abort();
      await running;
      streams.destroy();
    },
  };
}
