/**
 * Atom feeds (RFC 4287) of new publications and amendments (更正): `/feed.xml` for the site and
 * `/{region}/feed.xml` per region, the newest FEED_SIZE entries, one per published revision.
 * Each entry links to its revision's page, which never changes, and the revision's URL is its id.
 */
import { escapeHtml } from './html.js';
import { feedPath, HOME_PATH, regionYearPath, revisionPath } from './paths.js';
import type { Publication, RegionInfo } from '../../domain/publication.js';
import { TEXT } from './site-text.js';

export const FEED_SIZE = 50;

/** One published revision, as a feed lists it. */
export interface FeedEntry {
  readonly region: string;
  readonly year: number;
  readonly agencyId: string;
  readonly agencyName: string;
  readonly revision: number;
  readonly publishedAt: string;
}

/** Newest first; ties in a fixed order so a rebuild and a publish write the same bytes. */
export function compareEntries(a: FeedEntry, b: FeedEntry): number {
  const t = Date.parse(b.publishedAt) - Date.parse(a.publishedAt);
  if (t !== 0) return t;
  const ka = `${a.region}/${a.year}/${a.agencyId}/${String(a.revision).padStart(6, '0')}`;
  const kb = `${b.region}/${b.year}/${b.agencyId}/${String(b.revision).padStart(6, '0')}`;
  return ka < kb ? 1 : ka > kb ? -1 : 0;
}

export function feedEntriesOf(publications: readonly Publication[]): FeedEntry[] {
  return publications.flatMap((p) =>
    p.revisions.map((r) => ({
      region: p.region,
      year: p.year,
      agencyId: p.agencyId,
      agencyName: r.report.agencyName,
      revision: r.revision,
      publishedAt: r.publishedAt,
    })),
  );
}

/** The newest FEED_SIZE entries of those given (any order), of one region if `region` is set. */
export function newestEntries(entries: readonly FeedEntry[], region?: string): FeedEntry[] {
  return entries.filter((e) => region === undefined || e.region === region).sort(compareEntries).slice(0, FEED_SIZE);
}

/** XML 1.0 forbids most control characters even escaped: filer text loses them here. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu;
const xml = (text: string | number): string => escapeHtml(String(text).replace(NOT_XML, ''));

const EPOCH = '1970-01-01T00:00:00.000Z';

export interface FeedInput {
  readonly baseUrl: string;
  /** the region of a region's feed; absent for the site's */
  readonly region?: RegionInfo;
  /** the newest entries (see newestEntries), newest first */
  readonly entries: readonly FeedEntry[];
  /** region names for entry summaries */
  readonly regionNames?: ReadonlyMap<string, string>;
}

export function renderFeed({ baseUrl, region, entries, regionNames }: FeedInput): string {
  const abs = (path: string) => xml(baseUrl.replace(/\/+$/, '') + path);
  const self = feedPath(region?.code);
  const title = region ? `${region.name ?? region.code}${TEXT.feedTitle}` : `${TEXT.siteName}${TEXT.feedTitle}`;
  const updated = new Date(entries[0]?.publishedAt ?? EPOCH).toISOString();
  const items = entries.map((e) => {
    const path = revisionPath(e.region, e.year, e.agencyId, e.revision);
    const kind = e.revision > 1 ? TEXT.feedAmended : TEXT.feedPublished;
    const regionName = regionNames?.get(e.region) ?? (region?.code === e.region ? region.name : undefined) ?? e.region;
    const at = new Date(e.publishedAt).toISOString();
    return `<entry>
<id>${abs(path)}</id>
<title>${xml(`${e.agencyName} ${e.year}${TEXT.reportTitleSuffix}（${kind}）`)}</title>
<link rel="alternate" type="text/html" href="${abs(path)}"/>
<published>${at}</published>
<updated>${at}</updated>
<author><name>${xml(e.agencyName)}</name></author>
<category term="${xml(e.year)}" label="${xml(`${e.year}年度`)}"/>
<summary>${xml(`${regionName} · ${e.year}年度 · ${e.agencyName} · ${kind}${e.revision > 1 ? `（第${e.revision}版）` : ''} · ${at.slice(0, 10)}`)}</summary>
</entry>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
<id>${abs(self)}</id>
<title>${xml(title)}</title>
<updated>${updated}</updated>
<author><name>${xml(TEXT.siteName)}</name></author>
<link rel="self" type="application/atom+xml" href="${abs(self)}"/>
<link rel="alternate" type="text/html" href="${abs(region && entries[0] ? regionYearPath(region.code, entries[0].year) : HOME_PATH)}"/>
${items.join('\n')}
</feed>
`;
}
