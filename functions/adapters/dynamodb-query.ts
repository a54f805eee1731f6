/** Query helpers the DynamoDB adapters share. */
import { part } from './table-keys.js';
import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { KEYS } from './dynamodb-table.js';

export type Item = Record<string, unknown>;

/** Every item a query matches, following LastEvaluatedKey; `onPage` sees each page (e.g. to count reads). */
export async function queryAll(
  db: DynamoDBDocumentClient,
  input: QueryCommandInput,
  onPage?: (page: QueryCommandOutput) => void,
): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
    onPage?.(page);
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** The agencies registered in a region: one GSI1 query. */
export function regionAgenciesQuery(table: string, region: string): QueryCommandInput {
  return {
    TableName: table,
    IndexName: KEYS.gsi1,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ExpressionAttributeNames: { '#pk': KEYS.gsi1pk, '#sk': KEYS.gsi1sk },
    ExpressionAttributeValues: { ':pk': part.region(region), ':prefix': part.agencyPrefix },
  };
}
