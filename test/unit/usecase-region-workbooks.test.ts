/**
 * The region-year workbook (all-reports.xlsx) on the in-memory ports: never written by a publish
 * (so a publish does not slow as the region fills), written by the scheduled pass for every
 * region-year whose publications moved since, with every published agency's latest figures,
 * and not rewritten while nothing moved.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Agency } from '../../functions/domain/agency.js';
import type { Report } from '../../functions/domain/report.js';
import { submitFiling } from '../../functions/services/filings.js';
import { refreshRegionWorkbooks } from '../../functions/services/region-workbooks.js';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';

const YEAR = 2024;
const REGION = '411325';
const KEY = `${REGION}/${YEAR}/all-reports.xlsx`;

let seed = 11;
async function publish(world: MemoryWorld, agency: Agency): Promise<Report> {
  const [sample] = fc.sample(consistentReportArbitrary('2021'), { seed: seed++, numRuns: 1 });
  const report = { ...sample!, agencyName: agency.name, year: YEAR };
  await submitFiling(world.deps.filing, world.filer(agency), { year: YEAR, report });
  await world.drain();
  return report;
}

async function agenciesIn(bytes: Uint8Array): Promise<string[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const names = new Set<string>();
  sheet.eachRow((row) => {
    const v = row.getCell(1).value;
    if (typeof v === 'string' && v.endsWith('局')) names.add(v);
  });
  return [...names].sort();
}

describe('the region-year workbook', () => {
  it('is written by the scheduled pass, not by a publish, and again only once publications moved', async () => {
    const world = memoryWorld();
    const [a, b, c] = [await world.addAgency(REGION), await world.addAgency(REGION), await world.addAgency(REGION)];
    await publish(world, a);
    await publish(world, b);
    expect(world.bucket.objects.has(`${REGION}/${YEAR}/all-reports.csv`)).toBe(true);
    expect(world.bucket.objects.has(KEY)).toBe(false);

    const deps = world.deps.publish;
    const first = await refreshRegionWorkbooks(deps);
    expect(first.written).toEqual([{ region: REGION, year: YEAR, reports: 2 }]);
    const object = world.bucket.objects.get(KEY)!;
    expect(object.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(await agenciesIn(world.bucket.bytes(KEY)!)).toEqual([a.name, b.name].sort());

    const puts = world.bucket.puts;
    expect((await refreshRegionWorkbooks(deps)).written).toEqual([]);
    expect(world.bucket.puts).toBe(puts);

    await publish(world, c);
    expect((await refreshRegionWorkbooks(deps)).written).toEqual([{ region: REGION, year: YEAR, reports: 3 }]);
    expect(await agenciesIn(world.bucket.bytes(KEY)!)).toEqual([a.name, b.name, c.name].sort());
  });

  it('lists the workbook on /data/{year}/ and in its manifest with its size, reports and date, once written', async () => {
    const world = memoryWorld();
    await publish(world, await world.addAgency(REGION));
    await publish(world, await world.addAgency(REGION));
    expect(world.bucket.body(`data/${YEAR}/index.html`)).toContain('汇编中');
    await refreshRegionWorkbooks({ ...world.deps.publish, clock: () => new Date('2025-02-03T04:00:00Z') });
    const bytes = world.bucket.bytes(KEY)!.byteLength;
    const page = world.bucket.body(`data/${YEAR}/index.html`)!;
    expect(page).toContain(`href="/${REGION}/${YEAR}/all-reports.xlsx"`);
    expect(page).toContain('2 份报告，<time datetime="2025-02-03">2025年2月3日</time>');
    const manifest = JSON.parse(world.bucket.body(`data/${YEAR}/manifest.json`)!) as { files: { kind: string; path: string; bytes: number; rows: number; updated: string }[] };
    expect(manifest.files.find((f) => f.kind === 'workbook.xlsx')).toEqual(
      expect.objectContaining({ path: `/${REGION}/${YEAR}/all-reports.xlsx`, bytes, rows: 2, updated: '2025-02-03T04:00:00.000Z' }),
    );
    // /data/ counts its bytes in the year's total
    expect(world.bucket.body('data/index.html')).toContain(`href="/data/${YEAR}/"`);
  });

  it('names the workbook on the region page beside all-reports.csv', async () => {
    const world = memoryWorld();
    await publish(world, await world.addAgency(REGION));
    const page = world.bucket.body(`${REGION}/${YEAR}/index.html`)!;
    expect(page).toContain('href="/411325/2024/all-reports.csv"');
    expect(page).toContain('href="/411325/2024/all-reports.xlsx"');
  });

  it('writes at most `limit` workbooks per pass; the rest wait for the next', async () => {
    const world = memoryWorld();
    for (const region of ['411321', '411322', '411323']) await publish(world, await world.addAgency(region));
    const first = await refreshRegionWorkbooks(world.deps.publish, { limit: 2 });
    expect(first.written).toHaveLength(2);
    expect(first.deferred).toBe(1);
    const second = await refreshRegionWorkbooks(world.deps.publish, { limit: 2 });
    expect(second.written).toHaveLength(1);
    expect(second.deferred).toBe(0);
  });
});
