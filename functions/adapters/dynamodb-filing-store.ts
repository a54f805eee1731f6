/**
 * The FilingStore port on one DynamoDB table (layout in dynamodb-table.ts). Reports and
 * findings are stored gzip-compressed: a report's three text sections may hold 50 000
 * characters each, which as UTF-8 JSON would pass DynamoDB's 400 KB item limit.
 */
import { LOCAL_CREDENTIALS, type Settings } from '../settings.js';
import { gunzipSync, gzipSync } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, DynamoDBDocumentClient, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { Report } from '../domain/report.js';
import type { Explanations, Finding } from '../domain/finding.js';
import { KEY, part, unpublishedKeys } from './table-keys.js';
import { KEYS } from './dynamodb-table.js';
import { queryAll, regionAgenciesQuery, type Item } from './dynamodb-query.js';
import { outstandingKeys } from './reminder-items.js';
import { TtlCache } from './ttl-cache.js';
import { addressChanges, agencyAddressItem, agencyOf, agencyUpdate } from './agency-items.js';
import { batchGetter, type BatchGetter } from './dynamodb-batch-get.js';
import { ReportTooLargeError, VersionConflictError } from '../services/errors.js';
import type { FilingStore, SubmitOutcome, SubmitWrite, TokenOwner } from '../services/ports.js';
import type { AuditEvent, Filing, FilingSummary, Revision, StoredResponse, TokenRecord, TokenRole } from '../services/model.js';
import type { RevisionSummary } from '../contract/filing-api.js';
import type { Agency } from '../domain/agency.js';
import type { FilingStatus } from '../domain/filing-status.js';


/** Room left under the 400 KB item limit for keys and the small attributes. */
const MAX_PAYLOAD_BYTES = 380_000;
const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;


/** Packs each value once per call site's scope: a submission stores its report and findings twice. */
type Packer = (value: unknown) => Uint8Array;

function packer(): Packer {
  const packed = new Map<unknown, Uint8Array>();
  return (value) => {
    let gz = packed.get(value);
    if (!gz) packed.set(value, (gz = pack(value)));
    return gz;
  };
}

function pack(value: unknown): Uint8Array {
  return gzipSync(Buffer.from(JSON.stringify(value), 'utf8'));
}

function unpack<T>(value: unknown): T {
  return JSON.parse(gunzipSync(value as Uint8Array).toString('utf8')) as T;
}

/** Explanations (up to 500 characters per warning) are packed like the report; none: no attribute. */
function packExplanations(explanations: Explanations | undefined, packIt: Packer = pack): Uint8Array | undefined {
  return explanations && Object.keys(explanations).length > 0 ? packIt(explanations) : undefined;
}

function checkSize(...parts: (Uint8Array | undefined)[]): void {
  const bytes = parts.reduce((sum, p) => sum + (p?.byteLength ?? 0), 0);
  if (bytes > MAX_PAYLOAD_BYTES) {
    throw new ReportTooLargeError(`报告压缩后仍有 ${Math.round(bytes / 1024)} KB，超出存储上限，请精简文字部分`);
  }
}

export function createDynamoDbClient(cfg: Settings): DynamoDBClient {
  return new DynamoDBClient({
    region: cfg.AWS_REGION,
    ...(cfg.NIANBAO_DYNAMODB_ENDPOINT ? { endpoint: cfg.NIANBAO_DYNAMODB_ENDPOINT, credentials: LOCAL_CREDENTIALS } : {}),
  });
}

export function createDocumentClient(cfg: Settings): DynamoDBDocumentClient {
  return DynamoDBDocumentClient.from(createDynamoDbClient(cfg), { marshallOptions: { removeUndefinedValues: true } });
}

/**
 * Per-process caches (a Lambda container's lifetime). Agencies change rarely, so a minute of
 * staleness across containers is accepted; this process's own writes update them at once.
 * Revisions are cached by number: a revision's report never changes. Which revision is the
 * latest is read afresh each time (the filing item), so a report filed late, or amended, in
 * another container counts at once. Filings are cached only for `getFilingForUpdate`, whose
 * callers write with a version condition. Token records are never cached: revocation takes
 * effect at once; only a token's owner (immutable: agency, region) is remembered, to batch
 * the token read with reads that depend on the owner.
 */
const CACHE_TTL_MS = 60_000;

