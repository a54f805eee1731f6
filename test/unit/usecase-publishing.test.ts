/**
 * The publishing use cases (functions/services/publishing.ts) on the in-memory ports: an
 * accepted revision's stream record publishes its objects into the bucket; a bucket that keeps
 * failing leaves the filing `publish_failed` after the stream's retries; the repair pass and the
 * rebuild publish it once the bucket works. test/integration/publish-flow.test.ts,
 * publish-failure.test.ts and publish-rebuild.test.ts run these against DynamoDB Local and s3rver.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { submitFiling } from '../../functions/services/filings.js';
import { MAX_PUBLISH_ATTEMPTS, rebuildSite, repairPublishFailures } from '../../functions/services/publishing.js';
import { getBoard } from '../../functions/services/review.js';
import { STATUS_LABELS } from '../../functions/domain/filing-status.js';
import { Report, cellRefs, cellValue } from '../../functions/domain/report.js';
import type { Agency } from '../../functions/domain/agency.js';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';
import { attr, elements, parse, text } from './site-dom.js';

const YEAR = 2024;
const REGION = '411325';

let seed = 1;
function consistentReport(agency: Agency): Report {
  const [report] = fc.sample(consistentReportArbitrary('2021'), { seed: seed++, numRuns: 1 });
  return { ...report!, agencyName: agency.name, year: YEAR };
}

async function submit(world: MemoryWorld, agency: Agency, report = consistentReport(agency)) {
  const result = await submitFiling(world.deps.filing, world.filer(agency), { year: YEAR, report });
  return { result, report: { ...report, agencyId: agency.id } };
}

const pageKey = (a: Agency, tail = 'index.html') => `${a.region}/${YEAR}/${a.id}/${tail}`;

/** The page's data cells by `data-path`, compared with the report's numbers. */
function expectCells(html: string, report: Report): void {
  const cells = new Map(elements(parse(html), 'td').flatMap((td) => (attr(td, 'data-path') ? [[attr(td, 'data-path')!, text(td)] as const] : [])));
  for (const ref of cellRefs(report.template)) {
    const expected = cellValue(report, ref.table, ref.row, ref.column);
    const shown = cells.get(ref.path);
    expect(shown, ref.path).toBeDefined();
    if (typeof expected === 'number') expect(Number(shown), ref.path).toBe(expected);
  }
}

describe('publishing an accepted revision', () => {
  it("writes the report's page, its JSON and the region-year's index into the bucket, and records the publication", async () => {
    const world = memoryWorld();
    const [a, b, idle] = [await world.addAgency(REGION), await world.addAgency(REGION), await world.addAgency(REGION, 'township')];
    const reports = [await submit(world, a), await submit(world, b)];
    expect(world.bucket.objects.size).toBe(0); // nothing before the stream is delivered
    const delivery = await world.deliver();
    expect(delivery.failed).toEqual([]);

    for (const [i, agency] of [a, b].entries()) {
      const page = world.bucket.objects.get(pageKey(agency));
      expect(page?.contentType).toMatch(/^text\/html/);
      expect(world.bucket.body(pageKey(agency))).toContain(agency.name);
      expectCells(world.bucket.body(pageKey(agency))!, reports[i]!.report);
      expect(Report.parse(JSON.parse(world.bucket.body(pageKey(agency, 'report.json'))!))).toEqual(reports[i]!.report);
      expect(world.bucket.objects.has(pageKey(agency, 'r/1/index.html'))).toBe(true);
      const filing = await world.stores.filings.getFiling(agency.id, YEAR);
      expect(filing?.status).toBe('published');
    }
    const index = parse(world.bucket.body(`${REGION}/${YEAR}/index.html`)!);
    const rows = elements(index, 'tr').filter((tr) => ['published', 'not-published'].includes(attr(tr, 'class') ?? ''));
    expect(rows).toHaveLength(3);
    for (const agency of [a, b]) {
      const row = rows.find((r) => text(r).includes(agency.name))!;
      expect(attr(elements(row, 'a')[0]!, 'href')).toBe(`/${REGION}/${YEAR}/${agency.id}/`);
    }
    expect(attr(rows.find((r) => text(r).includes(idle.name))!, 'class')).toBe('not-published');
    expect(world.bucket.body('index.html')).toContain(`/${REGION}/${YEAR}/`);

    const published = await world.stores.site.listRegionPublications(REGION, YEAR);
    expect(published.map((p) => p.agencyId).sort()).toEqual([a.id, b.id].sort());
    const site = await world.stores.site.loadSite();
    expect(site.summaries).toEqual([expect.objectContaining({ region: REGION, year: YEAR, published: 2, agencies: 3 })]);
    expect(site.recorded.get(`${REGION}#${YEAR}`)).toBe(2);
  });

  it('an amendment publishes revision 2 as current, keeps revision 1 and its first publication instant', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency(REGION);
    await submit(world, agency);
    await world.deliver();
    const first = (await world.stores.site.loadAgency(agency.id)).filings[0]!.revisions[0]!.publishedAt;
    world.time.advance(3_600_000);
    const { report } = await submit(world, agency);
    await world.deliver();
    const revisions = (await world.stores.site.loadAgency(agency.id)).filings[0]!.revisions;
    expect(revisions.map((r) => [r.revision, r.publishedAt])).toEqual([
      [1, first],
      [2, world.time.iso()],
    ]);
    expect(Report.parse(JSON.parse(world.bucket.body(pageKey(agency, 'report.json'))!))).toEqual(report);
    expect(world.bucket.objects.has(pageKey(agency, 'r/2/index.html'))).toBe(true);
  });
});

