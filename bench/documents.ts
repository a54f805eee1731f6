/**
 * `npm run bench:documents`: milliseconds to write one report's .docx and .xlsx (the median of
 * timed runs after a warm-up), and a region-year's workbook of 50 reports; for comparison, the
 * same two files written by the libraries directly (what the templates must equal). Target: each of the
 * one-report documents under 50 ms. Prints figures and ratios to the target; never fails on timing.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { importReport } from '../functions/domain/import/import-report.js';
import { regionWorkbook } from '../functions/render/documents/region-workbook.js';
import { reportDocx, reportDocxByLibrary } from '../functions/render/documents/report-docx.js';
import { reportXlsx, reportXlsxByLibrary } from '../functions/render/documents/report-xlsx.js';
import { sampleReport } from '../test/unit/site-fixtures.js';

const TARGET_MS = 50;
const WARM_UP = 10;
const RUNS = 30;

const wangdian = importReport(
  readFileSync(fileURLToPath(new URL('../test/fixtures/wangdian-2023-report.txt', import.meta.url)), 'utf8'),
);
const region = Array.from({ length: 50 }, (_, i) => ({
  agencyName: `第${i + 1}号单位`,
  agencyId: `11411325MB${String(i).padStart(7, '0')}X`,
  report: sampleReport({ agencyName: `第${i + 1}号单位`, seed: i + 1 }),
}));

interface Figure {
  /** wall-clock milliseconds */
  readonly ms: number;
  /** CPU milliseconds of this process (user + system): what the work costs when the machine is shared */
  readonly cpuMs: number;
  readonly bytes: number;
}

const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function median(fn: () => Promise<Uint8Array>, runs = RUNS): Promise<Figure> {
  for (let i = 0; i < WARM_UP; i++) await fn();
  const wall: number[] = [];
  const cpu: number[] = [];
  let bytes = 0;
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    bytes = (await fn()).length;
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { ms: medianOf(wall), cpuMs: medianOf(cpu), bytes };
}

const line = (name: string, { ms, cpuMs, bytes }: Figure, target?: number) =>
  console.log(
    `${name.padEnd(40)} ${ms.toFixed(1).padStart(7)} ms wall ${cpuMs.toFixed(1).padStart(7)} ms cpu ${(bytes / 1024).toFixed(0).padStart(5)} KB${
      target ? `   ${(ms / target).toFixed(2)} × target (${target} ms)` : ''
    }`,
  );

// The project machine is shared: the load average says how far wall-clock figures are inflated.
console.log(`node ${process.version}, median of ${RUNS} runs after ${WARM_UP} warm-up runs, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`);
const docx = await median(() => reportDocx(wangdian));
line('report.docx (wangdian 2023)', docx, TARGET_MS);
const xlsx = await median(() => reportXlsx(wangdian));
line('report.xlsx (wangdian 2023)', xlsx, TARGET_MS);
const sampleDocx = await median(() => reportDocx(region[0]!.report));
line('report.docx (every cell filled, texts)', sampleDocx, TARGET_MS);
// what the libraries take when they write the whole file (the templates' reference, and the path before)
line('report.docx by the docx library', await median(() => reportDocxByLibrary(wangdian), 10));
line('report.xlsx by exceljs', await median(() => reportXlsxByLibrary(wangdian), 10));
line('region workbook (50 reports)', await median(() => regionWorkbook(region), 5));
// the slower of the one-report documents, wall clock, so the headline is never the flattering one
console.log(`documents: ${Math.round(Math.max(docx.ms, xlsx.ms, sampleDocx.ms))} ms max`);
