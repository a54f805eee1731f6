/**
 * The ReminderStore port on the single table (keys in reminder-items.ts). Counts the items it
 * reads and the read capacity reported, for `bench:remind` and the pass summary.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  GetCommand,
  PutCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Agency } from '../domain/agency.js';
import { agencyOf } from './agency-items.js';
import type {
  CheckFailure,
  CheckFailureInput,
  CheckFailureOutcome,
  ClaimId,
  ClaimInput,
  ClaimOutcome,
  ClaimStatus,
  OutstandingFiling,
  RegionContacts,
  ReminderStore,
} from '../services/reminder-ports.js';
import { KEYS } from './dynamodb-table.js';
import { queryAll, type Item } from './dynamodb-query.js';
import { outstandingKeys, sentReminderKeys } from './reminder-items.js';
import { KEY, part } from './table-keys.js';

type Key = Record<string, string>;

const BATCH_GET_LIMIT = 100;
/** event ids remembered per window item, so a redelivered stream record is not counted twice */
const SEEN_EVENTS = 50;
/** claims are kept a year and a half, past the next year's schedule */
const CLAIM_TTL_SECONDS = 550 * 24 * 3600;

export interface ReadStats {
  itemsRead: number;
  readUnits: number;
  requests: number;
}

function claimKey(id: ClaimId): Key {
  switch (id.kind) {
    case 'reminder':
      return KEY.reminder(id.agencyId, id.year, id.step);
    case 'digest':
      return KEY.digest(id.region, id.year, id.date);
    case 'undeliverable':
      return KEY.undeliverable(id.address);
    case 'returned':
      return KEY.returned(id.agencyId, id.year, id.eventId);
  }
}

function claimFields(id: ClaimId): Item {
  switch (id.kind) {
    case 'reminder':
      return { type: 'reminder-claim', agencyId: id.agencyId, year: id.year, step: id.step };
    case 'digest':
      return { type: 'digest-claim', region: id.region, year: id.year, date: id.date };
    case 'undeliverable':
      // The claim item is also the mark: once it exists the address is never mailed again.
      return { type: 'undeliverable', address: id.address.toLowerCase() };
    case 'returned':
      return { type: 'returned-claim', agencyId: id.agencyId, year: id.year };
  }
}

export class DynamoDbReminderStore implements ReminderStore {
  readonly stats: ReadStats = { itemsRead: 0, readUnits: 0, requests: 0 };

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  private count(items: number, capacity: { CapacityUnits?: number } | { CapacityUnits?: number }[] | undefined): void {
    this.stats.requests++;
    this.stats.itemsRead += items;
    const list = Array.isArray(capacity) ? capacity : capacity ? [capacity] : [];
    for (const c of list) this.stats.readUnits += c.CapacityUnits ?? 0;
  }

  private queryAll(input: QueryCommandInput): Promise<Item[]> {
    return queryAll(this.db, { ...input, ReturnConsumedCapacity: 'TOTAL' }, (page) =>
      this.count(page.Items?.length ?? 0, page.ConsumedCapacity),
    );
  }

