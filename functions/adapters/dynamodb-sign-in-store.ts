/**
 * The SignInStore port on the single table: an address's registrations under `SIGNIN#<e-mail>`
 * (agency items are written by the filing store's putAgency and the registry store, reviewers
 * here, listed per region in GSI1), the live code per
 * address and role, and fixed-window counters. Codes and counters carry a TTL so DynamoDB drops
 * them; the code still checks expiry itself (TTL deletes only within a day or two).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, DeleteCommand, GetCommand, PutCommand, ScanCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { KEYS } from './dynamodb-table.js';
import { KEY, part } from './table-keys.js';
import { queryAll } from './dynamodb-query.js';
import type { TokenRole } from '../services/model.js';
import type { CodeRecord, LimitOutcome, Registration, SignInStore } from '../services/sign-in-ports.js';

import { agencyAddressItem, reviewerAddressItem } from './agency-items.js';

/** Puts items 25 at a time (BatchWriteItem's limit), retrying what DynamoDB leaves unprocessed. */
async function batchPut(db: DynamoDBDocumentClient, table: string, items: readonly Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < items.length; i += 25) {
    let pending = items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } }));
    for (let round = 0; pending.length > 0; round++) {
      if (round === 8) throw new Error(`BatchWriteItem left ${pending.length} items unprocessed`);
      if (round > 0) await new Promise((r) => setTimeout(r, 10 * 2 ** round));
      const out = await db.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (out.UnprocessedItems?.[table] ?? []) as typeof pending;
    }
  }
}

const epochSeconds = (iso: string | Date) => Math.floor(new Date(iso).getTime() / 1000);

export class DynamoDbSignInStore implements SignInStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async registrations(email: string): Promise<Registration[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.pk },
      ExpressionAttributeValues: { ':pk': part.signIn(email) },
    });
    return items.flatMap((item): Registration[] => {
      const sk = item[KEYS.sk] as string;
      if (sk.startsWith('AGENCY#')) return [{ role: 'filer', agencyId: sk.slice('AGENCY#'.length) }];
      if (sk.startsWith('REVIEWER#')) return [{ role: 'reviewer', region: sk.slice('REVIEWER#'.length) }];
      return [];
    });
  }

  async addReviewer(region: string, email: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: reviewerAddressItem(email, region) }));
  }

  async recordSignIn(agencyId: string, at: string): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEY.agency(agencyId),
          UpdateExpression: 'SET lastSignInAt = :at',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': KEYS.pk },
          ExpressionAttributeValues: { ':at': at },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  /** One Scan of agencies and reviewer items; every address item rewritten (25 per batch write). */
  async repairRegistrations(): Promise<{ agencies: number; addresses: number; reviewers: number }> {
    const counts = { agencies: 0, addresses: 0, reviewers: 0 };
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: '#t = :agency OR (#t = :signIn AND begins_with(#sk, :reviewer))',
          ExpressionAttributeNames: { '#t': 'type', '#sk': KEYS.sk },
          ExpressionAttributeValues: { ':agency': 'agency', ':signIn': 'sign-in', ':reviewer': 'REVIEWER#' },
          ExclusiveStartKey: start,
        }),
      );
      const puts: Record<string, unknown>[] = [];
      for (const item of page.Items ?? []) {
        if (item.type === 'agency') {
          counts.agencies++;
          for (const email of (item.emails as string[] | undefined) ?? []) {
            counts.addresses++;
            puts.push(agencyAddressItem(email, item.id as string));
          }
        } else {
          counts.reviewers++;
          puts.push(reviewerAddressItem(item.email as string, item.region as string));
        }
      }
      await batchPut(this.db, this.table, puts);
      start = page.LastEvaluatedKey;
    } while (start);
    return counts;
  }

  async hit(key: string, limit: number, windowSeconds: number, now: Date): Promise<LimitOutcome> {
    const nowSeconds = epochSeconds(now);
    const window = Math.floor(nowSeconds / windowSeconds);
    const ends = (window + 1) * windowSeconds;
    try {
      // One conditional increment: concurrent Lambdas never count past the limit together.
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEY.limit(key, windowSeconds, window),
          UpdateExpression: 'ADD #n :one SET #ttl = :ttl',
          ConditionExpression: 'attribute_not_exists(#n) OR #n < :limit',
          ExpressionAttributeNames: { '#n': 'count', '#ttl': KEYS.ttl },
          ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':ttl': ends + 3600 },
        }),
      );
      return { allowed: true };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return { allowed: false, retryAfterSeconds: Math.max(1, ends - nowSeconds) };
      throw error;
    }
  }

  async putCode(code: CodeRecord): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...KEY.signInCode(code.email, code.role), type: 'sign-in-code', ...code, [KEYS.ttl]: epochSeconds(code.expiresAt) + 3600 },
      }),
    );
  }

  async getCode(email: string, role: TokenRole): Promise<CodeRecord | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: KEY.signInCode(email, role), ConsistentRead: true }));
    if (!Item) return undefined;
    return { email, role, codeHash: Item.codeHash as string, expiresAt: Item.expiresAt as string, tries: Item.tries as number };
  }

  async countWrongTry(email: string, role: TokenRole, codeHash: string): Promise<number> {
    try {
      const out = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEY.signInCode(email, role),
          UpdateExpression: 'ADD tries :one',
          ConditionExpression: 'codeHash = :hash',
          ExpressionAttributeValues: { ':one': 1, ':hash': codeHash },
          ReturnValues: 'UPDATED_NEW',
        }),
      );
      return out.Attributes?.tries as number;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return 0;
      throw error;
    }
  }

  async consumeCode(email: string, role: TokenRole, codeHash: string): Promise<boolean> {
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.table,
          Key: KEY.signInCode(email, role),
          ConditionExpression: 'codeHash = :hash',
          ExpressionAttributeValues: { ':hash': codeHash },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
