/**
 * The single table's shape, defined once: the local runtime creates it from here and the CDK
 * stack mirrors it (key names, the GSI, the stream, TTL).
 *
 * | item        | PK                         | SK                         | GSI1PK                    | GSI1SK                     |
 * |-------------|----------------------------|----------------------------|---------------------------|----------------------------|
 * | agency      | AGENCY#<id>                | AGENCY                     | REGION#<region>           | AGENCY#<id>                |
 * | filing      | AGENCY#<id>                | FILING#<year>              | REGION#<region>#<year>    | STATUS#<status>#<id>       |
 * | revision    | AGENCY#<id>                | FILING#<year>#REV#<000001> | –                         | –                          |
 * | event       | AGENCY#<id> or REGION#<r>  | EVENT#<iso time>#<random>  | EVENTS#<region>           | <iso time>#<random>        |
 * | token       | TOKEN#<sha256 hex>         | TOKEN                      | TOKENS#<role>#<owner>     | <createdAt>                |
 * | idempotency | IDEMPOTENCY#<scope>#<key>  | IDEMPOTENCY                | –                         | –                          |
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';

export const KEYS = {
  pk: 'PK',
  sk: 'SK',
  gsi1: 'GSI1',
  gsi1pk: 'GSI1PK',
  gsi1sk: 'GSI1SK',
  ttl: 'ttl',
} as const;

/** Attributes the region index carries, so a listing never reads drafts. */
export const GSI1_ATTRIBUTES = [
  'type',
  'id',
  'name',
  'region',
  'kind',
  'emails',
  'agencyId',
  'year',
  'status',
  'version',
  'errorCount',
  'warningCount',
  'latestRevision',
  'lastSubmittedAt',
  'updatedAt',
  'role',
  'hash',
  'createdAt',
  'expiresAt',
  'revokedAt',
  'eventType',
  'at',
  'actor',
  'detail',
] as const;

export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: KEYS.pk, AttributeType: 'S' },
      { AttributeName: KEYS.sk, AttributeType: 'S' },
      { AttributeName: KEYS.gsi1pk, AttributeType: 'S' },
      { AttributeName: KEYS.gsi1sk, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: KEYS.pk, KeyType: 'HASH' },
      { AttributeName: KEYS.sk, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: KEYS.gsi1,
        KeySchema: [
          { AttributeName: KEYS.gsi1pk, KeyType: 'HASH' },
          { AttributeName: KEYS.gsi1sk, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: [...GSI1_ATTRIBUTES] },
      },
    ],
    // The publisher and the notifier read the stream (DESIGN.md §3).
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

/** Creates the table if it is missing (local runtime and tests; on AWS the CDK stack owns it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existing'> {
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(new CreateTableCommand(createTableInput(tableName)));
  for (let i = 0; i < 100; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (Table?.TableStatus === 'ACTIVE') break;
    await new Promise((r) => setTimeout(r, 100));
  }
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: KEYS.ttl, Enabled: true },
    }),
  );
  return 'created';
}
