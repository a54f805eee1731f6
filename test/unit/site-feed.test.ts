/**
 * The Atom feeds (/feed.xml, /{region}/feed.xml): well-formed XML with every filer text escaped,
 * newest first, at most FEED_SIZE entries; and a publish writes the same feeds a rebuild would.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { submitFiling } from '../../functions/services/filings.js';
import { loadSnapshot } from '../../functions/services/publishing.js';
import { FEED_SIZE, renderFeed, newestEntries, type FeedEntry } from '../../functions/render/site/feed.js';
import { objectHeaders } from '../../functions/render/site/object-headers.js';
import { renderSite, type SiteBody } from '../../functions/render/site/render-site.js';
import type { Report } from '../../functions/domain/report.js';
import type { Agency } from '../../functions/domain/agency.js';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';
import { agencyId } from './site-fixtures.js';

const BASE = 'https://example.org';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'entry' || name === 'link' });

function parseFeed(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  return parser.parse(xml).feed as { id: string; title: string; updated: string; entry?: any[]; '@xmlns': string };
}

const entry = (i: number, fields: Partial<FeedEntry> = {}): FeedEntry => ({
  region: '411325',
  year: 2023,
  agencyId: agencyId(i),
  agencyName: `第${i}号单位`,
  revision: 1,
  publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString(),
  ...fields,
});

describe('renderFeed', () => {
  it('writes a well-formed Atom feed whose entries link to each revision', () => {
    const entries = newestEntries([entry(1), entry(2, { revision: 2 })]);
    const feed = parseFeed(renderFeed({ baseUrl: BASE, entries, regionNames: new Map([['411325', '内乡县']]) }));
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe(`${BASE}/feed.xml`);
    expect(feed.updated).toBe(entry(2).publishedAt);
    expect(feed.entry!.map((e) => e.id)).toEqual([
      `${BASE}/411325/2023/${agencyId(2)}/r/2/`,
      `${BASE}/411325/2023/${agencyId(1)}/r/1/`,
    ]);
    expect(feed.entry![0].title).toContain('更正');
    expect(feed.entry![1].title).toContain('首次公开');
    expect(feed.entry![0].link[0]['@href']).toBe(feed.entry![0].id);
    expect(feed.entry![0].author.name).toBe('第2号单位');
    expect(feed.entry![0].summary).toContain('内乡县');
    expect(objectHeaders('feed.xml').contentType).toBe('application/atom+xml; charset=utf-8');
  });

  it('escapes filer text and drops characters XML cannot carry', () => {
    const name = `<script>alert("x")</script> & 'A'\u0001\u000b单位`;
    const xml = renderFeed({ baseUrl: BASE, entries: [entry(1, { agencyName: name })] });
    expect(xml).not.toContain('<script>');
    const feed = parseFeed(xml);
    const parsed = new XMLParser({ processEntities: true, htmlEntities: true, isArray: (n) => n === 'entry' }).parse(xml).feed;
    expect(parsed.entry[0].author.name).toBe(`<script>alert("x")</script> & 'A'单位`);
    expect(feed.entry).toHaveLength(1);
  });

  it('is valid with no entries', () => {
    const feed = parseFeed(renderFeed({ baseUrl: BASE, region: { code: '411325', name: '内乡县' }, entries: [] }));
    expect(feed.id).toBe(`${BASE}/411325/feed.xml`);
    expect(feed.entry).toBeUndefined();
  });
});

describe('newestEntries', () => {
  it('keeps the newest FEED_SIZE, newest first, of one region if asked', () => {
    const all = Array.from({ length: 120 }, (_, i) => entry(i + 1, { region: i % 2 ? '411325' : '411326' }));
    const site = newestEntries([...all].reverse());
    expect(site).toHaveLength(FEED_SIZE);
    expect(site[0]).toEqual(all[119]);
    expect(site.at(-1)).toEqual(all[120 - FEED_SIZE]);
    const region = newestEntries(all, '411325');
    expect(region).toHaveLength(FEED_SIZE);
    expect(region.every((e) => e.region === '411325')).toBe(true);
    expect(region.map((e) => e.publishedAt)).toEqual([...region.map((e) => e.publishedAt)].sort().reverse());
  });
});

describe('a publish writes the feeds and open data a rebuild would', () => {
  let seed = 1;
  const reportFor = (agency: Agency, year: number): Report => {
    const [report] = fc.sample(consistentReportArbitrary('2021'), { seed: seed++, numRuns: 1 });
    return { ...report!, agencyName: agency.name, year };
  };
  async function submit(world: MemoryWorld, agency: Agency, year: number) {
    world.time.advance(60_000);
    await submitFiling(world.deps.filing, world.filer(agency), { year, report: reportFor(agency, year) });
    const delivery = await world.deliver();
    expect(delivery.failed).toEqual([]);
  }

  it('over more than FEED_SIZE publications and amendments in three regions and two years', async () => {
    const world = memoryWorld();
    const regions = ['411325', '411326', '411327'];
    const agencies: Agency[] = [];
    for (let i = 0; i < 45; i++) agencies.push(await world.addAgency(regions[i % 3]!));
    // different agencies per year: a year's report is checked against the agency's year before
    for (const a of agencies.slice(0, 24)) await submit(world, a, 2023);
    for (const a of agencies.slice(24)) await submit(world, a, 2024);
    // amendments of older reports after newer publications
    for (const a of agencies.slice(0, 10)) await submit(world, a, 2023);

    const { snapshot } = await loadSnapshot(world.stores.site, world.time.iso());
    const rebuilt = new Map<string, SiteBody>();
    for await (const o of renderSite(snapshot, world.deps.publish.baseUrl)) rebuilt.set(o.key, o.body);
    // the feeds, every region-year's open data and the listings (from the home-page lines)
    const data = [2023, 2024].flatMap((y) => [
      ...regions.flatMap((r) => [`data/${y}/reports-${y}-${r}.csv`, `data/${y}/reports-${y}-${r}.jsonl`, `data/${y}/figures-${y}-${r}.csv`]),
      `data/${y}/index.html`,
      `data/${y}/manifest.json`,
    ]);
    // the region pages too: from the home-page lines a publish reads, as a rebuild renders them from the reports
    for (const key of ['feed.xml', ...regions.flatMap((r) => [`${r}/feed.xml`, `${r}/index.html`]), ...data, 'data/index.html']) {
      expect(world.bucket.body(key), key).toBeDefined();
      expect(world.bucket.body(key), key).toBe(rebuilt.get(key));
    }
    expect(regions.flatMap((r) => world.bucket.body(`data/2023/reports-2023-${r}.jsonl`)!.trim().split('\n'))).toHaveLength(24);
    const site = parseFeed(world.bucket.body('feed.xml')!);
    expect(site.entry).toHaveLength(FEED_SIZE);
    // the newest is the last amendment
    expect(site.entry![0].id).toMatch(new RegExp(`/2023/${agencies[9]!.id}/r/2/$`));
    const region = parseFeed(world.bucket.body('411326/feed.xml')!);
    // 411326: agencies 1, 4, … — 8 of 2023, 7 of 2024, and 3 amendments (1, 4, 7)
    expect(region.entry!.length).toBe(8 + 7 + 3);
    // 55 publishes, each writing its report's Word and Excel files: minutes on a loaded machine
  }, 300_000);
});
