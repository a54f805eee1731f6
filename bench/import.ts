/**
 * `npm run bench:import`: milliseconds to import one report from each kind of file, through
 * importDocument as the CLI and the form call it. Documents are made the way the tests make
 * them (a consistent report in the official layout, written with docx and exceljs). Targets on
 * the project machine: .docx under 50 ms, .xlsx under 50 ms. The median of 30 runs after a
 * warm-up; the last line is the slowest kind. Prints figures; never fails on timing.
 */
import fc from 'fast-check';
import { importDocument } from '../functions/domain/import/import-document.js';
import { CLEAN_TEXTS, consistentReportArbitrary } from '../test/support/consistent-report.js';
import { reportDocx, reportHtml, reportXlsx } from '../test/support/office-documents.js';

const RUNS = 30;
const [sample] = fc.sample(consistentReportArbitrary('2021'), { numRuns: 1, seed: 7 });
const report = { ...sample!, sections: { ...sample!.sections, ...CLEAN_TEXTS } };

const documents: [string, Uint8Array, number | undefined][] = [
  ['docx (Word, merged cells, split runs)', await reportDocx(report, { headings: 'bold', splitRuns: true, headerFooter: true }), 50],
  ['xlsx (Excel, merged cells, formulas)', await reportXlsx(report, { textSections: true, formulas: true }), 50],
  ['html (official layout)', new TextEncoder().encode(reportHtml(report)), undefined],
];

async function median(bytes: Uint8Array): Promise<number> {
  for (let i = 0; i < 5; i++) await importDocument(bytes);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await importDocument(bytes);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

console.log(`node ${process.version}, median of ${RUNS} imports each`);
let max = 0;
for (const [name, bytes, target] of documents) {
  const ms = await median(bytes);
  max = Math.max(max, ms);
  const vsTarget = target ? `   ${(ms / target).toFixed(2)} × target (${target} ms)` : '';
  console.log(`${name.padEnd(40)} ${ms.toFixed(1).padStart(7)} ms  (${(bytes.byteLength / 1024).toFixed(1)} KB)${vsTarget}`);
}
console.log(`import: ${Math.round(max)} ms max`);
