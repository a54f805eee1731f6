/**
 * The single table's shape, defined once: the local runtime creates it from here and the CDK
 * stack mirrors it (key names, the GSI, the stream, TTL).
 *
 * | item        | PK                         | SK                         | GSI1PK                    | GSI1SK                     |
 * |-------------|----------------------------|----------------------------|---------------------------|----------------------------|
 * | agency      | AGENCY#<id>                | AGENCY                     | REGION#<region>           | AGENCY#<id>, INACTIVE#<id> |
 * | filing      | AGENCY#<id>                | FILING#<year>              | REGION#<region>#<year>    | STATUS#<status>#<id>       |
 * | revision    | AGENCY#<id>                | FILING#<year>#REV#<000001> | –                         | –                          |
 * | event       | AGENCY#<id> or REGION#<r>  | EVENT#<iso time>#<random>  | EVENTS#<region>           | <iso time>#<random>        |
 * | token       | TOKEN#<sha256 hex>         | TOKEN                      | TOKENS#<role>#<owner>     | <createdAt>                |
 * | idempotency | IDEMPOTENCY#<scope>#<key>  | IDEMPOTENCY                | –                         | –                          |
 * | sign-in reg | SIGNIN#<e-mail>            | AGENCY#<id>, REVIEWER#<r>  | REVIEWERS#<r> (reviewers) | <e-mail>                   |
 * | sign-in code| SIGNINCODE#<e-mail>        | CODE#<role>                | – (ttl)                   | –                          |
 * | rate limit  | LIMIT#<kind>#<key>         | W#<seconds>#<window>       | – (ttl)                   | –                          |
 *
 * A deactivated agency (`deactivatedAt`) sorts under `INACTIVE#<id>`: the region's `AGENCY#`
 * listing (board, roll-up, filings, the site's region pages) holds only agencies that owe reports.
 *
 * GSI2 is sparse (reminders, docs/reminders.md): a filing carries GSI2PK `OUTSTANDING#<year>`,
 * GSI2SK `<region>#<agencyId>` only while not submitted, so finding who owes a report costs
 * what is outstanding, not the registry. A failed-check window item (`CHECKFAIL#<year>`) carries
 * `CHECKFAILED#<year>`. A sent reminder's claim joins GSI1 under `REMINDERS#<region>#<year>`
 * (the board's last reminders). Reminder claims (`REMINDER#…`, `DIGEST#…`), region contacts
 * (`REGION#<r>`/`CONTACTS`) and undeliverable addresses (`EMAIL#<a>`) are built in table-keys.ts, like every key.
 */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';

export const KEYS = {
  pk: 'PK',
  sk: 'SK',
  gsi1: 'GSI1',
  gsi1pk: 'GSI1PK',
  gsi1sk: 'GSI1SK',
  gsi2: 'GSI2',
  gsi2pk: 'GSI2PK',
  gsi2sk: 'GSI2SK',
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
  'unexplainedCount',
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

/** What the reminder pass needs from an outstanding or failed filing, without reading the item. */
export const GSI2_ATTRIBUTES = ['agencyId', 'region', 'year', 'status', 'lastSubmittedAt', 'lastFailedAt', 'errorCount'] as const;

const gsi2 = {
  IndexName: KEYS.gsi2,
  KeySchema: [
    { AttributeName: KEYS.gsi2pk, KeyType: 'HASH' as const },
    { AttributeName: KEYS.gsi2sk, KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'INCLUDE' as const, NonKeyAttributes: [...GSI2_ATTRIBUTES] },
};

export function createTableInput(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: KEYS.pk, AttributeType: 'S' },
      { AttributeName: KEYS.sk, AttributeType: 'S' },
      { AttributeName: KEYS.gsi1pk, AttributeType: 'S' },
      { AttributeName: KEYS.gsi1sk, AttributeType: 'S' },
      { AttributeName: KEYS.gsi2pk, AttributeType: 'S' },
      { AttributeName: KEYS.gsi2sk, AttributeType: 'S' },
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
      gsi2,
    ],
    // The publisher and the notifier read the stream (docs/architecture.md, the flows).
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
  };
}

/** Creates the table if it is missing (local runtime and tests; on AWS the CDK stack owns it). */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existing'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A data folder from before the reminders index: add it in place.
    if (!Table?.GlobalSecondaryIndexes?.some((i) => i.IndexName === KEYS.gsi2)) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [
            { AttributeName: KEYS.gsi2pk, AttributeType: 'S' },
            { AttributeName: KEYS.gsi2sk, AttributeType: 'S' },
          ],
          GlobalSecondaryIndexUpdates: [{ Create: gsi2 }],
        }),
      );
    }
    return 'existing';
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await createTable(client, tableName);
  return 'created';
}

/**
 * Creates the table, waits until it is active and turns on TTL. `stream: false` leaves the
 * stream off: a restore (local/backup/) loads every item first, which must not reach the
 * publisher and the notifier as new writes, then calls enableStream.
 */
export async function createTable(client: DynamoDBClient, tableName: string, options: { stream?: boolean } = {}): Promise<void> {
  const input = createTableInput(tableName);
  if (options.stream === false) delete input.StreamSpecification;
  await client.send(new CreateTableCommand(input));
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
}

/** Turns on the table's stream as createTableInput defines it (after a restore's load). */
export async function enableStream(client: DynamoDBClient, tableName: string): Promise<void> {
  await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: createTableInput(tableName).StreamSpecification! }));
}
