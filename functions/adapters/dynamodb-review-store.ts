/**
 * The ReviewStore port on the single table. Status transitions are conditional updates of the
 * filing item, never a rewrite: a draft save racing them cannot undo them (it updates only the
 * draft's attributes), and each names the revision the reviewer saw, so a newer submission wins.
 *
 * | item            | PK           | SK        | notes                                          |
 * |-----------------|--------------|-----------|------------------------------------------------|
 * | region settings | REGION#<r>   | SETTINGS  | `review: none | required`                      |
 * | filing          | AGENCY#<id>  | FILING#<y>| + `returned` (comments) while returned         |
 * | revision        | AGENCY#<id>  | FILING#<y>#REV#<n> | + `approvedAt`, `approvedBy` (its MODIFY publishes) |
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AuditEvent } from '../services/model.js';
import { RegionSettings } from '../contract/filing-api.js';
import type { ApproveWrite, LastFailure, ReturnWrite, ReviewStore } from '../services/review-ports.js';
import { eventItem } from './dynamodb-filing-store.js';
import { KEY, part, unpublishedKeys } from './table-keys.js';
import { queryAll } from './dynamodb-query.js';
import { batchGetter } from './dynamodb-batch-get.js';
import { FILED_STATUSES } from '../domain/filing-status.js';
import { KEYS } from './dynamodb-table.js';
import { sentRemindersPk } from './reminder-items.js';


/** States a reviewer may return from: any filed report (a published one may be returned for an amendment). */
const RETURNABLE = FILED_STATUSES;

function conditionFailed(error: unknown, index: number): boolean {
  return error instanceof TransactionCanceledException && error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
}

export class DynamoDbReviewStore implements ReviewStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getRegionSettings(region: string): Promise<RegionSettings> {
    // Read fresh every time (batched with the request's other reads): the gate is never stale.
    const Item = await batchGetter(this.db, this.table).get(KEY.regionSettings(region));
    return RegionSettings.parse({ review: Item?.review ?? 'none', stampedCopy: Item?.stampedCopy ?? 'none', publishStampedCopy: Item?.publishStampedCopy === true });
  }

  async putRegionSettings(region: string, settings: RegionSettings, event: AuditEvent): Promise<void> {
    await this.db.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: { ...KEY.regionSettings(region), type: 'region-settings', region, ...settings, updatedAt: event.at } } },
          { Put: { TableName: this.table, Item: eventItem(event) } },
        ],
      }),
    );
  }

  async returnFiling(write: ReturnWrite): Promise<boolean> {
    const values: Record<string, unknown> = {
      ':s': 'returned',
      ':gsk': part.statusSk('returned', write.agencyId),
      // Back in the outstanding index (dynamodb-table.ts): reminders resume.
      ':opk': `OUTSTANDING#${write.year}`,
      ':rev': write.revision,
      ':c': write.comments,
      ':u': write.comments.returnedAt,
    };
    RETURNABLE.forEach((s, i) => (values[`:r${i}`] = s));
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: KEY.filing(write.agencyId, write.year),
                UpdateExpression: 'SET #s = :s, #g1 = :gsk, #g2pk = :opk, #g2sk = :osk, returned = :c, updatedAt = :u',
                ConditionExpression: `latestRevision = :rev AND #s IN (${RETURNABLE.map((_, i) => `:r${i}`).join(', ')})`,
                ExpressionAttributeNames: { '#s': 'status', '#g1': KEYS.gsi1sk, '#g2pk': KEYS.gsi2pk, '#g2sk': KEYS.gsi2sk },
                ExpressionAttributeValues: { ...values, ':osk': `${write.event.region}#${write.agencyId}` },
              },
            },
            { Put: { TableName: this.table, Item: eventItem(write.event) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error, 0)) return false;
      throw error;
    }
  }

  async approveFiling(write: ApproveWrite): Promise<boolean> {
    const unpublished = unpublishedKeys(write.agencyId, write.year, write.at);
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              // Accepted like a submission in a region without review; the publisher marks it published.
              Update: {
                TableName: this.table,
                Key: KEY.filing(write.agencyId, write.year),
                // Into the repair pass's index of what waits for its page (table-keys.ts unpublishedKeys).
                UpdateExpression: 'SET #s = :s, #g1 = :gsk, #g2pk = :upk, #g2sk = :usk, updatedAt = :at',
                ConditionExpression: 'latestRevision = :rev AND #s = :waiting',
                ExpressionAttributeNames: { '#s': 'status', '#g1': KEYS.gsi1sk, '#g2pk': KEYS.gsi2pk, '#g2sk': KEYS.gsi2sk },
                ExpressionAttributeValues: {
                  ':s': 'submitted',
                  ':gsk': part.statusSk('submitted', write.agencyId),
                  ':upk': unpublished[KEYS.gsi2pk],
                  ':usk': unpublished[KEYS.gsi2sk],
                  ':rev': write.revision,
                  ':waiting': 'awaiting_approval',
                  ':at': write.at,
                },
              },
            },
            {
              // The revision's MODIFY with approvedAt is what the publisher acts on (publish-stream.ts).
              Update: {
                TableName: this.table,
                Key: KEY.revision(write.agencyId, write.year, write.revision),
                UpdateExpression: 'SET approvedAt = :at, approvedBy = :by',
                // The region's stamped-copy rule holds even against a check that raced an upload.
                ConditionExpression: `attribute_exists(#pk) AND attribute_not_exists(approvedAt)${write.requireStampedCopy ? ' AND attribute_exists(stampedCopy)' : ''}`,
                ExpressionAttributeNames: { '#pk': KEYS.pk },
                ExpressionAttributeValues: { ':at': write.at, ':by': write.by },
              },
            },
            { Put: { TableName: this.table, Item: eventItem(write.event) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (conditionFailed(error, 0) || conditionFailed(error, 1)) return false;
      throw error;
    }
  }

  async lastFailures(region: string, year: number): Promise<Map<string, LastFailure>> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: KEYS.gsi2,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': KEYS.gsi2pk, '#sk': KEYS.gsi2sk },
      ExpressionAttributeValues: { ':pk': `CHECKFAILED#${year}`, ':prefix': `${region}#` },
    });
    return new Map(
      items
        .filter((i) => typeof i.lastFailedAt === 'string')
        .map((i) => [
          i.agencyId as string,
          { agencyId: i.agencyId as string, lastFailedAt: i.lastFailedAt as string, errorCount: (i.errorCount as number | undefined) ?? 0 },
        ]),
    );
  }

  async lastReminders(region: string, year: number): Promise<Map<string, string>> {
    // One query for the region-year: sent reminders carry its index keys (sentReminderKeys).
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: KEYS.gsi1,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.gsi1pk, '#at': 'at' },
      ExpressionAttributeValues: { ':pk': sentRemindersPk(region, year) },
      ProjectionExpression: 'agencyId, #at',
    });
    const found = new Map<string, string>();
    for (const i of items) {
      const agencyId = i.agencyId as string;
      const at = i.at as string;
      if (!found.has(agencyId) || found.get(agencyId)! < at) found.set(agencyId, at);
    }
    return found;
  }
}