describe('a bucket that keeps failing', () => {
  it('is retried by the stream, then left publish_failed; the repair pass publishes it once the bucket works', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency(REGION);
    const { report } = await submit(world, agency);
    world.bucket.failWith = Object.assign(new Error('The specified bucket does not exist'), { name: 'NoSuchBucket' });

    const deliveries = await world.drain(MAX_PUBLISH_ATTEMPTS + 2);
    // Two deliveries throw (the stream redelivers), the third records the visible failure.
    expect(deliveries.map((d) => d.failed.length)).toEqual([1, 1, 0]);
    expect(deliveries[0]!.failed[0]!.error).toMatch(/bucket does not exist/);
    const revision = world.tables.revisions.get(`${agency.id}#${YEAR}#000001`)!;
    expect(revision.publishAttempts).toBe(MAX_PUBLISH_ATTEMPTS);
    expect(revision.publishError).toMatch(/^NoSuchBucket: /);
    expect(revision.publishedAt).toBeUndefined();
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('publish_failed');
    expect(await world.stores.site.listPublishFailures()).toEqual([
      expect.objectContaining({ agencyId: agency.id, year: YEAR, revision: 1, region: REGION }),
    ]);
    expect(world.bucket.objects.size).toBe(0);

    // Still failing: the repair pass reports it and changes nothing.
    const still = await repairPublishFailures(world.deps.publish);
    expect(still).toMatchObject({ repaired: [], stillFailing: [{ agencyId: agency.id, revision: 1 }] });
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('publish_failed');

    world.bucket.failWith = undefined;
    const repaired = await repairPublishFailures(world.deps.publish);
    expect(repaired).toEqual({ repaired: [{ agencyId: agency.id, year: YEAR, revision: 1 }], stillFailing: [], backlog: 1, deferred: 0 });
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('published');
    expect(await world.stores.site.listPublishFailures()).toEqual([]);
    expect(world.tables.revisions.get(`${agency.id}#${YEAR}#000001`)!.publishedAt).toBe(world.time.iso());
    expectCells(world.bucket.body(pageKey(agency))!, report);
    expect(world.bucket.body(`${REGION}/${YEAR}/index.html`)).toContain(`href="/${REGION}/${YEAR}/${agency.id}/"`);
  });

  it('a rebuild writes every accepted revision, records the unpublished ones and clears the failures', async () => {
    const world = memoryWorld();
    const [a, b] = [await world.addAgency(REGION), await world.addAgency('411326')];
    await submit(world, a);
    await world.deliver();
    world.bucket.failWith = new Error('S3 unavailable');
    await submit(world, b);
    await world.drain(MAX_PUBLISH_ATTEMPTS);
    expect((await world.stores.filings.getFiling(b.id, YEAR))?.status).toBe('publish_failed');

    world.bucket.failWith = undefined;
    world.bucket.objects.clear();
    const result = await rebuildSite(world.deps.publish);
    expect(result).toMatchObject({ reports: 2, newlyPublished: 1 });
    expect(result.objects).toBe(world.bucket.objects.size);
    for (const agency of [a, b]) expect(world.bucket.body(pageKey(agency))).toContain(agency.name);
    expect((await world.stores.filings.getFiling(b.id, YEAR))?.status).toBe('published');
    expect(await world.stores.site.listPublishFailures()).toEqual([]);
    const lines = (await world.stores.site.loadSite()).summaries.map((s) => [s.region, s.published]);
    expect(lines).toEqual([
      [REGION, 1],
      ['411326', 1],
    ]);
  });
});

