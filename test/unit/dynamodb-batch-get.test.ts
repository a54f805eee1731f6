import { describe, expect, it } from 'vitest';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetter } from '../../functions/adapters/dynamodb-batch-get.js';

type Key = { PK: string; SK: string };

/** A client answering from a map, recording each command; the first batch leaves one key unprocessed. */
function fakeDb(items: Key[], unprocessedOnce = false) {
  const sent: { name: string; input: any }[] = [];
  let leftOne = !unprocessedOnce;
  const has = (k: Key) => items.find((i) => i.PK === k.PK && i.SK === k.SK);
  const db = {
    send: async (command: { constructor: { name: string }; input: any }) => {
      sent.push({ name: command.constructor.name, input: command.input });
      if (command.constructor.name === 'GetCommand') return { Item: has(command.input.Key) };
      const keys: Key[] = command.input.RequestItems.t.Keys;
      const served = leftOne ? keys : keys.slice(1);
      const unprocessed = leftOne ? [] : keys.slice(0, 1);
      leftOne = true;
      return {
        Responses: { t: served.map(has).filter(Boolean) },
        ...(unprocessed.length ? { UnprocessedKeys: { t: { Keys: unprocessed } } } : {}),
      };
    },
  };
  return { db: db as unknown as DynamoDBDocumentClient, sent };
}

describe('BatchGetter', () => {
  it('sends reads issued in the same tick as one consistent BatchGetItem, each caller getting its own item', async () => {
    const a = { PK: 'A', SK: '1' };
    const b = { PK: 'B', SK: '1' };
    const { db, sent } = fakeDb([a, b]);
    const getter = new BatchGetter(db, 't');
    const [ra, rb, missing, again] = await Promise.all([getter.get(a), getter.get(b), getter.get({ PK: 'C', SK: '1' }), getter.get(a)]);
    expect([ra, rb, missing, again]).toEqual([a, b, undefined, a]);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.name).toBe('BatchGetCommand');
    // duplicates are asked once; every read is strongly consistent
    expect(sent[0]!.input.RequestItems.t).toEqual({ Keys: [a, b, { PK: 'C', SK: '1' }], ConsistentRead: true });
  });

  it('reads a lone key with a consistent GetItem, and reads again next time (no caching)', async () => {
    const a = { PK: 'A', SK: '1' };
    const { db, sent } = fakeDb([a]);
    const getter = new BatchGetter(db, 't');
    expect(await getter.get(a)).toEqual(a);
    expect(await getter.get(a)).toEqual(a);
    expect(sent.map((s) => [s.name, s.input.ConsistentRead])).toEqual([
      ['GetCommand', true],
      ['GetCommand', true],
    ]);
  });

  it('asks again for keys DynamoDB left unprocessed', async () => {
    const a = { PK: 'A', SK: '1' };
    const b = { PK: 'B', SK: '1' };
    const { db, sent } = fakeDb([a, b], true);
    const getter = new BatchGetter(db, 't');
    expect(await Promise.all([getter.get(a), getter.get(b)])).toEqual([a, b]);
    expect(sent).toHaveLength(2);
    expect(sent[1]!.input.RequestItems.t.Keys).toEqual([a]);
  });
});
