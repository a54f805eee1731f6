/**
 * A data folder from an earlier version: GSI1 without `unexplainedCount` in its projection and
 * no GSI2. `ensureTable` (run by `npm start`) rebuilds GSI1 and adds GSI2; the board then reads
 * `unexplainedCount` from the index for items written before the rebuild.
 */
import { randomInt } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { createTableInput, ensureTable, KEYS } from '../../functions/adapters/dynamodb-table.js';
import { readSettings } from '../../functions/settings.js';
import { env } from './helpers.js';

const tableName = `nianbao-migration-${randomInt(0, 1e9)}`;
const client = createDynamoDbClient(readSettings({ NIANBAO_TABLE: tableName, NIANBAO_DYNAMODB_ENDPOINT: env().dynamodbEndpoint }));

afterAll(async () => {
  await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
  client.destroy();
});

describe('ensureTable on a table from before the explanations', () => {
  it('rebuilds GSI1 with the attributes it lacks, adds GSI2, and keeps the items', async () => {
    const shape = createTableInput(tableName);
    const gsi1 = shape.GlobalSecondaryIndexes!.find((i) => i.IndexName === KEYS.gsi1)!;
    const oldGsi1 = {
      ...gsi1,
      Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: gsi1.Projection!.NonKeyAttributes!.filter((a) => a !== 'unexplainedCount') },
    };
    await client.send(
      new CreateTableCommand({
        ...shape,
        AttributeDefinitions: shape.AttributeDefinitions!.filter((a) => !a.AttributeName!.startsWith('GSI2')),
        GlobalSecondaryIndexes: [oldGsi1],
      }),
    );
    await client.send(
      new PutItemCommand({
        TableName: tableName,
        Item: {
          PK: { S: 'AGENCY#a1' },
          SK: { S: 'FILING#2024' },
          GSI1PK: { S: 'REGION#r1#2024' },
          GSI1SK: { S: 'STATUS#submitted#a1' },
          unexplainedCount: { N: '2' },
        },
      }),
    );

    expect(await ensureTable(client, tableName)).toBe('migrated');

    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const indexes = Object.fromEntries((Table!.GlobalSecondaryIndexes ?? []).map((i) => [i.IndexName, i]));
    expect(indexes[KEYS.gsi1]!.Projection!.NonKeyAttributes).toContain('unexplainedCount');
    expect(indexes[KEYS.gsi2]).toBeDefined();
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: KEYS.gsi1,
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': { S: 'REGION#r1#2024' } },
      }),
    );
    expect(Items).toEqual([expect.objectContaining({ unexplainedCount: { N: '2' } })]);

    // in line now: nothing more to do
    expect(await ensureTable(client, tableName)).toBe('existing');
  });
});
