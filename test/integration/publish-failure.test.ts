import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { createPublishHandler } from '../../functions/handlers/publish-stream.js';
import { MAX_PUBLISH_ATTEMPTS, repairPublishFailures } from '../../functions/services/publishing.js';
import type { Agency } from '../../functions/domain/agency.js';
import { api, filerToken, newAgency, newRegion, reviewerToken } from './helpers.js';
import {
  consistentReport,
  depsFor,
  expectReportCells,
  getObject,
  publishConfig,
  startTestPublishing,
  waitForStatus,
  type TestPublishing,
} from './publish-helpers.js';

const YEAR = 2024;
const MISSING_BUCKET = 'nianbao-no-such-bucket';

async function submit(agency: Agency) {
  const report = consistentReport(agency, YEAR);
  const res = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: await filerToken(agency), body: report });
  expect(res.status).toBe(201);
  return { ...report, agencyId: agency.id };
}

async function revisionItem(agencyId: string, revision: number) {
  const cfg = publishConfig();
  const { Item } = await createDocumentClient(cfg).send(
    new GetCommand({ TableName: cfg.NIANBAO_TABLE, Key: { PK: `AGENCY#${agencyId}`, SK: `FILING#${YEAR}#REV#${String(revision).padStart(6, '0')}` } }),
  );
  return Item;
}

describe('a publish that keeps failing (the site bucket is missing)', () => {
  let publishing: TestPublishing;
  let region: string;
  let agency: Agency;
  let report: Awaited<ReturnType<typeof submit>>;

  beforeAll(async () => {
    publishing = await startTestPublishing(depsFor(MISSING_BUCKET));
    region = newRegion();
    agency = await newAgency(region);
    publishing.agencies.add(agency.id);
    report = await submit(agency);
    await waitForStatus(agency.id, YEAR, 'publish_failed', 1);
  });

  afterAll(async () => {
    await publishing?.stop();
  });

  it('is retried by the stream, then left in the visible publish_failed state with its error', async () => {
    const item = await revisionItem(agency.id, 1);
    expect(item?.publishAttempts).toBe(MAX_PUBLISH_ATTEMPTS);
    expect(item?.publishError).toMatch(/NoSuchBucket/);
    expect(item?.publishedAt).toBeUndefined();
    expect(publishing.pump.stats.retries).toBeGreaterThanOrEqual(MAX_PUBLISH_ATTEMPTS - 1);
    expect(publishing.pump.stats.abandoned).toBe(0);
    const failures = await depsFor().store.listPublishFailures();
    expect(failures.find((f) => f.agencyId === agency.id)).toMatchObject({ year: YEAR, revision: 1, region });
  });

  it('shows publish_failed to the reviewer, and nothing of it is on the site', async () => {
    const res = await api(`/api/regions/${region}/filings?year=${YEAR}`, { token: await reviewerToken(region) });
    expect(res.body.filings[0]).toMatchObject({ agencyId: agency.id, status: 'publish_failed' });
    expect(res.body.counts.publish_failed).toBe(1);
    expect(await getObject(`${region}/${YEAR}/${agency.id}/index.html`)).toBeUndefined();
    expect((await fetch(`${publishing.site.url}/${region}/${YEAR}/${agency.id}/`)).status).toBe(404);
  });

  it('is published by the repair pass once the bucket works, and leaves the failed state', async () => {
    const result = await repairPublishFailures(depsFor());
    expect(result.repaired).toContainEqual({ agencyId: agency.id, year: YEAR, revision: 1 });
    await waitForStatus(agency.id, YEAR, 'published', 1, 1000);
    expect((await depsFor().store.listPublishFailures()).some((f) => f.agencyId === agency.id)).toBe(false);
    const page = await fetch(`${publishing.site.url}/${region}/${YEAR}/${agency.id}/`);
    expect(page.status).toBe(200);
    expectReportCells(await page.text(), report);
    expect((await revisionItem(agency.id, 1))?.publishedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const index = await (await fetch(`${publishing.site.url}/${region}/${YEAR}/`)).text();
    expect(index).toContain(`href="/${region}/${YEAR}/${agency.id}/"`);
  });
});

describe('the stream handler', () => {
  it('skips records that are not accepted revisions and reports the failing one as a partial batch failure', async () => {
    const agency = await newAgency(newRegion());
    await submit(agency);
    const record = (eventName: DynamoDBRecord['eventName'], type: string, seq: string): DynamoDBRecord => ({
      eventName,
      eventSource: 'aws:dynamodb',
      dynamodb: {
        SequenceNumber: seq,
        NewImage: { type: { S: type }, agencyId: { S: agency.id }, year: { N: String(YEAR) }, revision: { N: '1' } },
      },
    });
    const handler = createPublishHandler(() => depsFor(MISSING_BUCKET));
    const result = await handler({
      Records: [record('INSERT', 'event', '100'), record('MODIFY', 'revision', '101'), record('INSERT', 'revision', '102'), record('INSERT', 'revision', '103')],
    });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '102' }]);
    expect((await revisionItem(agency.id, 1))?.publishAttempts).toBe(1);

    const ok = await createPublishHandler(() => depsFor())({ Records: [record('INSERT', 'revision', '104')] });
    expect(ok.batchItemFailures).toEqual([]);
    expect((await revisionItem(agency.id, 1))?.publishedAt).toBeDefined();
  });
});
