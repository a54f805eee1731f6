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
  type GlobalSecondaryIndexDescription,
  type Projection,
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

/**
 * Creates the table if it is missing (local runtime and tests; on AWS the CDK stack owns it, and
 * docs/deploy.md says how a deployed table's index is rebuilt). A table from an earlier version
 * is brought in line: 'migrated' when an index was added or rebuilt.
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<'created' | 'existing' | 'migrated'> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const changed = await alignIndexes(client, tableName, Table?.GlobalSecondaryIndexes ?? []);
    return changed.length > 0 ? 'migrated' : 'existing';
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

/** The index projects at least what the code reads from it. */
function projectsEnough(current: Projection | undefined, wanted: Projection | undefined): boolean {
  if (current?.ProjectionType === 'ALL') return true;
  if (current?.ProjectionType !== wanted?.ProjectionType) return false;
  const has = new Set(current?.NonKeyAttributes ?? []);
  return (wanted?.NonKeyAttributes ?? []).every((a) => has.has(a));
}

/**
 * A data folder from an earlier version: an index that is missing is added (GSI2 came with the
 * reminders), and one whose projection lacks attributes the code now reads is rebuilt (GSI1
 * gained `unexplainedCount` with the explanations). DynamoDB cannot change a projection in place,
 * so the index is deleted and created again; DynamoDB fills it from the table's items.
 */
async function alignIndexes(
  client: DynamoDBClient,
  tableName: string,
  existing: readonly GlobalSecondaryIndexDescription[],
): Promise<string[]> {
  const shape = createTableInput(tableName);
  const changed: string[] = [];
  for (const index of shape.GlobalSecondaryIndexes ?? []) {
    const name = index.IndexName!;
    const current = existing.find((i) => i.IndexName === name);
    if (current && projectsEnough(current.Projection, index.Projection)) continue;
    if (current) {
      await client.send(new UpdateTableCommand({ TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: name } }] }));
      await waitForIndex(client, tableName, name, 'gone');
    }
    const keys = new Set(index.KeySchema!.map((k) => k.AttributeName));
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: shape.AttributeDefinitions!.filter((a) => keys.has(a.AttributeName)),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
    await waitForIndex(client, tableName, name, 'active');
    changed.push(name);
  }
  return changed;
}

/** Waits (up to a minute) until the index is gone or active: one index change at a time. */
async function waitForIndex(client: DynamoDBClient, tableName: string, name: string, until: 'gone' | 'active'): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    const index = Table?.GlobalSecondaryIndexes?.find((x) => x.IndexName === name);
    if (until === 'gone' ? !index : index?.IndexStatus === 'ACTIVE') return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`索引 ${name} 未能在一分钟内${until === 'gone' ? '删除' : '建成'}（表 ${tableName}）`);
}
