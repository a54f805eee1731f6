/**
 * `npm run bench:open-data`: what the open data (issue 18) costs.
 * 1. Bytes one publish writes, all objects and the `data/` ones, in a year already holding
 *    BENCH_REGIONS × BENCH_AGENCIES published reports (in-memory ports: bytes, not speed). The
 *    measured publishes are amendments of reports of the full year, spread over the regions.
 * 2. Peak memory of a full rebuild of BENCH_REBUILD_REPORTS synthetic reports (100 per region, one
 *    year: every report in the same year, the worst case for a year's files), rendered by
 *    `writeSite` into a bucket that counts bytes and keeps nothing, in a child process of its own
 *    so its peak is the rebuild's: the kernel's maxRSS and a 20 ms sampler of process.memoryUsage.
 * Prints figures; never fails on them. Last line: `open data: <KB> per publish, rebuild peak <MB> MB RSS`.
 */
import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { withCheckCharacter } from '../functions/domain/credit-code.js';
import type { AgencyInfo, Publication, SiteSnapshot } from '../functions/domain/publication.js';
import type { Report } from '../functions/domain/report.js';
import type { SiteObject } from '../functions/render/site/render-site.js';
import { submitFiling } from '../functions/services/filings.js';
import { siteObjectCount, writeSite } from '../functions/services/publishing.js';
import type { SiteBucket } from '../functions/services/site-ports.js';
import { consistentReportArbitrary } from '../test/support/consistent-report.js';
import { memoryWorld } from '../test/support/memory/memory-world.js';

const REGIONS = Number(process.env.BENCH_REGIONS ?? 4);
const AGENCIES = Number(process.env.BENCH_AGENCIES ?? 25);
const MEASURED = Number(process.env.BENCH_PUBLISHES ?? 8);
const REBUILD_REPORTS = Number(process.env.BENCH_REBUILD_REPORTS ?? 1000);
const YEAR = 2024;

const samples = fc.sample(consistentReportArbitrary('2021'), { numRuns: 200, seed: 7 });
const size = (body: SiteObject['body']) => (typeof body === 'string' ? Buffer.byteLength(body) : body.length);
const kb = (bytes: number) => (bytes / 1024).toFixed(0);
const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(0);

/** Counts what goes through, keeps nothing. */
class CountingBucket implements SiteBucket {
  bytes = 0;
  dataBytes = 0;
  objects = 0;
  constructor(private readonly inner?: SiteBucket) {}
  async put(objects: readonly SiteObject[]): Promise<void> {
    for (const o of objects) {
      this.objects++;
      this.bytes += size(o.body);
      if (o.key.startsWith('data/')) this.dataBytes += size(o.body);
    }
    await this.inner?.put(objects);
  }
  async remove(keys: readonly string[]): Promise<void> {
    await this.inner?.remove(keys);
  }
}

async function bytesPerPublish(): Promise<{ total: number; data: number; objects: number }> {
  const world = memoryWorld();
  const counting = new CountingBucket(world.bucket);
  world.deps.publish.bucket = counting;
  const agencies: Awaited<ReturnType<typeof world.addAgency>>[] = [];
  for (let r = 0; r < REGIONS; r++) for (let i = 0; i < AGENCIES; i++) agencies.push(await world.addAgency(String(411301 + r)));
  let n = 0;
  const submit = async (i: number) => {
    const agency = agencies[i % agencies.length]!;
    const report: Report = { ...samples[n++ % samples.length]!, agencyName: agency.name, year: YEAR };
    world.time.advance(60_000);
    await submitFiling(world.deps.filing, world.filer(agency), { year: YEAR, report });
    const delivery = await world.deliver();
    if (delivery.failed.length) throw new Error(delivery.failed[0]!.error);
  };
  for (let i = 0; i < agencies.length; i++) await submit(i);
  Object.assign(counting, { bytes: 0, dataBytes: 0, objects: 0 });
  // amendments spread over the regions: every publish in a full year
  for (let i = 0; i < MEASURED; i++) await submit(i * AGENCIES + (i % AGENCIES));
  return { total: counting.bytes / MEASURED, data: counting.dataBytes / MEASURED, objects: counting.objects / MEASURED };
}

function syntheticSnapshot(reports: number): SiteSnapshot {
  const agencies: AgencyInfo[] = [];
  const publications: Publication[] = [];
  for (let r = 0; publications.length < reports; r++) {
    const code = String(410100 + r);
    for (let i = 0; i < 100 && publications.length < reports; i++) {
      const id = withCheckCharacter(`11${code}MB${String(i).padStart(7, '0')}`);
      const name = `第${r + 1}县第${i + 1}单位`;
      agencies.push({ id, name, region: code });
      const report = { ...samples[publications.length % samples.length]!, agencyName: name, year: YEAR };
      publications.push({ agencyId: id, region: code, year: YEAR, revisions: [{ revision: 1, publishedAt: '2025-01-20T02:00:00Z', report }] });
    }
  }
  return { regions: [], agencies, publications };
}

/** In the child: one rebuild, then a JSON line of its figures. */
async function rebuildChild(): Promise<void> {
  const snapshot = syntheticSnapshot(REBUILD_REPORTS);
  global.gc?.();
  const before = process.memoryUsage().rss;
  let sampled = before;
  const sampler = setInterval(() => (sampled = Math.max(sampled, process.memoryUsage().rss)), 20);
  const bucket = new CountingBucket();
  const started = performance.now();
  const result = await writeSite(bucket, snapshot, 'https://nianbao.example.gov.cn');
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  const maxRss = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(
    `${JSON.stringify({ reports: snapshot.publications.length, objects: result.objects, expected: siteObjectCount(snapshot), bytes: result.bytes, dataBytes: bucket.dataBytes, seconds, before, sampled, maxRss })}\n`,
  );
}

async function main(): Promise<void> {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const publish = await bytesPerPublish();
  out(
    `publish: ${kb(publish.total)} KB in ${publish.objects.toFixed(0)} objects per publish, of which data/ ${kb(publish.data)} KB ` +
      `(a year of ${REGIONS} regions × ${AGENCIES} reports, mean of ${MEASURED} amendments)`,
  );
  const child = JSON.parse(
    execFileSync(process.execPath, [...process.execArgv, process.argv[1]!, 'rebuild'], { encoding: 'utf8', maxBuffer: 1 << 20, env: process.env }).trim().split('\n').at(-1)!,
  ) as { reports: number; objects: number; expected: number; bytes: number; dataBytes: number; seconds: number; before: number; sampled: number; maxRss: number };
  out(
    `rebuild: ${child.reports} reports, ${child.objects} objects (${child.expected} counted), ${mb(child.bytes)} MB of which data/ ${mb(child.dataBytes)} MB, ` +
      `${child.seconds.toFixed(1)} s; RSS ${mb(child.before)} MB with the snapshot loaded, peak ${mb(child.maxRss)} MB (kernel maxRSS; sampled ${mb(child.sampled)} MB; target < 512)`,
  );
  out(`open data: ${kb(publish.total)} KB per publish, rebuild peak ${mb(child.maxRss)} MB RSS`);
}

if (process.argv[2] === 'rebuild') await rebuildChild();
else await main();