  private async batchGet(keys: Key[], projection?: { expression: string; names: Record<string, string> }): Promise<Item[]> {
    const unique = [...new Map(keys.map((k) => [`${k[KEYS.pk]}|${k[KEYS.sk]}`, k])).values()];
    const items: Item[] = [];
    for (let i = 0; i < unique.length; i += BATCH_GET_LIMIT) {
      let pending: Key[] = unique.slice(i, i + BATCH_GET_LIMIT);
      for (let attempt = 0; pending.length > 0; attempt++) {
        const page = await this.db.send(
          new BatchGetCommand({
            RequestItems: {
              [this.table]: {
                Keys: pending,
                ...(projection ? { ProjectionExpression: projection.expression } : {}),
                ...(projection && Object.keys(projection.names).length > 0 ? { ExpressionAttributeNames: projection.names } : {}),
              },
            },
            ReturnConsumedCapacity: 'TOTAL',
          }),
        );
        const got = page.Responses?.[this.table] ?? [];
        this.count(got.length, page.ConsumedCapacity);
        items.push(...got);
        pending = (page.UnprocessedKeys?.[this.table]?.Keys as Key[] | undefined) ?? [];
        if (pending.length > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
      }
    }
    return items;
  }

  async listOutstanding(year: number): Promise<OutstandingFiling[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: KEYS.gsi2,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.gsi2pk },
      ExpressionAttributeValues: { ':pk': part.outstanding(year) },
    });
    return items.map((i) => ({
      agencyId: i.agencyId as string,
      region: i.region as string,
      year: i.year as number,
      status: i.status as OutstandingFiling['status'],
      ...(i.lastSubmittedAt ? { lastSubmittedAt: i.lastSubmittedAt as string } : {}),
    }));
  }

  async listCheckFailures(year: number): Promise<CheckFailure[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: KEYS.gsi2,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.gsi2pk },
      ExpressionAttributeValues: { ':pk': `CHECKFAILED#${year}` },
    });
    return items.map((i) => ({
      agencyId: i.agencyId as string,
      region: i.region as string,
      year: i.year as number,
      lastFailedAt: i.lastFailedAt as string,
      errorCount: (i.errorCount as number | undefined) ?? 0,
    }));
  }

  async getAgencies(ids: readonly string[]): Promise<Map<string, Agency>> {
    const items = await this.batchGet(ids.map(KEY.agency));
    return new Map(
      items.map((i) => [
        i.id as string,
        agencyOf(i),
      ]),
    );
  }

  async getLastSubmitted(keys: readonly { agencyId: string; year: number }[]): Promise<Map<string, string | undefined>> {
    const items = await this.batchGet(
      keys.map((k) => KEY.filing(k.agencyId, k.year)),
      { expression: 'agencyId, #y, lastSubmittedAt', names: { '#y': 'year' } },
    );
    return new Map(items.map((i) => [`${i.agencyId as string}#${i.year as number}`, i.lastSubmittedAt as string | undefined]));
  }

  async getRegionContacts(regions: readonly string[]): Promise<Map<string, RegionContacts>> {
    const items = await this.batchGet(regions.map(KEY.contacts));
    return new Map(
      items.map((i) => [
        i.region as string,
        { region: i.region as string, ...(i.name ? { name: i.name as string } : {}), reviewers: (i.reviewers as string[] | undefined) ?? [] },
      ]),
    );
  }

  async putRegionContacts(contacts: RegionContacts): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { ...KEY.contacts(contacts.region), type: 'region-contacts', ...contacts } }),
    );
  }

  async undeliverable(addresses: readonly string[]): Promise<Set<string>> {
    if (addresses.length === 0) return new Set();
    const items = await this.batchGet(addresses.map(KEY.undeliverable), { expression: 'address', names: {} });
    return new Set(items.map((i) => i.address as string));
  }

  async claim(input: ClaimInput): Promise<ClaimOutcome> {
    const fields: Item = {
      ...claimFields(input.id),
      claimStatus: 'pending',
      claimOwner: input.owner,
      claimedAt: input.at,
      ...(input.detail ? { detail: input.detail } : {}),
      [KEYS.ttl]: Math.floor(Date.parse(input.at) / 1000) + CLAIM_TTL_SECONDS,
    };
    if (input.id.kind === 'undeliverable') delete fields[KEYS.ttl];
    const names: Record<string, string> = { '#pk': KEYS.pk, '#cs': 'claimStatus', '#ca': 'claimedAt' };
    const values: Record<string, unknown> = { ':failed': 'failed', ':pending': 'pending', ':stale': input.staleBefore };
    const sets = Object.entries(fields).map(([k, v], n) => {
      names[`#f${n}`] = k;
      values[`:f${n}`] = v;
      return `#f${n} = :f${n}`;
    });
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: claimKey(input.id),
          UpdateExpression: `SET ${sets.join(', ')}`,
          // New, or a send that failed, or a run that died after claiming: the next run retries it.
          ConditionExpression: 'attribute_not_exists(#pk) OR #cs = :failed OR (#cs = :pending AND #ca < :stale)',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        }),
      );
      return { kind: 'claimed' };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        const status = (error.Item?.claimStatus as { S?: string } | undefined)?.S as ClaimStatus | undefined;
        return { kind: 'taken', status: status ?? 'sent' };
      }
      throw error;
    }
  }

  async peekClaim(id: ClaimId): Promise<ClaimStatus | undefined> {
    const { Item, ConsumedCapacity } = await this.db.send(
      new GetCommand({ TableName: this.table, Key: claimKey(id), ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
    );
    this.count(Item ? 1 : 0, ConsumedCapacity);
    if (!Item) return undefined;
    return (Item.claimStatus as ClaimStatus | undefined) ?? 'sent';
  }

  async settle(id: ClaimId, owner: string, status: 'sent' | 'failed', detail?: Record<string, unknown>): Promise<void> {
    const now = new Date().toISOString();
    // A reminder that went out joins its region-year's reminder listing (the reviewers' board).
    const listed = id.kind === 'reminder' && status === 'sent' ? sentReminderKeys(id.region, id.year, id.agencyId, now) : undefined;
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: claimKey(id),
          UpdateExpression: `SET #cs = :s, settledAt = :now${detail ? ', outcome = :d' : ''}${listed ? ', #g1pk = :g1pk, #g1sk = :g1sk, #at = :now' : ''}`,
          ConditionExpression: 'claimOwner = :owner',
          ExpressionAttributeNames: { '#cs': 'claimStatus', ...(listed ? { '#g1pk': KEYS.gsi1pk, '#g1sk': KEYS.gsi1sk, '#at': 'at' } : {}) },
          ExpressionAttributeValues: {
            ':s': status,
            ':now': now,
            ':owner': owner,
            ...(detail ? { ':d': detail } : {}),
            ...(listed ? { ':g1pk': listed[KEYS.gsi1pk], ':g1sk': listed[KEYS.gsi1sk] } : {}),
          },
        }),
      );
    } catch (error) {
      // Another run took the claim over meanwhile: its outcome stands.
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async recordCheckFailure(input: CheckFailureInput): Promise<CheckFailureOutcome> {
    const key = KEY.checkFail(input.agencyId, input.year);
    for (let attempt = 0; ; attempt++) {
      const { Item: old, ConsumedCapacity } = await this.db.send(
        new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true, ReturnConsumedCapacity: 'TOTAL' }),
      );
      this.count(old ? 1 : 0, ConsumedCapacity);
      const seen = (old?.seen as string[] | undefined) ?? [];
      if (seen.includes(input.eventId)) {
        // A redelivery: resend only if this event owns a window whose mail did not go out.
        return old?.windowOwner === input.eventId && old.notice !== 'sent'
          ? { kind: 'send', attempts: (old.attempts as number | undefined) ?? 1 }
          : { kind: 'folded' };
      }
      const version = (old?.ver as number | undefined) ?? 0;
      const folded = (old?.folded as number | undefined) ?? 0;
      const open = old !== undefined && (old.windowStart as string) > input.windowAfter && old.notice !== 'failed';
      const window: Item = open
        ? { folded: folded + 1 }
        : {
            windowStart: input.at,
            windowOwner: input.eventId,
            notice: 'pending',
            // failures since the last e-mail: those folded in, an unsent window's own, and this one
            attempts: folded + 1 + (old?.notice === 'failed' ? ((old.attempts as number | undefined) ?? 1) : 0),
            folded: 0,
          };
      const latest = !old || (old.lastFailedAt as string) <= input.at;
      const item: Item = {
        ...(old ?? {}),
        ...key,
        type: 'check-failure',
        agencyId: input.agencyId,
        region: input.region,
        year: input.year,
        [KEYS.gsi2pk]: `CHECKFAILED#${input.year}`,
        [KEYS.gsi2sk]: `${input.region}#${input.agencyId}`,
        ...(latest ? { lastFailedAt: input.at, errorCount: input.errorCount } : {}),
        ...window,
        seen: [...seen, input.eventId].slice(-SEEN_EVENTS),
        ver: version + 1,
      };
      try {
        await this.db.send(
          new PutCommand({
            TableName: this.table,
            Item: item,
            ConditionExpression: old ? 'ver = :v' : 'attribute_not_exists(#pk)',
            ...(old ? { ExpressionAttributeValues: { ':v': version } } : { ExpressionAttributeNames: { '#pk': KEYS.pk } }),
          }),
        );
        return open ? { kind: 'folded' } : { kind: 'send', attempts: item.attempts as number };
      } catch (error) {
        // Another failure of the same agency and year was recorded meanwhile: read again.
        if (error instanceof ConditionalCheckFailedException && attempt < 10) continue;
        throw error;
      }
    }
  }

  async settleCheckFailure(agencyId: string, year: number, eventId: string, status: 'sent' | 'failed'): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEY.checkFail(agencyId, year),
          UpdateExpression: 'SET notice = :s, ver = ver + :one',
          ConditionExpression: 'windowOwner = :e',
          ExpressionAttributeValues: { ':s': status, ':e': eventId, ':one': 1 },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async openedYears(): Promise<number[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.pk },
      ExpressionAttributeValues: { ':pk': KEY.openYear(0)[KEYS.pk] },
    });
    return items.map((i) => i.year as number);
  }

  async markYearOpened(year: number, detail: Record<string, unknown>): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...KEY.openYear(year), type: 'year-opened', year, ...detail } }));
  }

  async *scanAgencies(): AsyncIterable<Agency> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new ScanCommand({
          TableName: this.table,
          FilterExpression: '#t = :agency',
          ExpressionAttributeNames: { '#t': 'type', '#n': 'name', '#r': 'region' },
          ExpressionAttributeValues: { ':agency': 'agency' },
          ProjectionExpression: 'id, #n, #r, kind, emails, deactivatedAt',
          ExclusiveStartKey: start,
          ReturnConsumedCapacity: 'TOTAL',
        }),
      );
      this.count(page.ScannedCount ?? 0, page.ConsumedCapacity);
      for (const i of page.Items ?? []) {
        yield agencyOf(i);
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }

  async openFiling(agency: Agency, year: number, at: string): Promise<boolean> {
    const filing = { agencyId: agency.id, region: agency.region, year, status: 'not_started' as const };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          // The filing item as the filing store writes it, at version 0 (nothing saved yet).
          Item: {
            ...KEY.filing(agency.id, year),
            [KEYS.gsi1pk]: part.regionYear(agency.region, year),
            [KEYS.gsi1sk]: part.statusSk('not_started', agency.id),
            ...outstandingKeys(filing),
            type: 'filing',
            ...filing,
            version: 0,
            errorCount: 0,
            warningCount: 0,
            latestRevision: 0,
            updatedAt: at,
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
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
