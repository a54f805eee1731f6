/**
 * The full rebuild, on a table and bucket of its own: a rebuild reads and marks every filing of
 * its table, which must not touch the filings other test files are watching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ListObjectsV2Command, GetObjectCommand } from '@aws-sdk/client-s3';
import { submitFiling } from '../../functions/services/filings.js';
import { rebuildSite, type RebuildProgress } from '../../functions/services/publishing.js';
import type { Agency } from '../../functions/domain/agency.js';
import { renderSite } from '../../functions/render/site/render-site.js';
import { newCreditCode, newRegion } from './helpers.js';
import { consistentReport, expectReportCells, ownSite, SITE_URL } from './publish-helpers.js';

describe('nianbao site rebuild', () => {
  const { cfg, s3, store, deps, create } = ownSite('rebuild');
  const region = newRegion();
  const agencies: Agency[] = [0, 1, 2].map((i) => ({ id: newCreditCode(region), name: `重建测试第${i}局`, region, kind: 'department', emails: [] }));
  const reports = new Map<string, ReturnType<typeof consistentReport>[]>();

  const get = async (key: string) =>
    (await s3.send(new GetObjectCommand({ Bucket: cfg.NIANBAO_SITE_BUCKET, Key: key })).then((o) => o.Body!.transformToString('utf8')));
  const listKeys = async () => {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: cfg.NIANBAO_SITE_BUCKET, ContinuationToken: token }));
      keys.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.NextContinuationToken;
    } while (token);
    return keys.sort();
  };

  beforeAll(async () => {
    await create();
    for (const a of agencies) await store.putAgency(a);
    // Accepted but never published (no pump reads this table): what a rebuild must repair.
    for (const [i, a] of agencies.slice(0, 2).entries()) {
      const caller = { role: 'filer' as const, agencyId: a.id, region, tokenHash: 'rebuild-test' };
      for (let n = 0; n <= i; n++) {
        const report = consistentReport(a, 2024);
        await submitFiling({ store, clock: () => new Date() }, caller, { year: 2024, report });
        reports.set(a.id, [...(reports.get(a.id) ?? []), { ...report, agencyId: a.id }]);
      }
    }
  });

  afterAll(() => s3.destroy());

  it('writes every object of the site with progress, publishes what was pending, and marks the filings published', async () => {
    const progress: RebuildProgress[] = [];
    const result = await rebuildSite(deps, (p) => progress.push(p));
    expect(result.reports).toBe(2);
    expect(result.newlyPublished).toBe(3);
    expect(progress.at(-1)).toEqual({ written: result.objects, total: result.objects });
    expect(progress.map((p) => p.written)).toEqual([...progress.map((p) => p.written)].sort((a, b) => a - b));

    const keys = await listKeys();
    expect(keys).toHaveLength(result.objects);
    for (const [id, revs] of reports) {
      expectReportCells(await get(`${region}/2024/${id}/index.html`), revs.at(-1)!);
      for (const [i, r] of revs.entries()) expectReportCells(await get(`${region}/2024/${id}/r/${i + 1}/index.html`), r);
      const filing = await store.getFiling(id, 2024);
      expect(filing?.status).toBe('published');
    }
    expect(keys).toContain('assets/site.css');
    expect(keys).not.toContain(`${region}/2024/${agencies[2]!.id}/index.html`);
  });

  it('a second rebuild writes the same keys and leaves revision pages byte for byte as they were', async () => {
    const id = agencies[1]!.id;
    const before = await get(`${region}/2024/${id}/r/1/index.html`);
    const keysBefore = await listKeys();
    const again = await rebuildSite(deps);
    expect(again.newlyPublished).toBe(0);
    expect(await listKeys()).toEqual(keysBefore);
    expect(await get(`${region}/2024/${id}/r/1/index.html`)).toBe(before);
    // What a rebuild writes is exactly renderSite over what the table holds.
    const { loadSnapshot } = await import('../../functions/services/publishing.js');
    const { snapshot } = await loadSnapshot(deps.store, new Date().toISOString());
    const rendered: string[] = [];
    for await (const o of renderSite(snapshot, SITE_URL)) rendered.push(o.key);
    expect([...rendered, 'assets/site.css', 'assets/search.js'].sort()).toEqual(keysBefore);
  });
});
