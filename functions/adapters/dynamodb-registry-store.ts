/**
 * The RegistryStore port on the single table: a region's agencies (both GSI1 sort-key prefixes,
 * `AGENCY#` and `INACTIVE#`) read with their items for the last sign-in, writes of agencies with
 * their address items and events in one transaction, deactivation (which moves the agency out
 * of the region's `AGENCY#` listing), and the region's reviewers (GSI1 `REVIEWERS#<region>`).
 */
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Agency } from '../domain/agency.js';
import { StateConflictError } from '../services/errors.js';
import type { AuditEvent } from '../services/model.js';
import type { AgencyWrite, RegistryEntry, RegistryStore } from '../services/registry-ports.js';
import { addressChanges, agencyAddressItem, agencyOf, agencyUpdate } from './agency-items.js';
import { batchGetter, type BatchGetter } from './dynamodb-batch-get.js';
import { queryAll } from './dynamodb-query.js';
import { eventItem } from './dynamodb-filing-store.js';
import { KEYS } from './dynamodb-table.js';
import { KEY, part } from './table-keys.js';

type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export class DynamoDbRegistryStore implements RegistryStore {
  private readonly reads: BatchGetter;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.reads = batchGetter(db, table);
  }

  async readAgencies(ids: readonly string[]): Promise<Map<string, Agency>> {
    const items = await Promise.all([...new Set(ids)].map((id) => this.reads.get(KEY.agency(id))));
    return new Map(items.flatMap((i) => (i ? [[i.id as string, agencyOf(i)] as const] : [])));
  }

  async listRegistry(region: string): Promise<RegistryEntry[]> {
    // The index holds the registry fields; the last sign-in lives on the item (one batch read).
    const keys = await queryAll(this.db, {
      TableName: this.table,
      IndexName: KEYS.gsi1,
      KeyConditionExpression: '#pk = :pk',
      FilterExpression: '#t = :agency',
      ExpressionAttributeNames: { '#pk': KEYS.gsi1pk, '#t': 'type' },
      ExpressionAttributeValues: { ':pk': part.region(region), ':agency': 'agency' },
    });
    const items = await Promise.all(keys.map((k) => this.reads.get(KEY.agency(k.id as string))));
    return items.flatMap((i) => (i && i.region === region ? [{ ...agencyOf(i), ...(i.lastSignInAt ? { lastSignInAt: i.lastSignInAt as string } : {}) }] : []));
  }

  async writeAgencies(writes: readonly AgencyWrite[], events: readonly AuditEvent[]): Promise<void> {
    const items: TransactItem[] = [];
    for (const { agency, before } of writes) {
      const update = agencyUpdate(agency);
      items.push({
        Update: {
          TableName: this.table,
          ...update,
          // As read: a new agency is still unregistered, an existing one keeps its region and addresses.
          ...(before
            ? {
                ConditionExpression: '#region = :beforeRegion AND #emails = :beforeEmails',
                ExpressionAttributeValues: { ...update.ExpressionAttributeValues, ':beforeRegion': before.region, ':beforeEmails': before.emails },
              }
            : { ConditionExpression: 'attribute_not_exists(#g1pk)' }),
        },
      });
      const { added, removed } = addressChanges(before?.emails ?? [], agency.emails);
      for (const email of added) items.push({ Put: { TableName: this.table, Item: agencyAddressItem(email, agency.id) } });
      for (const email of removed) items.push({ Delete: { TableName: this.table, Key: KEY.signInAgency(email, agency.id) } });
    }
    for (const event of events) items.push({ Put: { TableName: this.table, Item: eventItem(event) } });
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        if (reasons.some((r) => r.Code === 'ConditionalCheckFailed')) {
          throw new StateConflictError('名录已被他人修改（或同一单位已被登记），未写入任何内容，请刷新后再试');
        }
        if (reasons.some((r) => r.Code === 'TransactionConflict')) {
          throw new StateConflictError('名录正被他人同时修改，未写入任何内容，请稍后再试');
        }
      }
      throw error;
    }
  }

  async setDeactivated(agencyId: string, deactivatedAt: string | undefined, event: AuditEvent): Promise<boolean> {
    const update = deactivatedAt
      ? {
          UpdateExpression: 'SET deactivatedAt = :at, #g1sk = :sk',
          ExpressionAttributeValues: { ':at': deactivatedAt, ':sk': part.inactiveAgency(agencyId) },
        }
      : { UpdateExpression: 'REMOVE deactivatedAt SET #g1sk = :sk', ExpressionAttributeValues: { ':sk': part.agency(agencyId) } };
    try {
      await this.db.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: KEY.agency(agencyId),
                ...update,
                ConditionExpression: 'attribute_exists(#pk)',
                ExpressionAttributeNames: { '#pk': KEYS.pk, '#g1sk': KEYS.gsi1sk },
              },
            },
            { Put: { TableName: this.table, Item: eventItem(event) } },
          ],
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof TransactionCanceledException && error.CancellationReasons?.[0]?.Code === 'ConditionalCheckFailed') return false;
      throw error;
    }
  }

  async listReviewers(region: string): Promise<string[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: KEYS.gsi1,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.gsi1pk },
      ExpressionAttributeValues: { ':pk': part.reviewers(region) },
    });
    return items.map((i) => i[KEYS.gsi1sk] as string);
  }

  async removeReviewer(region: string, email: string): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: KEY.signInReviewer(email, region),
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': KEYS.pk },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
