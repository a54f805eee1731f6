/**
 * The SiteStore port on the filing API's table. It reads the colleague's items as they are
 * (agency, filing, revision: see dynamodb-table.ts) and adds only what publishing owns:
 *
 * | item                | PK              | SK                          | notes                                  |
 * |---------------------|-----------------|-----------------------------|----------------------------------------|
 * | revision (existing) | AGENCY#<id>     | FILING#<year>#REV#<000001>  | + publishedAt, publishAttempts, publishError |
 * | filing (existing)   | AGENCY#<id>     | FILING#<year>               | status published / publish_failed      |
 * | region name         | SITE            | REGION#<code>               | name shown instead of the code         |
 * | region-year summary | SITE            | REGIONYEAR#<region>#<year>  | one home page line; `recorded`: publications recorded (a counter); `workbookRecorded`: the count all-reports.xlsx was written at, `workbook`: its size, reports and date; `dataFiles`: its open data files' sizes and rows; `onTime`, `figures`: its region page's |
 * | search index        | SITE            | SEARCHINDEX                 | `recorded`: the sum of the region-years' `recorded` counts the search index was built at |
 * | publication         | PUBLISHED#<region>#<year> | <agencyId>#<000001> | a published revision with its report: a region-year's pages in one query |
 * | publish failure     | PUBLISH#FAILED  | <agencyId>#<year>           | a publish the stream gave up on        |
 *
 * A filing accepted and not yet published carries GSI2 keys `UNPUBLISHED` /
 * `<acceptedAt>#<agencyId>#<year>` (written by the filing and review stores, table-keys.ts);
 * `markPublished` removes them with the status `published`, so the repair pass lists what is
 * owed a page from the table alone (`listUnpublished`).
 *
 * Revision items are never rewritten by the filing API (immutable), so attributes set here
 * stay. Filing items are replaced whole by a draft save; only `status` is set here.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  ScanCommand,
  TransactWriteCommand,
  UpdateCommand,
  type DynamoDBDocumentClient,
  type ScanCommandInput,
} from '@aws-sdk/lib-dynamodb';
import type { Report } from '../domain/report.js';
import type { WorkbookStat } from '../render/site/open-data.js';
import { ACCEPTED_STATUSES, type FilingStatus } from '../domain/filing-status.js';
import type {
  AgencyFilings,
  FilingHead,
  PublicationRecord,
  PublishFailure,
  PublishTarget,
  RegionYearSummary,
  SiteLines,
  SiteStore,
  StoredRevision,
  UnpublishedFiling,
} from '../services/site-ports.js';
import type { AgencyInfo, Publication, PublishedRevision, RegionInfo } from '../domain/publication.js';
import { KEY, part } from './table-keys.js';
import { KEYS } from './dynamodb-table.js';
import { queryAll, regionAgenciesQuery, type Item } from './dynamodb-query.js';
import { TtlCache } from './ttl-cache.js';


const SITE_PK = 'SITE';
const FAILED_PK = 'PUBLISH#FAILED';
const REGIONYEAR = 'REGIONYEAR#';
const SEARCH_INDEX_SK = 'SEARCHINDEX';
const revSk = part.revision;
const agencyPk = part.agency;
const publishedPk = (region: string, year: number) => `PUBLISHED#${region}#${year}`;
const publishedSk = (agencyId: string, revision: number) => `${agencyId}#${String(revision).padStart(6, '0')}`;

/** Filing states a publication may move to `published` (not `returned`, a reviewer's decision). */
const PUBLISHABLE = ACCEPTED_STATUSES;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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
    ...(item.review === 'required' && !item.approvedAt ? { awaitingApproval: true } : {}),
    ...(isStampedCopy(item.stampedCopy) ? { stampedCopy: { key: item.stampedCopy.key, contentType: item.stampedCopy.contentType } } : {}),
  };
}