export class DynamoDbFilingStore implements FilingStore {
  private readonly agencies = new TtlCache<Agency>(CACHE_TTL_MS);
  private readonly revisions = new TtlCache<Revision>(CACHE_TTL_MS);
  private readonly filings = new TtlCache<Filing>(CACHE_TTL_MS, 500);
  private readonly tokenOwners = new TtlCache<TokenOwner>(CACHE_TTL_MS);
  private readonly reads: BatchGetter;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {
    this.reads = batchGetter(db, table);
  }

  // ---- agencies -----------------------------------------------------------------------------

  async getAgency(id: string): Promise<Agency | undefined> {
    const cached = this.agencies.get(id);
    if (cached) return cached;
    const Item = await this.reads.get(KEY.agency(id));
    const agency = Item ? toAgency(Item) : undefined;
    if (agency) this.agencies.set(id, agency);
    return agency;
  }

  /**
   * The agency, then its sign-in index (one `SIGNIN#<e-mail>` item per address, so sign-in finds
   * an address's agencies with one query). One update of the registry fields when the addresses
   * did not change (a re-import of a large registry stays one write per row; deactivation and
   * last sign-in stay as they are); new addresses get their item, addresses no longer listed lose theirs.
   */
  async putAgency(agency: Agency): Promise<{ removedEmails: string[] }> {
    this.agencies.delete(agency.id);
    const { Attributes: old } = await this.db.send(new UpdateCommand({ TableName: this.table, ...agencyUpdate(agency), ReturnValues: 'ALL_OLD' }));
    const { added, removed } = addressChanges((old?.emails as string[] | undefined) ?? [], agency.emails);
    for (const email of added) await this.db.send(new PutCommand({ TableName: this.table, Item: agencyAddressItem(email, agency.id) }));
    for (const email of removed) await this.db.send(new DeleteCommand({ TableName: this.table, Key: KEY.signInAgency(email, agency.id) }));
    return { removedEmails: removed };
  }

  async listAgencies(region: string): Promise<Agency[]> {
    const items = await queryAll(this.db, regionAgenciesQuery(this.table, region));
    return items.map(toAgency);
  }

  // ---- filings ------------------------------------------------------------------------------

  async getFiling(agencyId: string, year: number): Promise<Filing | undefined> {
    const Item = await this.reads.get(KEY.filing(agencyId, year));
    const filing = Item ? toFiling(Item) : undefined;
    if (filing) this.filings.set(`${agencyId}#${year}`, filing);
    return filing;
  }

  async getFilingForUpdate(agencyId: string, year: number): Promise<Filing | undefined> {
    return this.filings.get(`${agencyId}#${year}`) ?? this.getFiling(agencyId, year);
  }

  /**
   * A first save puts the item; later saves update only the draft's attributes, never the
   * status: a publish, a return or an approval may change the status without a new version,
   * and a save that read before it must not undo it.
   */
  async saveDraft(filing: Filing, expectedVersion: number, event: AuditEvent): Promise<void> {
    const write =
      expectedVersion === 0
        ? { Put: { TableName: this.table, Item: filingItem(filing), ...versionCondition(0) } }
        : { Update: this.draftUpdate(filing, expectedVersion) };
    try {
      await this.db.send(
        new TransactWriteCommand({ TransactItems: [write, { Put: { TableName: this.table, Item: eventItem(event) } }] }),
      );
      // The copy's status may lag a concurrent transition; it only prepares version-conditioned writes.
      this.filings.set(`${filing.agencyId}#${filing.year}`, filing);
    } catch (error) {
      if (cancelledAt(error, 0)) throw await this.conflict(filing.agencyId, filing.year);
      throw error;
    }
  }

  private draftUpdate(filing: Filing, expectedVersion: number) {
    const draftGz = filing.draft ? pack(filing.draft) : undefined;
    const findingsGz = pack(filing.findings);
    const explanationsGz = packExplanations(filing.explanations);
    checkSize(draftGz, findingsGz, explanationsGz);
    const values: Record<string, unknown> = {
      ':v': expectedVersion,
      ':nv': filing.version,
      ':f': findingsGz,
      ':e': filing.errorCount,
      ':w': filing.warningCount,
      ':n': filing.unexplainedCount ?? filing.warningCount,
      ':u': filing.updatedAt,
      ...(draftGz ? { ':d': draftGz } : {}),
      ...(explanationsGz ? { ':x': explanationsGz } : {}),
    };
    const set = ['#v = :nv', 'findingsGz = :f', 'errorCount = :e', 'warningCount = :w', 'unexplainedCount = :n', 'updatedAt = :u'];
    const remove: string[] = [];
    if (draftGz) set.push('draftGz = :d');
    else remove.push('draftGz');
    if (explanationsGz) set.push('explanationsGz = :x');
    else remove.push('explanationsGz');
    return {
      TableName: this.table,
      Key: KEY.filing(filing.agencyId, filing.year),
      UpdateExpression: `SET ${set.join(', ')}${remove.length ? ` REMOVE ${remove.join(', ')}` : ''}`,
      ConditionExpression: '#v = :v',
      ExpressionAttributeNames: { '#v': 'version' },
      ExpressionAttributeValues: values,
    };
  }

