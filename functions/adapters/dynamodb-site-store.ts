/**
 * The SiteStore port on the filing API's table. It reads the colleague's items as they are
 * (agency, filing, revision: see dynamodb-table.ts) and adds only what publishing owns:
 *
 * | item                | PK              | SK                          | notes                                  |
 * |---------------------|-----------------|-----------------------------|----------------------------------------|
 * | revision (existing) | AGENCY#<id>     | FILING#<year>#REV#<000001>  | + publishedAt, publishAttempts, publishError |
 * | filing (existing)   | AGENCY#<id>     | FILING#<year>               | status published / publish_failed      |
 * | region name         | SITE            | REGION#<code>               | name shown instead of the code         |
 * | region-year summary | SITE            | REGIONYEAR#<region>#<year>  | one home page line; no scan for it     |
 * | publish failure     | PUBLISH#FAILED  | <agencyId>#<year>           | what the repair pass lists             |
 *
 * Revision items are never rewritten by the filing API (immutable), so attributes set here
 * stay. Filing items are replaced whole by a draft save; only `status` is set here.
 */
import { gunzipSync } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  ScanCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Report } from '../domain/report.js';
import type { FilingStatus } from '../services/model.js';
import type {
  AgencyYear,
  FilingHead,
  PublishFailure,
  PublishTarget,
  RegionYearSummary,
  SiteStore,
  StoredRevision,
} from '../services/site-ports.js';
import type { AgencyInfo, RegionInfo } from '../../web/site/site-model.js';
import { KEYS } from './dynamodb-table.js';

type Item = Record<string, unknown>;

const SITE_PK = 'SITE';
const FAILED_PK = 'PUBLISH#FAILED';
const revSk = (year: number, revision: number) => `FILING#${year}#REV#${String(revision).padStart(6, '0')}`;
const agencyPk = (id: string) => `AGENCY#${id}`;

/** Filing states a publication may move to `published` (not `returned`, a reviewer's decision). */
const PUBLISHABLE: readonly FilingStatus[] = ['submitted', 'published', 'publish_failed'];

function ignoreConditionFailure(error: unknown): void {
  if (!(error instanceof ConditionalCheckFailedException)) throw error;
}

/** Stored reports were validated when submitted, so they are read back without a second parse. */
function unpackReport(value: unknown): Report {
  return JSON.parse(gunzipSync(value as Uint8Array).toString('utf8')) as Report;
}

function toRevision(item: Item): StoredRevision {
  return {
    revision: item.revision as number,
    submittedAt: item.submittedAt as string,
    ...(item.publishedAt ? { publishedAt: item.publishedAt as string } : {}),
    report: unpackReport(item.reportGz),
  };
}

function toAgencyInfo(item: Item): AgencyInfo {
  return { id: item.id as string, name: item.name as string, region: item.region as string, ...(item.kind ? { kind: item.kind as AgencyInfo['kind'] } : {}) };
}

function toHead(item: Item): FilingHead {
  return {
    agencyId: item.agencyId as string,
    year: item.year as number,
    region: item.region as string,
    status: item.status as FilingStatus,
    latestRevision: (item.latestRevision as number | undefined) ?? 0,
  };
}

