/**
 * The search index pass on the in-memory ports with the real Pagefind: built from the stored
 * reports once anything was published since the last build, never otherwise; each report one
 * record with its agency, region and year as filters and its text segmented; a rebuild writes
 * only files with new names and removes the ones no longer named.
 */
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../functions/domain/agency.js';
import { PagefindIndexer } from '../../functions/adapters/pagefind-indexer.js';
import { submitFiling } from '../../functions/services/filings.js';
import { refreshSearchIndex, type SearchIndexDeps } from '../../functions/services/search-index.js';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';

const YEAR = 2024;
const REGION = '411325';
const indexer = new PagefindIndexer();
afterAll(() => indexer.close());

let seed = 5;
async function publish(world: MemoryWorld, agency: Agency, overview: string, year = YEAR): Promise<void> {
  const [sample] = fc.sample(consistentReportArbitrary('2021'), { seed: seed++, numRuns: 1 });
  const report = { ...sample!, agencyName: agency.name, year, sections: { ...sample!.sections, overview } };
  await submitFiling(world.deps.filing, world.filer(agency), { year, report });
  await world.drain();
}

function deps(world: MemoryWorld): SearchIndexDeps {
  return { store: world.deps.publish.store, bucket: world.bucket, indexer, clock: () => new Date('2025-02-01T02:00:00Z') };
}

interface Fragment {
  url: string;
  content: string;
  filters: Record<string, string[]>;
  meta: Record<string, string>;
  anchors: { id: string; text: string }[];
}

/** Pagefind's fragment files: gzip of `pagefind_dcd` and the record's JSON. */
function fragments(world: MemoryWorld): Fragment[] {
  return [...world.bucket.objects.keys()]
    .filter((k) => k.startsWith('pagefind/fragment/'))
    .map((k) => JSON.parse(gunzipSync(world.bucket.bytes(k)!).toString('utf8').replace(/^pagefind_dcd/, '')) as Fragment);
}

const indexKeys = (world: MemoryWorld) => [...world.bucket.objects.keys()].filter((k) => k.startsWith('pagefind/')).sort();

describe('the search index pass', () => {
  it('indexes every published report with its agency, region and year, and only when something was published', async () => {
    const world = memoryWorld();
    const a = await world.addAgency(REGION);
    const b = await world.addAgency(REGION);
    await publish(world, a, '本机关推进政务公开标准化规范化建设，主动公开涉企政策解读。');
    await publish(world, b, '依申请公开办理平稳有序，答复全部按期完成。');

    const first = await refreshSearchIndex(deps(world));
    expect(first).toMatchObject({ built: true, reports: 2, deleted: 0 });
    expect(first.written).toBe(first.files);
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']) expect(world.bucket.objects.has(`pagefind/${file}`), file).toBe(true);
    // Pagefind's own UI is not served: the search page has its own script.
    expect(indexKeys(world).some((k) => k.includes('-ui'))).toBe(false);
    expect(world.bucket.objects.get('pagefind/pagefind.js')!.contentType).toBe('text/javascript; charset=utf-8');
    const fragmentKey = indexKeys(world).find((k) => k.startsWith('pagefind/fragment/'))!;
    expect(world.bucket.objects.get(fragmentKey)!.cacheControl).toContain('immutable');

    const byUrl = new Map(fragments(world).map((f) => [f.url, f]));
    expect([...byUrl.keys()].sort()).toEqual([`/${REGION}/${YEAR}/${a.id}/`, `/${REGION}/${YEAR}/${b.id}/`].sort());
    const fa = byUrl.get(`/${REGION}/${YEAR}/${a.id}/`)!;
    expect(fa.meta.title).toBe(`${a.name}${YEAR}年政府信息公开工作年度报告`);
    expect(fa.filters).toEqual({ 机关: [a.name], 地区: [REGION], 年度: [String(YEAR)] });
    // Segmented into words (Pagefind marks word breaks with zero-width spaces), so a phrase is found.
    expect(fa.content.replace(/\u200b/g, '')).toContain('本机关推进政务公开标准化规范化建设');
    expect(fa.content).toMatch(/政务\u200b公开/);
    expect(fa.anchors.map((x) => x.id)).toContain('overview');

    const search = world.bucket.body('search/index.html')!;
    expect(search).toContain('src="/assets/search.js"');
    expect(search).toContain('索引收录 2 份已公开报告');
    expect(search).toContain(`<option value="${YEAR}">${YEAR}</option>`);

    const puts = world.bucket.puts;
    expect((await refreshSearchIndex(deps(world))).built).toBe(false);
    expect(world.bucket.puts).toBe(puts);
  });

  it('rebuilds after a publication, writing only new files and removing the ones no longer named', async () => {
    const world = memoryWorld();
    const a = await world.addAgency(REGION);
    const b = await world.addAgency(REGION);
    await publish(world, a, '推进政务公开。');
    await refreshSearchIndex(deps(world));
    const before = new Set(indexKeys(world));

    await publish(world, b, '严格落实保密审查制度。', YEAR + 1);
    const second = await refreshSearchIndex(deps(world));
    expect(second).toMatchObject({ built: true, reports: 2 });
    // a's fragment is unchanged: the same name, not written again
    expect(second.written).toBeLessThan(second.files);
    const after = new Set(indexKeys(world));
    expect(after.size).toBe(second.files);
    expect(second.deleted).toBe([...before].filter((k) => !after.has(k)).length);
    expect(second.deleted).toBeGreaterThan(0);
    expect(fragments(world).map((f) => f.url).sort()).toEqual([`/${REGION}/${YEAR}/${a.id}/`, `/${REGION}/${YEAR + 1}/${b.id}/`].sort());
    expect(world.bucket.body('search/index.html')).toContain(`<option value="${YEAR + 1}">`);
  });

  it('builds an empty index on a site with nothing published, so the search page exists from the start', async () => {
    const world = memoryWorld();
    const result = await refreshSearchIndex(deps(world));
    expect(result).toMatchObject({ built: true, reports: 0 });
    expect(world.bucket.body('search/index.html')).toContain('索引收录 0 份已公开报告');
    expect((await refreshSearchIndex(deps(world))).built).toBe(false);
  });
});
