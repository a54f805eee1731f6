/**
 * The stream consumers' batch loop (functions/handlers/stream-batch.ts) and the local pump's
 * record conversion (local/stream-pump.ts), on the record that once held back publishes: a
 * returned filing, whose `returned.cells` is an empty map, which DynamoDB Local's stream writes
 * as `{}` (no type).
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { revisionChange } from '../../functions/adapters/stream-items.js';
import { streamBatchHandler } from '../../functions/handlers/stream-batch.js';
import { toLambdaRecord } from '../../local/stream-pump.js';

const record = (sequence: string, image: Record<string, unknown>): DynamoDBRecord =>
  ({ eventName: 'MODIFY', dynamodb: { SequenceNumber: sequence, NewImage: image } }) as DynamoDBRecord;

describe('the batch loop', () => {
  it('passes by a record it cannot read, and handles the records after it', async () => {
    const handled: string[] = [];
    const handler = streamBatchHandler<string>({
      select: (r) => {
        if (r.dynamodb?.SequenceNumber === '1') throw new Error('No value defined: {}');
        return r.dynamodb?.SequenceNumber;
      },
      handle: async (item) => {
        handled.push(item);
      },
      describe: (item) => item,
    });
    const result = await handler({ Records: [record('1', {}), record('2', {}), record('3', {})] });
    expect(result.batchItemFailures).toEqual([]);
    expect(handled).toEqual(['2', '3']);
  });

  it('still stops at a record whose handling fails, for it to be delivered again', async () => {
    const handler = streamBatchHandler<string>({
      select: (r) => r.dynamodb?.SequenceNumber,
      handle: async (item) => {
        if (item === '2') throw new Error('S3 unavailable');
      },
      describe: (item) => item,
    });
    expect((await handler({ Records: [record('1', {}), record('2', {}), record('3', {})] })).batchItemFailures).toEqual([{ itemIdentifier: '2' }]);
  });
});

describe('the local pump’s records', () => {
  it('read an empty map that DynamoDB Local wrote without a type as an empty map', () => {
    // as the SDK hands over DynamoDB Local's {"returned":{"M":{"cells":{},"comment":{"S":"请修改"}}}}
    const image = {
      type: { S: 'revision' },
      agencyId: { S: '11000000000000000X' },
      year: { N: '2046' },
      revision: { N: '2' },
      review: { S: 'required' },
      approvedAt: { S: '2047-01-10T00:00:00.000Z' },
      returned: { M: { cells: {}, comment: { S: '请修改' } } },
      top: {},
    } as unknown as Record<string, SdkAttributeValue>;
    const { approvedAt: _, ...before } = image;
    const converted = toLambdaRecord({ eventName: 'MODIFY', dynamodb: { NewImage: image, OldImage: before, SequenceNumber: '7' } }, 'arn');
    const item = unmarshall(converted.dynamodb!.NewImage as Record<string, SdkAttributeValue>);
    expect(item.returned).toEqual({ cells: {}, comment: '请修改' });
    expect(item.top).toEqual({});
    expect(revisionChange(converted)?.item).toMatchObject({ revision: 2, approvedAt: '2047-01-10T00:00:00.000Z' });
  });
});
