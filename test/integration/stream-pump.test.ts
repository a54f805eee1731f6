/**
 * The local stream pump against DynamoDB Local's stream: where it starts reading. A new pump
 * reads everything the stream holds (as a new event source mapping at TRIM_HORIZON); with
 * `startAt: 'latest'` only what is written once it has started, which is what each test file's
 * pump on the shared table wants.
 */
import { randomBytes } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { KEYS } from '../../functions/adapters/dynamodb-table.js';
import { startStreamPump, type StreamPump } from '../../local/stream-pump.js';
import { env, testConfig } from './helpers.js';

const prefix = `PUMPTEST#${randomBytes(4).toString('hex')}#`;
const db = createDocumentClient(testConfig());
const put = (name: string, attributes: Record<string, unknown> = {}) =>
  db.send(new PutCommand({ TableName: env().table, Item: { [KEYS.pk]: `${prefix}${name}`, [KEYS.sk]: 'ITEM', type: 'pump-test', ...attributes } }));

/** A pump that keeps this file's items as it is handed them: name, and the image decoded by the SDK. */
async function pumpSeeing(startAt: 'latest' | 'trim-horizon' | undefined): Promise<{ pump: StreamPump; seen: { name: string; image: Record<string, unknown> }[] }> {
  const seen: { name: string; image: Record<string, unknown> }[] = [];
  const pump = await startStreamPump({
    dynamodbEndpoint: env().dynamodbEndpoint,
    table: env().table,
    pollMs: 50,
    ...(startAt ? { startAt } : {}),
    log: () => undefined,
    handler: async (event) => {
      for (const r of event.Records) {
        const pk = r.dynamodb?.Keys?.[KEYS.pk]?.S ?? '';
        if (pk.startsWith(prefix)) seen.push({ name: pk.slice(prefix.length), image: unmarshall(r.dynamodb!.NewImage as Record<string, AttributeValue>) });
      }
    },
  });
  return { pump, seen };
}

describe('the stream pump’s starting point', () => {
  it('reads the stream from its start by default, and from the moment it started with startAt latest', async () => {
    await put('before');
    const whole = await pumpSeeing(undefined);
    const latest = await pumpSeeing('latest');
    await put('after');
    try {
      const names = (seen: { name: string }[]) => seen.map((s) => s.name);
      await expect.poll(() => names(whole.seen), { timeout: 30_000 }).toEqual(['before', 'after']);
      await expect.poll(() => names(latest.seen), { timeout: 30_000 }).toEqual(['after']);
      await latest.pump.drain();
      expect(names(latest.seen)).toEqual(['after']);
    } finally {
      await whole.pump.stop();
      await latest.pump.stop();
    }
  }, 90_000);

  it('hands over an item with empty maps (a returned filing’s `returned.cells`) as the SDK can read it', async () => {
    const { pump, seen } = await pumpSeeing('latest');
    try {
      await put('maps', { returned: { comment: '请修改', cells: {} }, nested: { a: { b: {} } }, top: {} });
      await expect.poll(() => seen.length, { timeout: 30_000 }).toBe(1);
      expect(seen[0]!.image).toMatchObject({ returned: { comment: '请修改', cells: {} }, nested: { a: { b: {} } }, top: {} });
    } finally {
      await pump.stop();
    }
  }, 90_000);
});