function isStampedCopy(value: unknown): value is { key: string; contentType: string } {
  const v = value as { key?: unknown; contentType?: unknown } | undefined;
  return typeof v?.key === 'string' && typeof v.contentType === 'string';
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

/** How long a publisher reuses a region's agency list (see `recentAgencies`). */
const AGENCIES_TTL_MS = 60_000;

export class DynamoDbSiteStore implements SiteStore {
  private readonly agencies = new TtlCache<AgencyInfo[]>(AGENCIES_TTL_MS, 100);

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async getFilingHead(agencyId: string, year: number): Promise<FilingHead | undefined> {
    const { Item } = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: KEY.filing(agencyId, year),
        ConsistentRead: true,
        ProjectionExpression: 'agencyId, #y, #r, #s, latestRevision',
        ExpressionAttributeNames: { '#y': 'year', '#r': 'region', '#s': 'status' },
      }),
    );
    return Item ? toHead(Item) : undefined;
  }

  async loadAgency(agencyId: string): Promise<AgencyFilings> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.pk, '#t': 'type', '#y': 'year', '#r': 'region', '#s': 'status', '#n': 'name' },
      ExpressionAttributeValues: { ':pk': agencyPk(agencyId) },
      ProjectionExpression: '#t, id, #n, kind, agencyId, #y, #r, #s, latestRevision, revision, submittedAt, publishedAt, reportGz, review, approvedAt, stampedCopy',
      ConsistentRead: true,
    });
    let agency: AgencyInfo | undefined;
    const filings = new Map<number, FilingHead & { revisions: StoredRevision[] }>();
    // Sort-key order: a filing (FILING#2024) comes before its revisions (FILING#2024#REV#…).
    for (const item of items) {
      if (item.type === 'agency') agency = toAgencyInfo(item);
      else if (item.type === 'filing') filings.set(item.year as number, { ...toHead(item), revisions: [] });
      else if (item.type === 'revision') filings.get(item.year as number)?.revisions.push(toRevision(item));
    }
    return { ...(agency ? { agency } : {}), filings: [...filings.values()] };
  }

  async listAgencies(region: string): Promise<AgencyInfo[]> {
    const items = await queryAll(this.db, regionAgenciesQuery(this.table, region));
    const agencies = items.map(toAgencyInfo);
    this.agencies.set(region, agencies);
    return agencies;
  }

  async publishesStampedCopies(region: string): Promise<boolean> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.table, Key: KEY.regionSettings(region), ConsistentRead: true, ProjectionExpression: 'publishStampedCopy' }));
    return Item?.publishStampedCopy === true;
  }

  async recentAgencies(region: string, including: string): Promise<AgencyInfo[]> {
    const cached = this.agencies.get(region);
    return cached?.some((a) => a.id === including) ? cached : this.listAgencies(region);
  }

  async listRegionPublications(region: string, year: number): Promise<Publication[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.pk },
      ExpressionAttributeValues: { ':pk': publishedPk(region, year) },
      ConsistentRead: true,
    });
    const byAgency = new Map<string, PublishedRevision[]>();
    for (const item of items) {
      const list = byAgency.get(item.agencyId as string) ?? [];
      list.push({ revision: item.revision as number, publishedAt: item.publishedAt as string, report: unpackReport(item.reportGz) });
      byAgency.set(item.agencyId as string, list);
    }
    return [...byAgency].map(([agencyId, revisions]) => ({ agencyId, region, year, revisions }));
  }

  async loadSite(): Promise<SiteLines> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.pk },
      ExpressionAttributeValues: { ':pk': SITE_PK },
      ConsistentRead: true,
    });
    const regions: RegionInfo[] = [];
    const summaries: RegionYearSummary[] = [];
    const recorded = new Map<string, number>();
    const workbooks = new Map<string, number>();
    let searchIndexed: number | undefined;
    for (const i of items) {
      const sk = i[KEYS.sk] as string;
      if (sk === SEARCH_INDEX_SK && typeof i.recorded === 'number') searchIndexed = i.recorded;
      if (sk.startsWith(REGIONYEAR)) recorded.set(sk.slice(REGIONYEAR.length), (i.recorded as number | undefined) ?? 0);
      if (sk.startsWith(REGIONYEAR) && typeof i.workbookRecorded === 'number') workbooks.set(sk.slice(REGIONYEAR.length), i.workbookRecorded);
      if (i.type === 'site-region') regions.push({ code: i.code as string, ...(i.name ? { name: i.name as string } : {}) });
      else if (i.type === 'site-region-year') {
        summaries.push({
          region: i.region as string,
          year: i.year as number,
          published: i.published as number,
          agencies: i.agencies as number,
          ...(i.lastmod ? { lastmod: i.lastmod as string } : {}),
          ...(Array.isArray(i.dataFiles) ? { dataFiles: i.dataFiles as NonNullable<RegionYearSummary['dataFiles']> } : {}),
          ...(typeof i.onTime === 'number' ? { onTime: i.onTime } : {}),
          ...(i.figures ? { figures: i.figures as NonNullable<RegionYearSummary['figures']> } : {}),
          ...(i.workbook ? { workbook: i.workbook as NonNullable<RegionYearSummary['workbook']> } : {}),
        });
      }
    }
    return { regions, summaries, recorded, workbooks, ...(searchIndexed === undefined ? {} : { searchIndexed }) };
  }

  async markSearchIndex(recorded: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { [KEYS.pk]: SITE_PK, [KEYS.sk]: SEARCH_INDEX_SK },
          UpdateExpression: 'SET recorded = :n, #type = :type',
          // Two passes at once: the one that read more publications wins.
          ConditionExpression: 'attribute_not_exists(recorded) OR recorded < :n',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: { ':n': recorded, ':type': 'site-search-index' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async markWorkbook(region: string, year: number, recorded: number, workbook?: WorkbookStat): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { [KEYS.pk]: SITE_PK, [KEYS.sk]: `${REGIONYEAR}${region}#${year}` },
          UpdateExpression: workbook ? 'SET workbookRecorded = :n, workbook = :w' : 'SET workbookRecorded = :n',
          // Two passes at once: the one that read more publications wins.
          ConditionExpression: 'attribute_exists(#pk) AND (attribute_not_exists(workbookRecorded) OR workbookRecorded < :n)',
          ExpressionAttributeNames: { '#pk': KEYS.pk },
          ExpressionAttributeValues: { ':n': recorded, ...(workbook ? { ':w': workbook } : {}) },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async putRegion(region: RegionInfo): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { [KEYS.pk]: SITE_PK, [KEYS.sk]: `REGION#${region.code}`, type: 'site-region', ...region } }),
    );
  }

  async putRegionYearSummary(s: RegionYearSummary): Promise<void> {
    await this.db.send(new UpdateCommand(this.summaryUpdate(s.region, s.year, s, false)));
  }


  async markPublished(p: PublicationRecord): Promise<void> {
    const { agencyId, year, region } = p;
    const revisionUpdates = p.revisions.map((r) => ({
      TableName: this.table,
      Key: { [KEYS.pk]: agencyPk(agencyId), [KEYS.sk]: revSk(year, r.revision) },
      UpdateExpression: 'SET publishedAt = :at REMOVE publishError',
      // The first publication instant stands: pages already out show it.
      ConditionExpression: 'attribute_exists(#pk) AND attribute_not_exists(publishedAt)',
      ExpressionAttributeNames: { '#pk': KEYS.pk },
      ExpressionAttributeValues: { ':at': r.publishedAt },
    }));
    const entries = p.revisions.map((r) => ({
      TableName: this.table,
      Item: {
        [KEYS.pk]: publishedPk(region, year),
        [KEYS.sk]: publishedSk(agencyId, r.revision),
        type: 'publication',
        agencyId,
        region,
        year,
        revision: r.revision,
        publishedAt: r.publishedAt,
        reportGz: gzipSync(Buffer.from(JSON.stringify(r.report), 'utf8')),
      },
    }));
    const status = this.filingStatusUpdate(agencyId, year, p.latest, 'published');
    const failure = p.clearFailure ? this.clearFailureDelete(agencyId, year, p.latest) : undefined;
    const summary = this.summaryUpdate(region, year, p.summary, true);
    // The usual case in one round trip; if a condition fails (a repeat, an amendment in
    // between, no marker) each write goes alone and the failed conditions are no-ops.
    if (revisionUpdates.length + entries.length + 3 <= 100) {
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              ...revisionUpdates.map((Update) => ({ Update })),
              ...entries.map((Put) => ({ Put })),
              { Update: status },
              ...(failure ? [{ Delete: failure }] : []),
              { Update: summary },
            ],
          }),
        );
        return;
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
      }
    }
    const single = (command: Promise<unknown>) => command.catch(ignoreConditionFailure);
    await Promise.all([
      ...revisionUpdates.map((u) => single(this.db.send(new UpdateCommand(u)))),
      ...chunks(entries, 25).map((c) => this.batchWrite(c.map((e) => ({ PutRequest: { Item: e.Item } })))),
      single(this.db.send(new UpdateCommand(status))),
      ...(failure ? [single(this.db.send(new DeleteCommand(failure)))] : []),
    ]);
    // The `recorded` counter last: whoever sees it moved finds the entries it counts.
    await this.db.send(new UpdateCommand(summary));
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
    const items = await queryAll(this.db, {
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

  async listUnpublished(acceptedBefore: string): Promise<UnpublishedFiling[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: KEYS.gsi2,
      KeyConditionExpression: '#pk = :pk AND #sk < :before',
      ExpressionAttributeNames: { '#pk': KEYS.gsi2pk, '#sk': KEYS.gsi2sk, '#y': 'year', '#r': 'region' },
      ExpressionAttributeValues: { ':pk': part.unpublished, ':before': acceptedBefore },
      ProjectionExpression: '#pk, #sk, agencyId, #y, #r',
    });
    return items.map((i) => ({
      agencyId: i.agencyId as string,
      year: i.year as number,
      region: i.region as string,
      acceptedAt: (i[KEYS.gsi2sk] as string).split('#')[0]!,
    }));
  }

  async *scanAgencies(): AsyncIterable<AgencyInfo> {
    for await (const item of this.scan({
      // Deactivated agencies are left out, as from the region's listing; their reports stay.
      FilterExpression: '#t = :agency AND attribute_not_exists(deactivatedAt)',
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
      ProjectionExpression: '#t, agencyId, #y, #r, #s, latestRevision, revision, submittedAt, publishedAt, reportGz, review, approvedAt, stampedCopy',
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

  async scanPublicationKeys(): Promise<Set<string>> {
    const keys = new Set<string>();
    for await (const item of this.scan({
      FilterExpression: '#t = :publication',
      ExpressionAttributeNames: { '#t': 'type', '#y': 'year', '#r': 'region' },
      ExpressionAttributeValues: { ':publication': 'publication' },
      ProjectionExpression: '#r, #y, agencyId, revision',
    })) {
      keys.add(`${String(item.region)}#${String(item.year)}#${String(item.agencyId)}#${String(item.revision)}`);
    }
    return keys;
  }

  private async batchWrite(requests: NonNullable<ConstructorParameters<typeof BatchWriteCommand>[0]['RequestItems']>[string]): Promise<void> {
    let pending = requests;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** Math.min(attempt, 6)));
      if (attempt > 10) throw new Error('BatchWrite kept returning unprocessed items');
      const { UnprocessedItems } = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: pending } }));
      pending = UnprocessedItems?.[this.table] ?? [];
    }
  }

  private async setFilingStatus(agencyId: string, year: number, revision: number, status: FilingStatus): Promise<void> {
    await this.db.send(new UpdateCommand(this.filingStatusUpdate(agencyId, year, revision, status))).catch(ignoreConditionFailure);
  }

  /** Only if `revision` is still the newest: an amendment in between has its own publish. */
  private filingStatusUpdate(agencyId: string, year: number, revision: number, status: FilingStatus) {
    return {
      TableName: this.table,
      Key: KEY.filing(agencyId, year),
      // Published: out of the repair pass's index (an accepted filing is never in GSI2's other use,
      // the outstanding list). A failed publish stays in it.
      UpdateExpression: `SET #s = :s, #gsk = :gsk${status === 'published' ? ` REMOVE ${KEYS.gsi2pk}, ${KEYS.gsi2sk}` : ''}`,
      ConditionExpression: 'latestRevision = :rev AND #s IN (:a, :b, :c)',
      ExpressionAttributeNames: { '#s': 'status', '#gsk': KEYS.gsi1sk },
      ExpressionAttributeValues: {
        ':s': status,
        ':gsk': part.statusSk(status, agencyId),
        ':rev': revision,
        ':a': PUBLISHABLE[0],
        ':b': PUBLISHABLE[1],
        ':c': PUBLISHABLE[2],
      },
    };
  }

  private clearFailureDelete(agencyId: string, year: number, latest: number) {
    return {
      TableName: this.table,
      Key: { [KEYS.pk]: FAILED_PK, [KEYS.sk]: `${agencyId}#${year}` },
      ConditionExpression: 'attribute_exists(#pk) AND revision <= :latest',
      ExpressionAttributeNames: { '#pk': KEYS.pk },
      ExpressionAttributeValues: { ':latest': latest },
    };
  }

  /**
   * The home page line as an update: `recorded` (publications recorded, for a concurrent
   * publish to notice ours with the one query it reads anyway) survives a rebuild's rewrite.
   */
  private summaryUpdate(region: string, year: number, s: RegionYearSummary | undefined, record: boolean) {
    const set: string[] = [];
    const values: Record<string, unknown> = {};
    const names: Record<string, string> = {};
    if (s) {
      set.push('#t = :t', '#r = :r', '#y = :y', 'published = :p', 'agencies = :a');
      Object.assign(names, { '#t': 'type', '#r': 'region', '#y': 'year' });
      Object.assign(values, { ':t': 'site-region-year', ':r': s.region, ':y': s.year, ':p': s.published, ':a': s.agencies });
      if (s.lastmod) (set.push('lastmod = :l'), (values[':l'] = s.lastmod));
      // the open data files' figures for the listings; a line written without them keeps the last
      if (s.dataFiles) (set.push('dataFiles = :d'), (values[':d'] = s.dataFiles));
      // the region page's figures (region-page.ts)
      if (s.onTime !== undefined) (set.push('onTime = :o'), (values[':o'] = s.onTime));
      if (s.figures) (set.push('figures = :f'), (values[':f'] = s.figures));
    }
    if (record) values[':one'] = 1;
    const expression = [
      ...(set.length ? [`SET ${set.join(', ')}`] : []),
      ...(s && !s.lastmod ? ['REMOVE lastmod'] : []),
      ...(record ? ['ADD recorded :one'] : []),
    ].join(' ');
    return {
      TableName: this.table,
      Key: { [KEYS.pk]: SITE_PK, [KEYS.sk]: `${REGIONYEAR}${region}#${year}` },
      UpdateExpression: expression,
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ExpressionAttributeValues: values,
    };
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
