/**
 * Publishing a region's stamped copies (盖章件) on the in-memory ports: with the region's
 * `publishStampedCopy` off nothing leaves the private bucket; on, the latest published revision's
 * copy goes beside the current report page as stamped.<ext> by its type and the page links it; a
 * copy confirmed after the publish republishes; a new kind, an amendment without a copy and the
 * setting turned off remove what the page no longer links. The same on DynamoDB Local and s3rver:
 * test/integration/stamped-copy.test.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { submitFiling } from '../../functions/services/filings.js';
import { publishRevision, publishStampedCopyChange } from '../../functions/services/publishing.js';
import { setRegionSettings } from '../../functions/services/review.js';
import type { StampedCopySource } from '../../functions/services/site-ports.js';
import type { Report } from '../../functions/domain/report.js';
import type { Agency } from '../../functions/domain/agency.js';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';
import { revisionKey } from '../support/memory/memory-tables.js';

const YEAR = 2024;
const REGION = '411325';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const PDF = new TextEncoder().encode('%PDF-1.7 stamped');

function report(agency: Agency, seed: number): Report {
  const [r] = fc.sample(consistentReportArbitrary('2021'), { seed, numRuns: 1 });
  return { ...r!, agencyName: agency.name, year: YEAR };
}

/** The private bucket as the publisher reads it; `reads` counts what it read. */
class MemoryStampedSource implements StampedCopySource {
  readonly files = new Map<string, Uint8Array>();
  reads = 0;
  async read(key: string) {
    this.reads++;
    return this.files.get(key);
  }
}

async function setup() {
  const world = memoryWorld();
  const source = new MemoryStampedSource();
  world.deps.publish.stampedCopies = source;
  const agency = await world.addAgency(REGION);
  await submitFiling(world.deps.filing, world.filer(agency), { year: YEAR, report: report(agency, 1) });
  expect((await world.deliver()).failed).toEqual([]);
  return { world, source, agency };
}

/** What a confirmation records on the revision (services/stamped-copy.ts), with the file in the private bucket. */
function confirm(world: MemoryWorld, source: MemoryStampedSource, agency: Agency, revision: number, contentType: string, bytes: Uint8Array) {
  const key = `stamped-copies/${agency.id}/${YEAR}/r${revision}/${'0'.repeat(8)}-0000-0000-0000-${String(source.files.size).padStart(12, '0')}.x`;
  source.files.set(key, bytes);
  const item = world.tables.revisions.get(revisionKey(agency.id, YEAR, revision))!;
  item.stampedCopy = { key, revision, fileName: '盖章件', contentType, size: bytes.length, uploadedAt: world.clock().toISOString() };
}

const dir = (a: Agency) => `${a.region}/${YEAR}/${a.id}/`;
const stampedKeys = (world: MemoryWorld, a: Agency) => [...world.bucket.objects.keys()].filter((k) => k.startsWith(`${dir(a)}stamped.`));

describe('publishing stamped copies', () => {
  it('keeps them private while the region has not chosen to publish them', async () => {
    const { world, source, agency } = await setup();
    confirm(world, source, agency, 1, 'image/png', PNG);
    // the confirmation's change of a published revision: nothing is published, nothing read
    expect(await publishStampedCopyChange(world.deps.publish, { agencyId: agency.id, year: YEAR, revision: 1, stampedCopy: true })).toBeUndefined();
    await publishRevision(world.deps.publish, { agencyId: agency.id, year: YEAR, revision: 1 });
    expect(stampedKeys(world, agency)).toEqual([]);
    expect(source.reads).toBe(0);
    expect(world.bucket.body(`${dir(agency)}index.html`)).not.toContain('盖章件');
  });

  it('publishes the latest revision\'s copy beside the current page by its type, and removes what the page no longer links', async () => {
    const { world, source, agency } = await setup();
    await setRegionSettings(world.deps.review, REGION, { publishStampedCopy: true }, 'test');
    confirm(world, source, agency, 1, 'image/png', PNG);
    const outcome = await publishStampedCopyChange(world.deps.publish, { agencyId: agency.id, year: YEAR, revision: 1, stampedCopy: true });
    expect(outcome?.kind).toBe('published');
    expect(stampedKeys(world, agency)).toEqual([`${dir(agency)}stamped.png`]);
    const png = world.bucket.objects.get(`${dir(agency)}stamped.png`)!;
    expect(png.contentType).toBe('image/png');
    expect(world.bucket.bytes(png.key)).toEqual(PNG);
    expect(world.bucket.body(`${dir(agency)}index.html`)).toContain('<a href="/411325/2024/' + agency.id + '/stamped.png" type="image/png">盖章件（扫描件）</a>');
    // never under the immutable revision pages
    expect([...world.bucket.objects.keys()].filter((k) => k.includes('/r/') && k.includes('stamped'))).toEqual([]);

    // a PDF uploaded again for the same revision replaces the PNG
    confirm(world, source, agency, 1, 'application/pdf', PDF);
    await publishStampedCopyChange(world.deps.publish, { agencyId: agency.id, year: YEAR, revision: 1, stampedCopy: true });
    expect(stampedKeys(world, agency)).toEqual([`${dir(agency)}stamped.pdf`]);
    expect(world.bucket.objects.get(`${dir(agency)}stamped.pdf`)?.contentType).toBe('application/pdf');
    expect(world.bucket.body(`${dir(agency)}index.html`)).toContain('stamped.pdf');

    // an amendment has no copy yet: the current page shows it, so revision 1's copy goes
    await submitFiling(world.deps.filing, world.filer(agency), { year: YEAR, report: report(agency, 2) });
    expect((await world.deliver()).failed).toEqual([]);
    expect(stampedKeys(world, agency)).toEqual([]);
    expect(world.bucket.body(`${dir(agency)}index.html`)).not.toContain('盖章件');

    // its own copy, then the region turns publishing off: the next publish removes it
    confirm(world, source, agency, 2, 'image/jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]));
    await publishStampedCopyChange(world.deps.publish, { agencyId: agency.id, year: YEAR, revision: 2, stampedCopy: true });
    expect(stampedKeys(world, agency)).toEqual([`${dir(agency)}stamped.jpg`]);
    expect(world.bucket.objects.get(`${dir(agency)}stamped.jpg`)?.contentType).toBe('image/jpeg');
    await setRegionSettings(world.deps.review, REGION, { publishStampedCopy: false }, 'test');
    await publishRevision(world.deps.publish, { agencyId: agency.id, year: YEAR, revision: 2 });
    expect(stampedKeys(world, agency)).toEqual([]);
    expect(world.bucket.body(`${dir(agency)}index.html`)).not.toContain('盖章件');
  });

  it('publishes a copy confirmed before the publish with the publish itself', async () => {
    const world = memoryWorld();
    const source = new MemoryStampedSource();
    world.deps.publish.stampedCopies = source;
    await setRegionSettings(world.deps.review, REGION, { publishStampedCopy: true }, 'test');
    const agency = await world.addAgency(REGION);
    await submitFiling(world.deps.filing, world.filer(agency), { year: YEAR, report: report(agency, 3) });
    confirm(world, source, agency, 1, 'image/png', PNG);
    expect((await world.deliver()).failed).toEqual([]);
    expect(stampedKeys(world, agency)).toEqual([`${dir(agency)}stamped.png`]);
  });
});
