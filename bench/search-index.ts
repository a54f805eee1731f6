/**
 * What keeping the search index current costs: the scheduled pass's index step
 * (services/search-index.ts) over N published reports, with the real Pagefind, into an in-memory
 * bucket; the table's reads are served from memory (each region-year is one query on DynamoDB).
 * For N = 100 and 1000 (BENCH_SEARCH_SIZES to change): a first build (every file written), then
 * a rebuild after one more report was published (only the files with new names written).
 *
 * Every report carries the text sections of 王店镇's real 2023 report (local/seed/), its
 * paragraphs rotated and the agency's name and number woven in, so no two fragments are the same.
 *
 *   npm run bench:search
 */
import { PagefindIndexer } from '../functions/adapters/pagefind-indexer.js';
import type { Publication, RegionInfo } from '../functions/domain/publication.js';
import type { Report } from '../functions/domain/report.js';
import { refreshSearchIndex, type SearchIndexResult } from '../functions/services/search-index.js';
import type { RegionYearSummary, SiteLines, SiteStore } from '../functions/services/site-ports.js';
import { wangdianReport } from '../local/seed/demo-county.js';
import { MemorySiteBucket } from '../test/support/memory/memory-site-bucket.js';

const SIZES = (process.env.BENCH_SEARCH_SIZES ?? '100,1000').split(',').map(Number);
const REGIONS_PER_100 = 1;
const YEAR = 2024;

const base = wangdianReport();
const paragraphsOf = (text: unknown) => String(text ?? '').split(/\n+/).filter((p) => p.trim());

function reportFor(n: number, name: string): Report {
  const sections = base.sections as Record<string, unknown>;
  const vary = (id: string) => {
    const ps = paragraphsOf(sections[id]);
    const k = ps.length ? n % ps.length : 0;
    return [`${name}第${n}号报告。`, ...ps.slice(k), ...ps.slice(0, k)].join('\n');
  };
  return { ...base, agencyName: name, year: YEAR, sections: { ...base.sections, overview: vary('overview'), problems: vary('problems'), other: vary('other') } } as Report;
}

/** A site of n reports, 100 per region, as the store would return it. */
function site(n: number): { regions: RegionInfo[]; byRegion: Map<string, Publication[]> } {
  const regions: RegionInfo[] = [];
  const byRegion = new Map<string, Publication[]>();
  for (let i = 0; i < n; i++) {
    const r = Math.floor(i / (100 / REGIONS_PER_100));
    const code = String(411300 + r);
    if (!byRegion.has(code)) {
      regions.push({ code, name: `第${r + 1}县` });
      byRegion.set(code, []);
    }
    const agencyId = `11${code}MB${String(i).padStart(7, '0')}X`;
    byRegion.get(code)!.push({
      agencyId,
      region: code,
      year: YEAR,
      revisions: [{ revision: 1, publishedAt: '2025-01-20T02:00:00Z', report: reportFor(i, `第${r + 1}县第${i + 1}号单位`) }],
    });
  }
  return { regions, byRegion };
}

/** Only what the index step reads and records. */
function storeOf(data: ReturnType<typeof site>): SiteStore & { recorded: number } {
  let searchIndexed: number | undefined;
  const store = {
    recorded: 0,
    async loadSite(): Promise<SiteLines> {
      const summaries: RegionYearSummary[] = [...data.byRegion].map(([region, p]) => ({ region, year: YEAR, published: p.length, agencies: p.length }));
      const recorded = new Map([...data.byRegion].map(([region, p]) => [`${region}#${YEAR}`, p.length]));
      recorded.set('bench#0', store.recorded);
      return { regions: data.regions, summaries, recorded, workbooks: new Map(), ...(searchIndexed === undefined ? {} : { searchIndexed }) };
    },
    async listRegionPublications(region: string) {
      return data.byRegion.get(region) ?? [];
    },
    async markSearchIndex(n: number) {
      searchIndexed = n;
    },
  };
  return store as unknown as SiteStore & { recorded: number };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
const line = (label: string, ms: number, r: SearchIndexResult) =>
  console.log(
    `${label}: ${ms.toFixed(0)} ms, index ${r.files} files ${kb(r.bytes)}; written ${r.written} files ${kb(r.writtenBytes)}; deleted ${r.deleted}`,
  );

const indexer = new PagefindIndexer();
// Pagefind's process starts on first use: once, outside the timings.
await indexer.build([]);
for (const n of SIZES) {
  const data = site(n);
  const store = storeOf(data);
  const bucket = new MemorySiteBucket();
  const deps = { store, bucket, indexer, clock: () => new Date() };
  const textBytes = [...data.byRegion.values()].flat().reduce((s, p) => s + new TextEncoder().encode(JSON.stringify(p.revisions[0]!.report.sections)).length, 0);
  console.log(`N=${n} reports (${data.regions.length} regions), report JSON sections ${kb(textBytes)} in all`);
  let t = performance.now();
  const first = await refreshSearchIndex(deps);
  line('  first build', performance.now() - t, first);

  // One more report published (an amendment of the first, new text), then the next pass.
  const [firstRegion] = data.byRegion.values();
  const amended = firstRegion![0]!;
  firstRegion![0] = { ...amended, revisions: [...amended.revisions, { revision: 2, publishedAt: '2025-01-21T02:00:00Z', report: reportFor(n + 1, amended.revisions[0]!.report.agencyName) }] };
  store.recorded++;
  t = performance.now();
  const next = await refreshSearchIndex(deps);
  line('  rebuild after one publication', performance.now() - t, next);
  const pageBytes = new TextEncoder().encode(bucket.body('search/index.html')!).length;
  console.log(`  search page ${kb(pageBytes)}; the browser loads pagefind.js, its wasm and worker (${kb(['pagefind/pagefind.js', 'pagefind/pagefind-worker.js'].reduce((s, k) => s + (bucket.objects.get(k)!.body as Uint8Array).byteLength, 0) + [...bucket.objects.keys()].filter((k) => k.startsWith('pagefind/wasm.')).reduce((s, k) => s + (bucket.objects.get(k)!.body as Uint8Array).byteLength, 0))} uncompressed), then only the index chunks and fragments a query needs`);
}
await indexer.close();