  async submit(write: SubmitWrite): Promise<SubmitOutcome> {
    const { filing, revision, idempotency } = write;
    // The filing's draft and findings are the revision's: compress them once.
    const packOnce = packer();
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      { Put: { TableName: this.table, Item: filingItem(filing, packOnce), ...versionCondition(write.expectedVersion) } },
      {
        Put: {
          TableName: this.table,
          Item: revisionItem(revision, filing.region, packOnce),
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': KEYS.pk },
        },
      },
    ];
    if (idempotency) {
      items.push({
        Put: {
          TableName: this.table,
          Item: {
            ...KEY.idempotency(idempotency.scope, idempotency.key),
            type: 'idempotency',
            requestHash: idempotency.response.requestHash,
            status: idempotency.response.status,
            body: JSON.stringify(idempotency.response.body),
            [KEYS.ttl]: Math.floor(Date.now() / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': KEYS.pk },
        },
      });
    }
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: items }));
      this.filings.set(`${filing.agencyId}#${filing.year}`, filing);
      this.revisions.set(`${revision.agencyId}#${revision.year}#${revision.revision}`, revision);
      return { kind: 'written' };
    } catch (error) {
      // A retry that raced its first attempt: the first one's answer stands.
      if (idempotency && cancelledAt(error, 2)) {
        const stored = await this.getStoredResponse(idempotency.scope, idempotency.key);
        if (stored) return { kind: 'replay', response: stored };
      }
      if (cancelledAt(error, 0) || cancelledAt(error, 1)) throw await this.conflict(filing.agencyId, filing.year);
      throw error;
    }
  }

  /**
   * Two point reads instead of a query: the filing item names its latest revision (both are
   * written in one transaction), and that revision is usually cached. The filing read batches
   * with the request's other reads.
   */
  async getLatestRevision(agencyId: string, year: number): Promise<Revision | undefined> {
    const Item = await this.reads.get(KEY.filing(agencyId, year));
    const latest = (Item?.latestRevision as number | undefined) ?? 0;
    if (latest === 0) return undefined;
    const cacheKey = `${agencyId}#${year}#${latest}`;
    const cached = this.revisions.get(cacheKey);
    if (cached) return cached;
    const revision = await this.getRevision(agencyId, year, latest);
    if (revision) this.revisions.set(cacheKey, revision);
    return revision;
  }

  async getRevision(agencyId: string, year: number, revision: number): Promise<Revision | undefined> {
    const Item = await this.reads.get(KEY.revision(agencyId, year, revision));
    return Item ? toRevision(Item) : undefined;
  }

  async listRevisions(agencyId: string, year: number): Promise<RevisionSummary[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': KEYS.pk, '#sk': KEYS.sk, '#r': 'revision', '#at': 'submittedAt', '#w': 'warningCount' },
      ExpressionAttributeValues: { ':pk': part.agency(agencyId), ':prefix': part.revisionPrefix(year) },
      ProjectionExpression: '#r, #at, #w',
    });
    return items.map((i) => ({
      revision: i.revision as number,
      submittedAt: i.submittedAt as string,
      warningCount: (i.warningCount as number | undefined) ?? 0,
    }));
  }

  async listRegionFilings(region: string, year: number, status?: FilingStatus): Promise<FilingSummary[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: KEYS.gsi1,
      KeyConditionExpression: status ? '#pk = :pk AND begins_with(#sk, :prefix)' : '#pk = :pk',
      ExpressionAttributeNames: status ? { '#pk': KEYS.gsi1pk, '#sk': KEYS.gsi1sk } : { '#pk': KEYS.gsi1pk },
      ExpressionAttributeValues: status
        ? { ':pk': part.regionYear(region, year), ':prefix': part.statusPrefix(status) }
        : { ':pk': part.regionYear(region, year) },
    });
    return items.map(toFilingSummary);
  }

  // ---- events -------------------------------------------------------------------------------

  async recordEvent(event: AuditEvent): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: eventItem(event) }));
  }

  async listEvents(agencyId: string): Promise<AuditEvent[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
      ExpressionAttributeNames: { '#pk': KEYS.pk, '#sk': KEYS.sk },
      ExpressionAttributeValues: { ':pk': part.agency(agencyId), ':prefix': part.eventPrefix },
    });
    return items.map(toEvent);
  }

  // ---- idempotency --------------------------------------------------------------------------

  async getStoredResponse(scope: string, k: string): Promise<StoredResponse | undefined> {
    const Item = await this.reads.get(KEY.idempotency(scope, k));
    if (!Item) return undefined;
    return { requestHash: Item.requestHash as string, status: Item.status as number, body: JSON.parse(Item.body as string) };
  }

  // ---- tokens -------------------------------------------------------------------------------

  async putToken(token: TokenRecord): Promise<void> {
    const owner = token.role === 'filer' ? token.agencyId : token.region;
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: {
          ...KEY.token(token.hash),
          [KEYS.gsi1pk]: `TOKENS#${token.role}#${owner}`,
          [KEYS.gsi1sk]: token.createdAt,
          type: 'token',
          ...token,
          // DynamoDB's TTL removes it a while after expiry; the code checks expiry itself.
          [KEYS.ttl]: Math.floor(Date.parse(token.expiresAt) / 1000) + 30 * 24 * 3600,
        },
        ConditionExpression: 'attribute_not_exists(#pk)',
        ExpressionAttributeNames: { '#pk': KEYS.pk },
      }),
    );
  }

  async getToken(hash: string): Promise<TokenRecord | undefined> {
    const Item = await this.reads.get(KEY.token(hash));
    const token = Item ? toToken(Item) : undefined;
    if (token) this.tokenOwners.set(hash, { role: token.role, region: token.region, ...(token.agencyId ? { agencyId: token.agencyId } : {}) });
    return token;
  }

  /** Whom a token seen before belongs to (never whether it is still valid: that is `getToken`). */
  tokenOwner(hash: string): TokenOwner | undefined {
    return this.tokenOwners.get(hash);
  }

  async revokeToken(hash: string, at: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: KEY.token(hash),
          UpdateExpression: 'SET revokedAt = if_not_exists(revokedAt, :at)',
          ConditionExpression: 'attribute_exists(#pk)',
          ExpressionAttributeNames: { '#pk': KEYS.pk },
          ExpressionAttributeValues: { ':at': at },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async listTokens(role: TokenRole, owner: string): Promise<TokenRecord[]> {
    const items = await queryAll(this.db, {
      TableName: this.table,
      IndexName: KEYS.gsi1,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': KEYS.gsi1pk },
      ExpressionAttributeValues: { ':pk': `TOKENS#${role}#${owner}` },
    });
    return items.map(toToken);
  }

  // ---- helpers ------------------------------------------------------------------------------


  private async conflict(agencyId: string, year: number): Promise<VersionConflictError> {
    this.filings.delete(`${agencyId}#${year}`);
    const current = await this.getFiling(agencyId, year);
    const version = current?.version ?? 0;
    return new VersionConflictError(
      `该报告已被他人或其他窗口修改（当前版本 ${version}），请重新打开后再保存`,
      version,
    );
  }
}

