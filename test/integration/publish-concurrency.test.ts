/**
 * Publishes racing in one region-year and across region-years: the race check reads only the
 * site's lines (each region-year's `recorded` count sits on its home page line), and whoever
 * records last must still leave every shared page listing everyone.
 */
import { describe, expect, it } from 'vitest';
import { submitFiling } from '../../functions/services/filings.js';
import type { Agency } from '../../functions/domain/agency.js';
import { publishRevision } from '../../functions/services/publishing.js';
import { attr, elements, parse, text } from '../unit/site-dom.js';
import { clock, newAgency, newRegion, store } from './helpers.js';
import { consistentReport, depsFor, getObject } from './publish-helpers.js';

const YEAR = 2024;

async function submitted(agency: Agency) {
  const caller = { role: 'filer' as const, agencyId: agency.id, region: agency.region, tokenHash: 'test' };
  const result = await submitFiling({ store: store(), clock }, caller, { year: YEAR, report: consistentReport(agency, YEAR) });
  return { agencyId: agency.id, year: YEAR, revision: result.body.revision };
}

function publishedRows(html: string): string[] {
  return elements(parse(html), 'tr')
    .filter((tr) => attr(tr, 'class') === 'published')
    .map((tr) => text(tr));
}

describe('concurrent publishes', () => {
  it('leaves the region-year index listing every agency published at the same time, and counts each record', async () => {
    const region = newRegion();
    const agencies = await Promise.all(Array.from({ length: 6 }, () => newAgency(region)));
    const targets = await Promise.all(agencies.map(submitted));
    // Separate deps per publish, as separate Lambda containers would have.
    const results = await Promise.all(targets.map((t) => publishRevision(depsFor(), t)));

    const index = await getObject(`${region}/${YEAR}/index.html`);
    const rows = publishedRows(index!.body);
    for (const a of agencies) expect(rows.some((r) => r.includes(a.name)), a.name).toBe(true);

    const site = await depsFor().store.loadSite();
    // one record per round of each publish: a publish that saw another re-planned and recorded again
    const rounds = results.reduce((n, r) => n + r.rounds, 0);
    expect(site.recorded.get(`${region}#${YEAR}`)).toBe(rounds);
    expect(site.summaries.find((s) => s.region === region && s.year === YEAR)).toMatchObject({ published: 6, agencies: 6 });
  }, 120_000);

  it('with one process publishing them all at once, still lists everyone (its remembered lists never skip another record)', async () => {
    const region = newRegion();
    const agencies = await Promise.all(Array.from({ length: 6 }, () => newAgency(region)));
    const targets = await Promise.all(agencies.map(submitted));
    const deps = depsFor();
    await Promise.all(targets.map((t) => publishRevision(deps, t)));
    // One more publish in the same process: it may use what the process remembers.
    await publishRevision(deps, await submitted(agencies[0]!));

    const rows = publishedRows((await getObject(`${region}/${YEAR}/index.html`))!.body);
    for (const a of agencies) expect(rows.some((r) => r.includes(a.name)), a.name).toBe(true);
    const csv = (await getObject(`${region}/${YEAR}/all-reports.csv`))!.body;
    for (const a of agencies) expect(csv).toContain(a.id);
    // six publishes at once, each writing Word and Excel files and reading the feeds' region-years: slow on a loaded machine
  }, 120_000);

  it("reuses a region-year's publications only while its record count has not moved", async () => {
    const region = newRegion();
    const [a, b, c] = await Promise.all(Array.from({ length: 3 }, () => newAgency(region)));
    const here = depsFor();
    let reads = 0;
    const list = here.store.listRegionPublications.bind(here.store);
    // reads of this region-year (the feeds also read other region-years' newest publications)
    here.store.listRegionPublications = (r, y) => (r === region && y === YEAR && reads++, list(r, y));
    const elsewhere = depsFor();

    await publishRevision(here, await submitted(a!));
    expect(reads).toBe(1);
    // The same process again, nobody else in between: what it wrote is what it would read.
    await publishRevision(here, await submitted(a!));
    expect(reads).toBe(1);
    // Another process records B: the count moves, so this process reads again and lists B.
    await publishRevision(elsewhere, await submitted(b!));
    await publishRevision(here, await submitted(c!));
    expect(reads).toBe(2);

    const rows = publishedRows((await getObject(`${region}/${YEAR}/index.html`))!.body);
    for (const x of [a!, b!, c!]) expect(rows.some((r) => r.includes(x.name)), x.name).toBe(true);
    const csv = (await getObject(`${region}/${YEAR}/all-reports.csv`))!.body;
    for (const x of [a!, b!, c!]) expect(csv).toContain(x.id);
  });

  it("reuses a region's agency list for a minute, but reads it again for an agency it lacks", async () => {
    const region = newRegion();
    const [a, b] = await Promise.all([newAgency(region), newAgency(region)]);
    const site = depsFor().store;
    const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();
    expect(ids(await site.recentAgencies(region, a!.id))).toEqual(ids([a!, b!]));
    const c = await newAgency(region);
    // Within the minute: the list read before C was registered.
    expect(ids(await site.recentAgencies(region, a!.id))).toEqual(ids([a!, b!]));
    // Publishing C needs C on its own region's pages: read again.
    expect(ids(await site.recentAgencies(region, c.id))).toEqual(ids([a!, b!, c]));
    expect(ids(await site.recentAgencies(region, a!.id))).toEqual(ids([a!, b!, c]));
  });

  it('leaves the home page listing every region-year published at the same time', async () => {
    const regions = Array.from({ length: 4 }, () => newRegion());
    const agencies = await Promise.all(regions.map((r) => newAgency(r)));
    const targets = await Promise.all(agencies.map(submitted));
    await Promise.all(targets.map((t) => publishRevision(depsFor(), t)));

    const home = parse((await getObject('index.html'))!.body);
    const hrefs = elements(home, 'a').map((a) => attr(a, 'href'));
    for (const r of regions) expect(hrefs).toContain(`/${r}/${YEAR}/`);
  });
});
