/**
 * The repair pass finds accepted revisions from the table alone (issue 16: no accepted report
 * without a page): reports are submitted while no stream consumer runs, as if every stream
 * record were lost, and the repair pass publishes them once they wait past the grace period.
 * On a table and bucket of its own: a pass over the shared table would publish (and a home
 * page would list) what other test files leave unpublished on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomInt } from 'node:crypto';
import { CreateBucketCommand, GetObjectCommand } from '@aws-sdk/client-s3';
import { readSettings } from '../../functions/settings.js';
import { createDynamoDbClient, createDocumentClient, DynamoDbFilingStore } from '../../functions/adapters/dynamodb-filing-store.js';
import { DynamoDbSiteStore } from '../../functions/adapters/dynamodb-site-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb-table.js';
import { publishDepsFor } from '../../functions/handlers/compose/publish.js';
import { submitFiling } from '../../functions/services/filings.js';
import { REPAIR_GRACE_MS, repairPublishFailures, type PublishDeps } from '../../functions/services/publishing.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { Caller } from '../../functions/services/model.js';
import { env, newCreditCode, newRegion } from './helpers.js';
import { consistentReport, expectReportCells, SITE_URL, siteS3 } from './publish-helpers.js';

const YEAR = 2024;
const suffix = randomInt(0, 1e9);
const cfg = () =>
  readSettings({
    NIANBAO_TABLE: `nianbao-repair-${suffix}`,
    NIANBAO_SITE_BUCKET: `nianbao-repair-${suffix}`,
    NIANBAO_DYNAMODB_ENDPOINT: env().dynamodbEndpoint,
    NIANBAO_S3_ENDPOINT: env().s3Endpoint,
  });

let filings: DynamoDbFilingStore;
let site: DynamoDbSiteStore;
let offset = 0;
/** The publisher's deps with a clock `offset` ms ahead: the grace period passes without waiting. */
let deps: PublishDeps;

const filer = (a: Agency): Caller => ({ role: 'filer', agencyId: a.id, region: a.region, tokenHash: `filer-${a.id}`.padEnd(64, '0') });

async function addAgency(region: string): Promise<Agency> {
  const agency: Agency = { id: newCreditCode(region), name: `修复测试第${randomInt(0, 1e6)}局`, region, kind: 'department', emails: ['office@example.org'] };
  await filings.putAgency(agency);
  return agency;
}

async function submit(agency: Agency) {
  const report = consistentReport(agency, YEAR);
  const result = await submitFiling({ store: filings, clock: () => new Date() }, filer(agency), { year: YEAR, report });
  expect(result.status).toBe(201);
  return report;
}

async function page(key: string): Promise<string | undefined> {
  try {
    const o = await siteS3().send(new GetObjectCommand({ Bucket: cfg().NIANBAO_SITE_BUCKET, Key: key }));
    return await o.Body!.transformToString('utf8');
  } catch (error) {
    if ((error as { name?: string }).name === 'NoSuchKey') return undefined;
    throw error;
  }
}

beforeAll(async () => {
  const c = cfg();
  await ensureTable(createDynamoDbClient(c), c.NIANBAO_TABLE);
  await siteS3().send(new CreateBucketCommand({ Bucket: c.NIANBAO_SITE_BUCKET }));
  filings = new DynamoDbFilingStore(createDocumentClient(c), c.NIANBAO_TABLE);
  site = new DynamoDbSiteStore(createDocumentClient(c), c.NIANBAO_TABLE);
  deps = { ...publishDepsFor(c, SITE_URL), clock: () => new Date(Date.now() + offset) };
});

describe('accepted reports whose stream records never reached the publisher', () => {
  let region: string;
  let agencies: Agency[];
  let reports: Awaited<ReturnType<typeof submit>>[];

  beforeAll(async () => {
    region = newRegion();
    agencies = [await addAgency(region), await addAgency(region)];
    reports = [await submit(agencies[0]!), await submit(agencies[1]!)];
  });

  it('are listed by the table as unpublished, with the instant they were accepted', async () => {
    const listed = await site.listUnpublished(new Date(Date.now() + 1000).toISOString());
    expect(listed.map((u) => u.agencyId).sort()).toEqual(agencies.map((a) => a.id).sort());
    for (const u of listed) expect(u).toMatchObject({ year: YEAR, region, acceptedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    for (const a of agencies) expect((await filings.getFiling(a.id, YEAR))?.status).toBe('submitted');
  });

  it('are left to the stream within the grace period', async () => {
    expect(await repairPublishFailures(deps)).toEqual({ repaired: [], stillFailing: [], backlog: 0, deferred: 0 });
    expect(await page(`${region}/${YEAR}/${agencies[0]!.id}/index.html`)).toBeUndefined();
  });

  it('are published by the repair pass after it, and leave the unpublished list', async () => {
    offset = REPAIR_GRACE_MS + 5000;
    const result = await repairPublishFailures(deps);
    expect(result).toMatchObject({ stillFailing: [], backlog: 2, deferred: 0 });
    expect(result.repaired.map((t) => t.agencyId).sort()).toEqual(agencies.map((a) => a.id).sort());
    for (const [i, a] of agencies.entries()) {
      const html = await page(`${region}/${YEAR}/${a.id}/index.html`);
      expect(html).toContain(a.name);
      expectReportCells(html!, reports[i]!);
      expect((await filings.getFiling(a.id, YEAR))?.status).toBe('published');
    }
    expect(await page(`${region}/${YEAR}/index.html`)).toContain(`href="/${region}/${YEAR}/${agencies[1]!.id}/"`);
    expect(await site.listUnpublished(new Date(Date.now() + 3_600_000).toISOString())).toEqual([]);
    expect(await repairPublishFailures(deps)).toMatchObject({ repaired: [], backlog: 0 });
  });

  it('an amendment whose record is lost is listed again and published as revision 2', async () => {
    offset = 0;
    const amended = await submit(agencies[0]!);
    expect((await site.listUnpublished(new Date(Date.now() + 1000).toISOString())).map((u) => u.agencyId)).toEqual([agencies[0]!.id]);
    offset = REPAIR_GRACE_MS + 5000;
    const result = await repairPublishFailures(deps);
    expect(result.repaired).toEqual([{ agencyId: agencies[0]!.id, year: YEAR, revision: 2 }]);
    expectReportCells((await page(`${region}/${YEAR}/${agencies[0]!.id}/index.html`))!, amended);
    expect(await page(`${region}/${YEAR}/${agencies[0]!.id}/r/2/index.html`)).toBeDefined();
    expect((await filings.getFiling(agencies[0]!.id, YEAR))?.status).toBe('published');
  });
});