function versionCondition(expectedVersion: number): {
  ConditionExpression: string;
  ExpressionAttributeNames: Record<string, string>;
  ExpressionAttributeValues?: Record<string, unknown>;
} {
  // Version 0 may exist: a not_started filing written when the reporting year opened (reminders).
  return expectedVersion === 0
    ? {
        ConditionExpression: 'attribute_not_exists(#pk) OR #v = :zero',
        ExpressionAttributeNames: { '#pk': KEYS.pk, '#v': 'version' },
        ExpressionAttributeValues: { ':zero': 0 },
      }
    : {
        ConditionExpression: '#v = :v',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':v': expectedVersion },
      };
}

function cancelledAt(error: unknown, index: number): boolean {
  return (
    error instanceof TransactionCanceledException &&
    error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed'
  );
}

function filingItem(filing: Filing, packIt: Packer = pack): Item {
  const draftGz = filing.draft ? packIt(filing.draft) : undefined;
  const findingsGz = packIt(filing.findings);
  const explanationsGz = packExplanations(filing.explanations, packIt);
  checkSize(draftGz, findingsGz, explanationsGz);
  const { draft: _draft, findings: _findings, explanations: _explanations, ...summary } = filing;
  return {
    ...KEY.filing(filing.agencyId, filing.year),
    [KEYS.gsi1pk]: part.regionYear(filing.region, filing.year),
    [KEYS.gsi1sk]: part.statusSk(filing.status, filing.agencyId),
    ...outstandingKeys(filing),
    // Accepted and waiting for its page: in the repair pass's index until the publisher records it.
    ...(filing.status === 'submitted' && filing.lastSubmittedAt ? unpublishedKeys(filing.agencyId, filing.year, filing.lastSubmittedAt) : {}),
    type: 'filing',
    ...summary,
    unexplainedCount: filing.unexplainedCount ?? filing.warningCount,
    draftGz,
    findingsGz,
    explanationsGz,
  };
}