describe('a stream record that never reaches the publisher', () => {
  const GRACE = 2 * 60_000;

  it('is found from the table once the grace period has passed, and the repair pass publishes it', async () => {
    const world = memoryWorld();
    const [a, b, c] = [await world.addAgency(REGION), await world.addAgency(REGION), await world.addAgency('411326')];
    await submit(world, a);
    await world.deliver();
    const lost = [await submit(world, b), await submit(world, c)];
    expect(world.loseStream()).toBe(2); // b's and c's INSERTs: dropped, no failure marker
    expect(await world.stores.site.listPublishFailures()).toEqual([]);
    const board = await getBoard(world.deps.review, world.reviewer(REGION), REGION, YEAR);
    expect(board.rows.find((r) => r.agencyId === b.id)?.status).toBe('submitted');
    expect(STATUS_LABELS.submitted).toBe('待发布');

    // Within the grace period the stream may still publish it: the pass leaves it alone.
    world.time.advance(GRACE - 1000);
    expect(await repairPublishFailures(world.deps.publish)).toEqual({ repaired: [], stillFailing: [], backlog: 0, deferred: 0 });
    expect(world.bucket.objects.has(pageKey(b))).toBe(false);

    world.time.advance(2000);
    const result = await repairPublishFailures(world.deps.publish);
    expect(result).toMatchObject({ stillFailing: [], backlog: 2, deferred: 0 });
    expect(result.repaired.map((t) => t.agencyId).sort()).toEqual([b.id, c.id].sort());
    for (const [i, agency] of [b, c].entries()) {
      expectCells(world.bucket.body(pageKey(agency))!, lost[i]!.report);
      expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('published');
    }
    expect(world.bucket.body(`${REGION}/${YEAR}/index.html`)).toContain(`href="/${REGION}/${YEAR}/${b.id}/"`);
    // Nothing is owed any more.
    expect(await repairPublishFailures(world.deps.publish)).toMatchObject({ repaired: [], backlog: 0 });
  });

  it('finds an amendment whose record was lost although an older revision is published, and bounds a pass', async () => {
    const world = memoryWorld();
    const [a, b] = [await world.addAgency(REGION), await world.addAgency(REGION)];
    await submit(world, a);
    await submit(world, b);
    await world.deliver();
    const amended = await submit(world, a);
    await submit(world, b);
    world.loseStream();
    world.time.advance(GRACE + 1000);

    const first = await repairPublishFailures(world.deps.publish, { limit: 1 });
    expect(first).toMatchObject({ backlog: 2, deferred: 1, stillFailing: [] });
    expect(first.repaired).toHaveLength(1);
    const second = await repairPublishFailures(world.deps.publish, { limit: 1 });
    expect(second).toMatchObject({ backlog: 1, deferred: 0 });
    expect([...first.repaired, ...second.repaired].map((t) => [t.agencyId, t.revision]).sort()).toEqual(
      [
        [a.id, 2],
        [b.id, 2],
      ].sort(),
    );
    expectCells(world.bucket.body(pageKey(a))!, amended.report);
    expect(world.bucket.objects.has(pageKey(a, 'r/2/index.html'))).toBe(true);
  });
});