export class DynamoDbSiteStore implements SiteStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getFilingHead(agencyId: string, year: number): Promise<FilingHead | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: { [KEYS.pk]: agencyPk(agencyId), [KEYS.sk]: `FILING#${year}` },
        ConsistentRead: true,
        ProjectionExpression: 'agencyId, #y, #r, #s, latestRevision',
        ExpressionAttributeNames: { '#y': 'year', '#r': 'region', '#s': 'status' },
      }),
    );
    return Item ? toHead(Item) : undefined;
  }

  async listRevisions(agencyId: string, year: number): Promise<StoredRevision[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': KEYS.pk, '#sk': KEYS.sk },
      ExpressionAttributeValues: { ':pk': agencyPk(agencyId), ':prefix': `FILING#${year}#REV#` },
      ProjectionExpression: 'revision, submittedAt, publishedAt, reportGz',
      ConsistentRead: true,
    });
    return items.map(toRevision);
  }

  async listRegionYearFilings(region: string, year: number): Promise<FilingHead[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: KEYS.gsi1,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.gsi1pk },
      ExpressionAttributeValues: { ':pk': `REGION#${region}#${year}` },
    });
    return items.map(toHead).filter((f) => f.latestRevision > 0);
  }

  async getAgency(id: string): Promise<AgencyInfo | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: { [KEYS.pk]: agencyPk(id), [KEYS.sk]: 'AGENCY' } }));
    return Item ? toAgencyInfo(Item) : undefined;
  }

  async listAgencies(region: string): Promise<AgencyInfo[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: KEYS.gsi1,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': KEYS.gsi1pk, '#sk': KEYS.gsi1sk },
      ExpressionAttributeValues: { ':pk': `REGION#${region}`, ':prefix': 'AGENCY#' },
    });
    return items.map(toAgencyInfo);
  }

  async listAgencyYears(agencyId: string): Promise<AgencyYear[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': KEYS.pk, '#sk': KEYS.sk, '#t': 'type', '#y': 'year', '#r': 'region' },
      ExpressionAttributeValues: { ':pk': agencyPk(agencyId), ':prefix': 'FILING#' },
      ProjectionExpression: '#t, #y, #r, revision, publishedAt',
    });
    const years = new Map<number, { region: string; revisions: { revision: number; publishedAt?: string }[] }>();
    for (const item of items) {
      const year = item.year as number;
      const entry = years.get(year) ?? { region: '', revisions: [] };
      if (item.type === 'filing') entry.region = item.region as string;
      else if (item.type === 'revision') {
        entry.revisions.push({ revision: item.revision as number, ...(item.publishedAt ? { publishedAt: item.publishedAt as string } : {}) });
      }
      years.set(year, entry);
    }
    return [...years].map(([year, e]) => ({ year, region: e.region, revisions: e.revisions }));
  }

  async listRegions(): Promise<RegionInfo[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': KEYS.pk, '#sk': KEYS.sk },
      ExpressionAttributeValues: { ':pk': SITE_PK, ':prefix': 'REGION#' },
    });
    return items.map((i) => ({ code: i.code as string, ...(i.name ? { name: i.name as string } : {}) }));
  }

  async putRegion(region: RegionInfo): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { [KEYS.pk]: SITE_PK, [KEYS.sk]: `REGION#${region.code}`, type: 'site-region', ...region } }),
    );
  }

  async listRegionYearSummaries(): Promise<RegionYearSummary[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': KEYS.pk, '#sk': KEYS.sk },
      ExpressionAttributeValues: { ':pk': SITE_PK, ':prefix': 'REGIONYEAR#' },
      ConsistentRead: true,
    });
    return items.map((i) => ({
      region: i.region as string,
      year: i.year as number,
      published: i.published as number,
      agencies: i.agencies as number,
      ...(i.lastmod ? { lastmod: i.lastmod as string } : {}),
    }));
  }

  async putRegionYearSummary(s: RegionYearSummary): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { [KEYS.pk]: SITE_PK, [KEYS.sk]: `REGIONYEAR#${s.region}#${s.year}`, type: 'site-region-year', ...s },
      }),
    );
  }

  async markPublished(
    agencyId: string,
    year: number,
    published: readonly { revision: number; publishedAt: string }[],
    latest: number,
  ): Promise<void> {
    await Promise.all(
      published.map((p) =>
        this.db
          .send(
            new UpdateCommand({
              TableName: this.table,
              Key: { [KEYS.pk]: agencyPk(agencyId), [KEYS.sk]: revSk(year, p.revision) },
              UpdateExpression: 'SET publishedAt = :at REMOVE publishError',
              // The first publication instant stands: pages already out show it.
              ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(publishedAt)',
              ExpressionAttributeNames: { '#pk': KEYS.pk },
              ExpressionAttributeValues: { ':at': p.publishedAt },
            }),
          )
          .catch(ignoreConditionFailure),
      ),
    );
    await Promise.all([this.setFilingStatus(agencyId, year, latest, 'published'), this.clearFailure(agencyId, year, latest)]);
  }

  async recordPublishAttempt(target: PublishTarget, error: string): Promise<number> {
    const { Attributes } = await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { [KEYS.pk]: agencyPk(target.agencyId), [KEYS.sk]: revSk(target.year, target.revision) },
        UpdateExpression: 'ADD publishAttempts :one SET publishError = :e',
        ConditionExpression: 'attribute_exists(#pk)',
        ExpressionAttributeNames: { '#pk': KEYS.pk },
        ExpressionAttributeValues: { ':one': 1, ':e': error },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return (Attributes?.publishAttempts as number | undefined) ?? 1;
  }

  async markPublishFailed(f: PublishFailure): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          [KEYS.pk]: FAILED_PK,
          [KEYS.sk]: `${f.agencyId}#${f.year}`,
          type: 'publish-failure',
          agencyId: f.agencyId,
          year: f.year,
          revision: f.revision,
          region: f.region,
          error: f.error,
          at: f.at,
        },
      }),
    );
    await this.setFilingStatus(f.agencyId, f.year, f.revision, 'publish_failed');
  }

  async listPublishFailures(): Promise<PublishFailure[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.pk },
      ExpressionAttributeValues: { ':pk': FAILED_PK },
      ConsistentRead: true,
    });
    return items.map((i) => ({
      agencyId: i.agencyId as string,
      year: i.year as number,
      revision: i.revision as number,
      region: i.region as string,
      error: i.error as string,
      at: i.at as string,
    }));
  }

  async *scanAgencies(): AsyncIterable<AgencyInfo> {
    for await (const item of this.scan({
      FilterExpression: '#t = :agency',
      ExpressionAttributeNames: { '#t': 'type', '#n': 'name', '#r': 'region' },
      ExpressionAttributeValues: { ':agency': 'agency' },
      ProjectionExpression: 'id, #n, #r, kind',
    })) {
      yield toAgencyInfo(item);
    }
  }

  /** A single-segment Scan returns each partition's items together, in sort-key order. */
  async *scanFilings(): AsyncIterable<FilingHead & { revisions: StoredRevision[] }> {
    let current: (FilingHead & { revisions: StoredRevision[] }) | undefined;
    for await (const item of this.scan({
      FilterExpression: '#t IN (:filing, :revision)',
      ExpressionAttributeNames: { '#t': 'type', '#y': 'year', '#r': 'region', '#s': 'status' },
      ExpressionAttributeValues: { ':filing': 'filing', ':revision': 'revision' },
      ProjectionExpression: '#t, agencyId, #y, #r, #s, latestRevision, revision, submittedAt, publishedAt, reportGz',
    })) {
      if (item.type === 'filing') {
        if (current) yield current;
        current = { ...toHead(item), revisions: [] };
      } else if (current && current.agencyId === item.agencyId && current.year === item.year) {
        current.revisions.push(toRevision(item));
      } else {
        throw new Error(`revision of ${String(item.agencyId)} ${String(item.year)} found apart from its filing`);
      }
    }
    if (current) yield current;
  }

  private async setFilingStatus(agencyId: string, year: number, revision: number, status: FilingStatus): Promise<void> {
    // Only if `revision` is still the newest: an amendment in between has its own publish.
    await this.db
      .send(
        new UpdateCommand({
          TableName: this.table,
          Key: { [KEYS.pk]: agencyPk(agencyId), [KEYS.sk]: `FILING#${year}` },
          UpdateExpression: 'SET #s = :s, #gsk = :gsk',
          ConditionExpression: 'latestRevision = :rev AND #s IN (:a, :b, :c)',
          ExpressionAttributeNames: { '#s': 'status', '#gsk': KEYS.gsi1sk },
          ExpressionAttributeValues: {
            ':s': status,
            ':gsk': `STATUS#${status}#${agencyId}`,
            ':rev': revision,
            ':a': PUBLISHABLE[0],
            ':b': PUBLISHABLE[1],
            ':c': PUBLISHABLE[2],
          },
        }),
      )
      .catch(ignoreConditionFailure);
  }

  private async clearFailure(agencyId: string, year: number, latest: number): Promise<void> {
    await this.db
      .send(
        new DeleteCommand({
          TableName: this.table,
          Key: { [KEYS.pk]: FAILED_PK, [KEYS.sk]: `${agencyId}#${year}` },
          ConditionExpression: 'attribute_exists(#pk) AND revision <= :latest',
          ExpressionAttributeNames: { '#pk': KEYS.pk },
          ExpressionAttributeValues: { ':latest': latest },
        }),
      )
      .catch(ignoreConditionFailure);
  }

  private async queryAll(input: QueryCommandInput): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new QueryCommand({ ...input, ExclusiveStartKey: start }));
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  private async *scan(input: Omit<ScanCommandInput, 'TableName'>): AsyncIterable<Item> {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(new ScanCommand({ ...input, TableName: this.table, ExclusiveStartKey: start }));
      yield* page.Items ?? [];
      start = page.LastEvaluatedKey;
    } while (start);
  }
}