function revisionItem(revision: Revision, region: string, packIt: Packer = pack): Item {
  const reportGz = packIt(revision.report);
  const findingsGz = packIt(revision.findings);
  const explanationsGz = packExplanations(revision.explanations, packIt);
  checkSize(reportGz, findingsGz, explanationsGz);
  const { report: _report, findings, explanations: _explanations, ...rest } = revision;
  return {
    ...KEY.revision(revision.agencyId, revision.year, revision.revision),
    type: 'revision',
    region,
    ...rest,
    warningCount: findings.length,
    reportGz,
    findingsGz,
    explanationsGz,
  };
}

export function eventItem(event: AuditEvent): Item {
  const id = `${event.at}#${randomBytes(6).toString('hex')}`;
  const { type, ...rest } = event;
  return {
    [KEYS.pk]: event.agencyId ? part.agency(event.agencyId) : part.region(event.region),
    [KEYS.sk]: `EVENT#${id}`,
    [KEYS.gsi1pk]: `EVENTS#${event.region}`,
    [KEYS.gsi1sk]: id,
    type: 'event',
    eventType: type,
    ...rest,
  };
}

const toAgency = agencyOf;

function toFilingSummary(item: Item): FilingSummary {
  return {
    agencyId: item.agencyId as string,
    year: item.year as number,
    region: item.region as string,
    status: item.status as FilingStatus,
    version: item.version as number,
    errorCount: (item.errorCount as number | undefined) ?? 0,
    warningCount: (item.warningCount as number | undefined) ?? 0,
    // items written before explanations existed: every warning is unexplained
    unexplainedCount: (item.unexplainedCount as number | undefined) ?? (item.warningCount as number | undefined) ?? 0,
    latestRevision: (item.latestRevision as number | undefined) ?? 0,
    ...(item.lastSubmittedAt ? { lastSubmittedAt: item.lastSubmittedAt as string } : {}),
    updatedAt: item.updatedAt as string,
  };
}

function toFiling(item: Item): Filing {
  return {
    ...toFilingSummary(item),
    ...(item.returned ? { returned: item.returned as Filing['returned'] & object } : {}),
    draft: item.draftGz ? Report.parse(unpack(item.draftGz)) : null,
    findings: item.findingsGz ? unpack<Finding[]>(item.findingsGz) : [],
    ...(item.explanationsGz ? { explanations: unpack<Explanations>(item.explanationsGz) } : {}),
  };
}

function toRevision(item: Item): Revision {
  return {
    agencyId: item.agencyId as string,
    year: item.year as number,
    revision: item.revision as number,
    report: Report.parse(unpack(item.reportGz)),
    findings: item.findingsGz ? unpack<Finding[]>(item.findingsGz) : [],
    ...(item.explanationsGz ? { explanations: unpack<Explanations>(item.explanationsGz) } : {}),
    submittedAt: item.submittedAt as string,
    submittedBy: item.submittedBy as string,
    ...(item.review === 'required' ? { review: 'required' as const } : {}),
    ...(item.approvedAt ? { approvedAt: item.approvedAt as string, approvedBy: item.approvedBy as string } : {}),
    ...(item.stampedCopy ? { stampedCopy: item.stampedCopy as Revision['stampedCopy'] & object } : {}),
  };
}

function toEvent(item: Item): AuditEvent {
  return {
    type: item.eventType as AuditEvent['type'],
    at: item.at as string,
    region: item.region as string,
    ...(item.agencyId ? { agencyId: item.agencyId as string } : {}),
    ...(item.year !== undefined ? { year: item.year as number } : {}),
    actor: item.actor as string,
    ...(item.detail ? { detail: item.detail as Record<string, unknown> } : {}),
  };
}

function toToken(item: Item): TokenRecord {
  return {
    hash: item.hash as string,
    role: item.role as TokenRole,
    ...(item.agencyId ? { agencyId: item.agencyId as string } : {}),
    region: item.region as string,
    createdAt: item.createdAt as string,
    expiresAt: item.expiresAt as string,
    ...(item.revokedAt ? { revokedAt: item.revokedAt as string } : {}),
    ...(item.email ? { email: item.email as string } : {}),
  };
}
