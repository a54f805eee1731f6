/**
 * `npm run bench:import`: milliseconds to read one report from each kind of file through
 * importDocument, as the CLI and the form call it; one line per format, then
 * `import: <N> ms max`. Targets on the project machine (issue 13): a six-page PDF under 300 ms,
 * a .docx and an .xlsx under 50 ms each. Documents are made at bench time, nothing binary is
 * committed: the PDF printed from HTML in Chromium (the Word-like layout of the tests, with the
 * real 淮安 2024 figures), the .docx and .xlsx written with docx and exceljs. Each figure is the
 * median of warm runs; CPU per run and the first (cold) run are printed beside it, since on a
 * shared machine the CPU figure is the steadier. Never fails on timing.
 */
import os from 'node:os';
import fc from 'fast-check';
import { importDocument } from '../functions/domain/import/import-document.js';
import { importReport } from '../functions/domain/import/import-report.js';
import { CLEAN_TEXTS, consistentReportArbitrary } from '../test/support/consistent-report.js';
import { reportDocx, reportHtml, reportXlsx } from '../test/support/office-documents.js';
import { startPrinter } from '../test/support/print-pdf.js';
import { readRealReport } from '../test/support/real-report-tables.js';
import { wordLikeReportHtml } from '../test/support/word-like-report.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

async function time(fn: () => Promise<unknown>): Promise<{ median: number; cold: number; cpu: number }> {
  const runs: number[] = [];
  let cpu = 0;
  for (let i = 0; i <= RUNS; i++) {
    const usage = process.cpuUsage();
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
    const used = process.cpuUsage(usage);
    if (i > 0) cpu += (used.user + used.system) / 1000;
  }
  const [cold, ...warm] = runs;
  warm.sort((a, b) => a - b);
  return { median: warm[Math.floor(warm.length / 2)]!, cold: cold!, cpu: cpu / RUNS };
}

async function sixPagePdf(): Promise<Uint8Array> {
  const report = importReport(readRealReport('huaian-shi-renminzhengfu-2024').text);
  const paragraph = report.sections.overview.replace(/\s+/g, '');
  const printer = await startPrinter();
  try {
    // Enough running text before and after the tables for six A4 pages.
    return await printer.print(wordLikeReportHtml(report, [paragraph, paragraph.slice(0, 1200)]), {
      header: '淮安市人民政府办公室',
      footer: '- <span class="pageNumber"></span> -',
    });
  } finally {
    await printer.close();
  }
}

const [sample] = fc.sample(consistentReportArbitrary('2021'), { numRuns: 1, seed: 7 });
const report = { ...sample!, sections: { ...sample!.sections, ...CLEAN_TEXTS } };
const documents: [string, Uint8Array, number | undefined][] = [
  ['pdf (six pages, printed by Chromium)', await sixPagePdf(), 300],
  ['docx (Word, merged cells, split runs)', await reportDocx(report, { headings: 'bold', splitRuns: true, headerFooter: true }), 50],
  ['xlsx (Excel, merged cells, formulas)', await reportXlsx(report, { textSections: true, formulas: true }), 50],
  ['html (official layout)', new TextEncoder().encode(reportHtml(report)), undefined],
];

console.log(`node ${process.version}, median of ${RUNS} warm runs each, load average ${os.loadavg()[0]!.toFixed(1)}`);
let max = 0;
for (const [name, bytes, target] of documents) {
  const t = await time(() => importDocument(bytes));
  max = Math.max(max, t.median);
  const vsTarget = target ? `   ${(t.median / target).toFixed(2)} × target (${target} ms)` : '';
  console.log(
    `${name.padEnd(40)} ${t.median.toFixed(1).padStart(7)} ms  (${(bytes.byteLength / 1024).toFixed(1)} KB; CPU ${t.cpu.toFixed(0)} ms; first ${t.cold.toFixed(0)} ms)${vsTarget}`,
  );
}
console.log(`import: ${Math.round(max)} ms max`);
