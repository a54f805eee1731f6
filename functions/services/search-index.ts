/**
 * The search index (`/pagefind/`) and the search page (`/search/`), kept current by the scheduled
 * pass, not by each publish. Pagefind builds an index whole: it cannot add one report to an
 * index already written. So the pass (after the repair pass and the region workbooks: every 5
 * minutes on AWS, every minute under `npm start`) rebuilds it from the reports stored in the
 * table when anything was published since the last build: the sum of the region-years'
 * `recorded` counts (each raised by every publication, never lowered) moved past the sum the
 * index was built at. The sum is read before the publications, so a publication recorded while
 * the index is built raises it again and the next pass builds again: nothing is missed, and a new
 * report is searchable at most a pass or two after its page appears.
 *
 * Writing: Pagefind names its index files by their content's hash, so a file already in the
 * bucket under its name is the same and is not written again (an amendment rewrites its own
 * fragment and the index chunks, not every report's). The entry file, which names the current
 * chunks, is written last; then the files no longer named are deleted. A reader whose search page
 * was opened on the old index may then miss a file: the page's script starts again from the new
 * entry once (render/site/search.js).
 */
import { regionName, type RegionInfo } from '../domain/publication.js';
import { objectHeaders } from '../render/site/object-headers.js';
import { SEARCH_INDEX_PREFIX, SEARCH_PATH } from '../render/site/paths.js';
import { object, type SiteObject } from '../render/site/render-site.js';
import { renderSearchPage, searchDocument } from '../render/site/search-page.js';
import { mapLimit } from './map-limit.js';
import type { SearchIndexBucket, SearchIndexer, SearchInput, SiteStore } from './site-ports.js';

export interface SearchIndexDeps {
  store: SiteStore;
  bucket: SearchIndexBucket;
  indexer: SearchIndexer;
  clock: () => Date;
}

export interface SearchIndexResult {
  /** false: nothing published since the last build */
  built: boolean;
  reports: number;
  /** the index's files, and their bytes */
  files: number;
  bytes: number;
  /** of them written this time (new names, and the entry, loader and wasm) */
  written: number;
  writtenBytes: number;
  /** files of earlier builds removed */
  deleted: number;
}

const ENTRY_FILE = 'pagefind-entry.json';
/** Region-years read at once: each is one query returning its reports. */
const READ_CONCURRENCY = 4;

const sum = (values: Iterable<number>): number => {
  let total = 0;
  for (const v of values) total += v;
  return total;
};

const isHashed = (key: string): boolean => /\.pf_(fragment|index|filter|meta)$/.test(key);

export async function refreshSearchIndex(deps: SearchIndexDeps, options: { force?: boolean } = {}): Promise<SearchIndexResult> {
  const site = await deps.store.loadSite();
  const recorded = sum(site.recorded.values());
  if (!options.force && site.searchIndexed !== undefined && site.searchIndexed >= recorded) {
    return { built: false, reports: 0, files: 0, bytes: 0, written: 0, writtenBytes: 0, deleted: 0 };
  }
  const regions = new Map<string, RegionInfo>(site.regions.map((r) => [r.code, r]));
  const lines = site.summaries.filter((s) => s.published > 0);
  const perRegionYear = await mapLimit(lines, READ_CONCURRENCY, async (line) => {
    const region = regions.get(line.region) ?? { code: line.region };
    const publications = await deps.store.listRegionPublications(line.region, line.year);
    return publications.map((p) => searchDocument(region, p));
  });
  const documents: SearchInput[] = perRegionYear.flat().sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const files = await deps.indexer.build(documents);

  const existing = new Set((await deps.bucket.list(SEARCH_INDEX_PREFIX)).map((o) => o.key));
  const objects: SiteObject[] = files.map((f) => {
    const key = `${SEARCH_INDEX_PREFIX}${f.path}`;
    return { key, body: f.content, ...objectHeaders(key) };
  });
  const toWrite = objects.filter((o) => !(isHashed(o.key) && existing.has(o.key)));
  const entry = toWrite.filter((o) => o.key === `${SEARCH_INDEX_PREFIX}${ENTRY_FILE}`);
  // Every file the entry names must be there before the entry is.
  await deps.bucket.put(toWrite.filter((o) => !entry.includes(o)));
  await deps.bucket.put(entry);

  const usedRegions = [...new Set(lines.map((l) => regionName(regions.get(l.region) ?? { code: l.region })))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const years = [...new Set(lines.map((l) => l.year))].sort((a, b) => b - a);
  await deps.bucket.put([object(SEARCH_PATH, renderSearchPage({ regions: usedRegions, years, reports: documents.length, builtAt: deps.clock().toISOString() }))]);

  const current = new Set(objects.map((o) => o.key));
  const stale = [...existing].filter((key) => !current.has(key));
  if (stale.length > 0) await deps.bucket.remove(stale);
  await deps.store.markSearchIndex(recorded);

  const size = (o: SiteObject) => (typeof o.body === 'string' ? new TextEncoder().encode(o.body).byteLength : o.body.byteLength);
  return {
    built: true,
    reports: documents.length,
    files: objects.length,
    bytes: sum(objects.map(size)),
    written: toWrite.length,
    writtenBytes: sum(toWrite.map(size)),
    deleted: stale.length,
  };
}
