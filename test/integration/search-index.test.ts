/**
 * The search index pass on the real adapters (DynamoDB Local, s3rver, Pagefind), on a table and
 * bucket of its own: the index is built from every report in its table. Built after publications,
 * recorded in the table (not built again while nothing moved), and a rebuild after one more
 * publication leaves exactly the new index's files under pagefind/ (S3 list and multi-delete).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetObjectCommand } from '@aws-sdk/client-s3';
import { searchIndexDeps } from '../../functions/handlers/compose/publish.js';
import { submitFiling } from '../../functions/services/filings.js';
import { repairPublishFailures } from '../../functions/services/publishing.js';
import { refreshSearchIndex } from '../../functions/services/search-index.js';
import type { Agency } from '../../functions/domain/agency.js';
import { newCreditCode, newRegion } from './helpers.js';
import { consistentReport, ownSite } from './publish-helpers.js';

describe('the search index pass on DynamoDB Local and s3rver', () => {
  const { cfg, s3, store, deps, create } = ownSite('search');
  const search = searchIndexDeps(deps);
  const region = newRegion();
  const agencies: Agency[] = [0, 1, 2].map((i) => ({ id: newCreditCode(region), name: `搜索测试第${i}局`, region, kind: 'department', emails: [] }));

  async function submitAndPublish(a: Agency): Promise<void> {
    const caller = { role: 'filer' as const, agencyId: a.id, region, tokenHash: 'search-test' };
    await submitFiling({ store, clock: () => new Date() }, caller, { year: 2024, report: consistentReport(a, 2024) });
    // No pump reads this table: the repair pass (no grace period) publishes.
    const repaired = await repairPublishFailures(deps, { graceMs: 0 });
    expect(repaired.stillFailing).toEqual([]);
  }

  beforeAll(async () => {
    await create();
    for (const a of agencies) await store.putAgency(a);
  }, 120_000);

  afterAll(async () => {
    await search.indexer.close?.();
  });

  it('builds after publications, not again while nothing moved, and replaces its files after one more', async () => {
    await submitAndPublish(agencies[0]!);
    await submitAndPublish(agencies[1]!);
    const first = await refreshSearchIndex(search);
    expect(first).toMatchObject({ built: true, reports: 2, deleted: 0 });
    const keys1 = (await deps.bucket.list('pagefind/')).map((o) => o.key);
    expect(keys1).toHaveLength(first.files);
    const page = await s3.send(new GetObjectCommand({ Bucket: cfg.NIANBAO_SITE_BUCKET, Key: 'search/index.html' }));
    expect(page.ContentType).toBe('text/html; charset=utf-8');
    expect(await page.Body!.transformToString('utf8')).toContain('索引收录 2 份已公开报告');
    const js = await s3.send(new GetObjectCommand({ Bucket: cfg.NIANBAO_SITE_BUCKET, Key: 'pagefind/pagefind.js' }));
    expect(js.ContentType).toBe('text/javascript; charset=utf-8');

    // recorded in the table: a second pass finds nothing new
    expect((await deps.store.loadSite()).searchIndexed).toBe(2);
    expect((await refreshSearchIndex(search)).built).toBe(false);

    await submitAndPublish(agencies[2]!);
    const second = await refreshSearchIndex(search);
    expect(second).toMatchObject({ built: true, reports: 3 });
    expect(second.deleted).toBeGreaterThan(0);
    const keys2 = (await deps.bucket.list('pagefind/')).map((o) => o.key);
    expect(keys2).toHaveLength(second.files);
    expect(keys1.filter((k) => !keys2.includes(k))).toHaveLength(second.deleted);
    expect((await deps.store.loadSite()).searchIndexed).toBe(3);
  }, 120_000);
});
