/**
 * What a publish rewrites beyond its region-year: the Atom feeds (the site's and its region's),
 * its region's page (from the region's home-page lines: `onTime`, `figures`),
 * which need other region-years' newest publications (each region-year read at most once per
 * publish: one query, or this process's recent copy), and the open data listings of its year and
 * `/data/`, built from the region-years' home-page lines alone (their `dataFiles`).
 */
import { feedEntriesOf, FEED_SIZE, newestEntries, type FeedEntry } from '../render/site/feed.js';
import { dataIndexObject, dataYearObjects, feedObjects, regionPageObject, type SiteObject } from '../render/site/render-site.js';
import type { DataLine } from '../render/site/open-data.js';
import type { Publication, RegionInfo } from '../domain/publication.js';
import type { RecentPublications } from './recent-publications.js';
import type { RegionYearSummary, SiteLines, SiteStore } from './site-ports.js';

/** What this needs of the publisher's deps (not PublishDeps itself: publishing.ts imports this). */
export interface SiteWideDeps {
  readonly store: Pick<SiteStore, 'listRegionPublications'>;
  readonly baseUrl: string;
  readonly recent?: RecentPublications;
}

export interface OwnRegionYear {
  readonly region: string;
  readonly year: number;
  /** the region-year's home page line once this publish is recorded */
  readonly summary: RegionYearSummary;
  /** the region-year's publications once this publish is recorded */
  readonly publications: readonly Publication[];
}

type Dated = RegionYearSummary & { lastmod: string };

export async function siteWideObjects(deps: SiteWideDeps, site: SiteLines, own: OwnRegionYear): Promise<SiteObject[]> {
  const lines = [...site.summaries.filter((s) => s.region !== own.region || s.year !== own.year), own.summary];
  const read = new Map<string, readonly Publication[]>();
  const publicationsOf = async (s: RegionYearSummary): Promise<readonly Publication[]> => {
    const key = `${s.region}#${s.year}`;
    let publications = read.get(key);
    if (!publications) {
      if (s.region === own.region && s.year === own.year) publications = own.publications;
      else {
        const recorded = site.recorded.get(key) ?? 0;
        const remembered = deps.recent?.get(s.region, s.year, recorded);
        publications = remembered ?? (await deps.store.listRegionPublications(s.region, s.year));
        if (!remembered) deps.recent?.remember(s.region, s.year, recorded, publications);
      }
      read.set(key, publications);
    }
    return publications;
  };

  // The feeds list the newest FEED_SIZE revisions. A region-year's `lastmod` is its newest
  // publication instant, so region-years are read newest first, stopping at the first one older
  // than the feed's last entry: a publish reads what the feeds show, not the whole site.
  const dated = lines.filter((s): s is Dated => s.lastmod !== undefined).sort((a, b) => Date.parse(b.lastmod) - Date.parse(a.lastmod));
  const entries: FeedEntry[] = [];
  for (const scope of [undefined, own.region]) {
    let got: FeedEntry[] = [];
    for (const line of dated) {
      if (scope !== undefined && line.region !== scope) continue;
      const last = got.length >= FEED_SIZE ? got[FEED_SIZE - 1] : undefined;
      if (last && Date.parse(line.lastmod) < Date.parse(last.publishedAt)) break;
      got = newestEntries([...got, ...feedEntriesOf(await publicationsOf(line))], scope);
    }
    entries.push(...got);
  }
  const region = site.regions.find((r) => r.code === own.region) ?? { code: own.region };

  const data = dataLines(site.regions, lines);

  return [
    ...feedObjects(deps.baseUrl, dedupe(entries), [region]),
    regionPageObject(region, lines.filter((s) => s.region === own.region)),
    ...dataYearObjects(own.year, data),
    dataIndexObject(data),
  ];
}

/** The open data listings' lines (`/data/`, `/data/{year}/`) from the site's region-year lines. */
export function dataLines(regions: readonly RegionInfo[], lines: readonly RegionYearSummary[]): DataLine[] {
  const names = new Map(regions.flatMap((r) => (r.name ? [[r.code, r.name] as const] : [])));
  // A line published before its region-year had open data files lists none until a rebuild.
  return lines.flatMap((s) =>
    s.dataFiles && s.published > 0
      ? [
          {
            region: s.region,
            ...(names.has(s.region) ? { regionName: names.get(s.region) } : {}),
            year: s.year,
            ...(s.lastmod ? { updated: s.lastmod } : {}),
            files: s.dataFiles,
            ...(s.workbook ? { workbook: s.workbook } : {}),
          },
        ]
      : [],
  );
}

function dedupe(entries: readonly FeedEntry[]): FeedEntry[] {
  const seen = new Map(entries.map((e) => [`${e.region}/${e.year}/${e.agencyId}/${e.revision}`, e]));
  return [...seen.values()];
}
