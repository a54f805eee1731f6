/**
 * The StampedCopyStore port on the single table.
 *
 * | item                  | PK          | SK                  | GSI1PK                    | GSI1SK       |
 * |-----------------------|-------------|---------------------|---------------------------|--------------|
 * | revision (+copy)      | AGENCY#<id> | FILING#<y>#REV#<n>  | –                         | –            |
 * | newest stamped copy   | AGENCY#<id> | STAMPED#<y>         | STAMPED#<region>#<y>      | AGENCY#<id>  |
 *
 * The copy is recorded on its revision (`stampedCopy`, what approval checks); the agency-year's
 * newest copy is a small item in GSI1, so the board reads a region's copies with one query. It
 * keeps its fields in `at` and `detail`, attributes GSI1 already projects: no index change.
 * The revision's MODIFY passes by the publisher (it acts only on `approvedAt` appearing).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StampedCopyInfo } from '../contract/stamped-copy.js';
import type { StampedCopyStore, StampedCopyWrite } from '../services/stamped-copy-ports.js';
import { batchGetter } from './dynamodb-batch-get.js';
import { eventItem } from './dynamodb-filing-store.js';
import { queryAll, type Item } from './dynamodb-query.js';
import { KEYS } from './dynamodb-table.js';
import { KEY, part } from './table-keys.js';

function cancelledAt(error: unknown, index: number): boolean {
  return error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
}

function toInfo(item: Item): StampedCopyInfo | undefined {
  const d = item.detail as Record<string, unknown> | undefined;
  if (!d || typeof item.at !== 'string') return undefined;
  return {
    revision: d.revision as number,
    fileName: d.fileName as string,
    contentType: d.contentType as string,
    size: d.size as number,
    uploadedAt: item.at,
  };
}

export class DynamoDbStampedCopyStore implements StampedCopyStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async record(write: StampedCopyWrite): Promise<boolean> {
    const { copy } = write;
    const onRevision = {
      Update: {
        TableName: this.table,
        Key: KEY.revision(write.agencyId, write.year, copy.revision),
        UpdateExpression: 'SET stampedCopy = :c',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#pk': KEYS.pk },
        ExpressionAttributeValues: { ':c': copy },
      },
    };
    const newest = {
      Put: {
        TableName: this.table,
        Item: {
          ...KEY.stampedCopy(write.agencyId, write.year),
          [KEYS.gsi1pk]: part.stampedCopies(write.region, write.year),
          [KEYS.gsi1sk]: part.agency(write.agencyId),
          type: 'stamped-copy',
          agencyId: write.agencyId,
          year: write.year,
          at: copy.uploadedAt,
          detail: { revision: copy.revision, fileName: copy.fileName, contentType: copy.contentType, size: copy.size },
        },
        // A late confirmation of an older revision never hides a newer revision's copy.
        ConditionExpression: 'attribute_not_exists(#pk) OR #d.revision <= :rev',
        ExpressionAttributeNames: { '#pk': KEYS.pk, '#d': 'detail' },
        ExpressionAttributeValues: { ':rev': copy.revision },
      },
    };
    const event = { Put: { TableName: this.table, Item: eventItem(write.event) } };
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [onRevision, newest, event] }));
      return true;
    } catch (error) {
      if (cancelledAt(error, 0)) return false;
      if (!cancelledAt(error, 1)) throw error;
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: [onRevision, event] }));
      return true;
    } catch (error) {
      if (cancelledAt(error, 0)) return false;
      throw error;
    }
  }

  async latest(agencyId: string, year: number): Promise<StampedCopyInfo | undefined> {
    const item = await batchGetter(this.db, this.table).get(KEY.stampedCopy(agencyId, year));
    return item ? toInfo(item) : undefined;
  }

  async forRegion(region: string, year: number): Promise<Map<string, StampedCopyInfo>> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: KEYS.gsi1,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.gsi1pk },
      ExpressionAttributeValues: { ':pk': part.stampedCopies(region, year) },
    });
    const found = new Map<string, StampedCopyInfo>();
    for (const item of items) {
      const info = toInfo(item);
      if (info) found.set(item.agencyId as string, info);
    }
    return found;
  }
}
