/**
 * Strongly consistent point reads, coalesced: every `get` issued in the same tick (e.g. under one
 * `Promise.all`) goes out as one BatchGetItem. DynamoDB Local (and DynamoDB's request overhead)
 * makes a batch of three cost about one GetItem, so independent reads of a request share a
 * round trip. Nothing is cached: each call reads the table afresh.
 */
import { BatchGetCommand, GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { KEYS } from './dynamodb-table.js';
import type { Item } from './dynamodb-query.js';

type Key = Record<string, string>;

interface Waiting {
  key: Key;
  resolve: (item: Item | undefined) => void;
  reject: (error: unknown) => void;
}

/** BatchGetItem takes at most 100 keys. */
const MAX_KEYS = 100;
const MAX_ROUNDS = 8;

const keyId = (key: Record<string, unknown>) => `${String(key[KEYS.pk])}\u0000${String(key[KEYS.sk])}`;

export class BatchGetter {
  private waiting: Waiting[] = [];

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  get(key: Key): Promise<Item | undefined> {
    return new Promise((resolve, reject) => {
      if (this.waiting.length === 0) queueMicrotask(() => this.flush());
      this.waiting.push({ key, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.waiting;
    this.waiting = [];
    for (let i = 0; i < batch.length; i += MAX_KEYS) {
      const part = batch.slice(i, i + MAX_KEYS);
      this.read(part).then(
        (found) => part.forEach((w) => w.resolve(found.get(keyId(w.key)))),
        (error) => part.forEach((w) => w.reject(error)),
      );
    }
  }

  private async read(part: Waiting[]): Promise<Map<string, Item>> {
    const found = new Map<string, Item>();
    // The same key asked twice in one tick is read once (BatchGetItem refuses duplicates).
    const keys = [...new Map(part.map((w) => [keyId(w.key), w.key])).values()];
    if (keys.length === 1) {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: keys[0], ConsistentRead: true }));
      if (Item) found.set(keyId(keys[0]!), Item);
      return found;
    }
    let pending: Record<string, unknown>[] = keys;
    for (let round = 0; pending.length > 0; round++) {
      if (round === MAX_ROUNDS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${MAX_ROUNDS} rounds`);
      if (round > 0) await new Promise((r) => setTimeout(r, 10 * 2 ** round));
      const out = await this.db.send(
        new BatchGetCommand({ RequestItems: { [this.table]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of out.Responses?.[this.table] ?? []) found.set(keyId(item), item);
      pending = out.UnprocessedKeys?.[this.table]?.Keys ?? [];
    }
    return found;
  }
}

const shared = new WeakMap<DynamoDBDocumentClient, Map<string, BatchGetter>>();

/** One getter per client and table, so stores built on the same client batch together. */
export function batchGetter(db: DynamoDBDocumentClient, table: string): BatchGetter {
  let byTable = shared.get(db);
  if (!byTable) shared.set(db, (byTable = new Map()));
  let getter = byTable.get(table);
  if (!getter) byTable.set(table, (getter = new BatchGetter(db, table)));
  return getter;
}
