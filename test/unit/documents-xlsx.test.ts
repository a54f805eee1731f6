/**
 * The Excel workbooks read back with two independent readers, exceljs and SheetJS (`xlsx`):
 * every figure under its official headings and typed as a number, the totals as SUM formulas
 * whose saved results are what the formulas give, frozen headers, A4 page setup; and the
 * region workbook with a row per agency and row of each table.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { APPLICANT_HEADER, TEMPLATES, type SectionId, type TableDef } from '../../functions/domain/report-template.js';
import { cellRefs, cellValue, setCell, type Report } from '../../functions/domain/report.js';
import { regionWorkbook } from '../../functions/render/documents/region-workbook.js';
import { reportXlsx, reportXlsxByLibrary } from '../../functions/render/documents/report-xlsx.js';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { DOCUMENT_CASES, trial2019, wangdian, headingsOf, misplacedFigures, packageText, type Matrix, type MatrixCell } from './documents-reading.js';
import { sampleReport } from './site-fixtures.js';

const SECTIONS: readonly SectionId[] = ['proactive', 'applications', 'appeals'];

/** A sheet through exceljs: merged cells share their master's value; formula cells give their saved result. */
function exceljsMatrix(sheet: ExcelJS.Worksheet): Matrix {
  const areas = new Map<string, object>();
  const matrix: Matrix = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row: (MatrixCell | undefined)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = sheet.getCell(r, c);
      const master = cell.isMerged ? cell.master : cell;
      const v = master.value;
      // a formula's saved result: `cell.result` (exceljs leaves a result of 0 out of `value`)
      const value = v !== null && typeof v === 'object' && 'formula' in v ? (master.result as number) : (v as string | number | null);
      if (!areas.has(master.address)) areas.set(master.address, {});
      row.push({ value: value ?? null, area: areas.get(master.address)! });
    }
    matrix.push(row);
  }
  return matrix;
}

/** A sheet through SheetJS: `!merges` resolved, cached values (`v`) as saved in the file. */
function sheetjsMatrix(sheet: XLSX.WorkSheet): Matrix {
  const range = XLSX.utils.decode_range(sheet['!ref']!);
  const matrix: Matrix = [];
  const merges = sheet['!merges'] ?? [];
  for (let r = 0; r <= range.e.r; r++) {
    const row: (MatrixCell | undefined)[] = [];
    for (let c = 0; c <= range.e.c; c++) {
      const merge = merges.find((m) => r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c);
      const at = merge ? merge.s : { r, c };
      const cell = sheet[XLSX.utils.encode_cell(at)] as XLSX.CellObject | undefined;
      row.push({ value: cell?.v === undefined ? null : (cell.v as string | number), area: merge ?? { r, c } });
    }
    matrix.push(row);
  }
  return matrix;
}

const tablesOf = (report: Report, section: SectionId): readonly TableDef[] =>
  TEMPLATES[report.template].tables.filter((t) => t.section === section);

/** Evaluates SUM(A1:B2) / SUM(A1,B1) over the cached values of a SheetJS sheet. */
function evaluateSum(sheet: XLSX.WorkSheet, formula: string): number {
  const args = /^SUM\((.*)\)$/.exec(formula)![1]!.split(',');
  let sum = 0;
  for (const arg of args) {
    const range = XLSX.utils.decode_range(arg);
    for (let r = range.s.r; r <= range.e.r; r++)
      for (let c = range.s.c; c <= range.e.c; c++) {
        const v = sheet[XLSX.utils.encode_cell({ r, c })]?.v;
        if (typeof v === 'number') sum += v;
      }
  }
  return sum;
}

describe.each(DOCUMENT_CASES)('reportXlsx: %s', (_, report) => {
  it('exceljs and SheetJS both find every figure, typed, under its official headings', async () => {
    const bytes = await reportXlsx(report);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheetjs = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const titles = SECTIONS.map((s) => TEMPLATES[report.template].sectionTitles[s]);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(titles);
    expect(sheetjs.SheetNames).toEqual(titles);
    for (const read of [
      SECTIONS.map((s, i) => ({ tables: tablesOf(report, s), matrix: exceljsMatrix(workbook.worksheets[i]!), top: 2 })),
      SECTIONS.map((s, i) => ({ tables: tablesOf(report, s), matrix: sheetjsMatrix(sheetjs.Sheets[titles[i]!]!), top: 2 })),
    ]) {
      expect(misplacedFigures(report, read, { withCaption: true, numbersAsText: false })).toEqual([]);
      read.forEach(({ matrix }, i) => {
        expect(matrix[0]![0]!.value).toBe(`${report.agencyName}${report.year}年政府信息公开工作年度报告`);
        expect(matrix[1]![0]!.value).toBe(titles[i]);
      });
    }
  });

  it('saves every total as a SUM formula whose cached result is what the formula gives', async () => {
    const bytes = await reportXlsx(report);
    const sheetjs = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const formulas = Object.values(sheetjs.Sheets).flatMap((sheet) =>
      Object.entries(sheet)
        .filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).f)
        .map(([, c]) => ({ sheet, cell: c as XLSX.CellObject })),
    );
    const consistent = report === wangdian || report === trial2019;
    // 三: 7 rows' 总计 + （七）总计 across 7 columns, less the shared corner; 四: three 总计
    const rows = TEMPLATES[report.template].tables.find((t) => t.path === 'applications')!.rows.length;
    if (consistent) expect(formulas).toHaveLength(rows + 6 + 3);
    for (const { sheet, cell } of formulas) {
      expect(cell.t).toBe('n');
      expect(evaluateSum(sheet, cell.f!)).toBe(cell.v);
    }
  });
});

describe('reportXlsx layout', () => {
  it('freezes the headers of 三 and 四, sets A4 and widens the label columns', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await reportXlsx(wangdian)) as unknown as ArrayBuffer);
    const [proactive, applications, appeals] = workbook.worksheets;
    expect(applications!.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 5 });
    expect(appeals!.views[0]).toMatchObject({ state: 'frozen', xSplit: 0, ySplit: 5 });
    expect(proactive!.views[0]).toMatchObject({ state: 'frozen', ySplit: 2 });
    for (const sheet of workbook.worksheets) expect(sheet.pageSetup.paperSize).toBe(9);
    // （二）部分公开（区分处理的…） fits: the leaf label column is wider than a number column
    expect(applications!.getColumn(3).width!).toBeGreaterThan(applications!.getColumn(4).width! * 2);
  });

  it('keeps a total that disagrees with its parts as the plain figure the report gives', async () => {
    const report = sampleReport({ template: '2021' });
    const bytes = await reportXlsx(report);
    const sheet = XLSX.read(bytes, { type: 'array', cellFormula: true }).Sheets[TEMPLATES['2021'].sectionTitles.applications]!;
    const totals = Object.entries(sheet).filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).f);
    // the sample's figures are arbitrary: its totals do not add up, so none is a formula
    expect(totals).toEqual([]);
    const ref = cellRefs('2021').find((r) => r.path === 'applications.resultsTotal.total')!;
    const sheets = XLSX.read(bytes, { type: 'array' });
    const read = SECTIONS.map((s) => ({ tables: tablesOf(report, s), matrix: sheetjsMatrix(sheets.Sheets[TEMPLATES['2021'].sectionTitles[s]]!), top: 2 }));
    expect(misplacedFigures(report, read, { withCaption: true, numbersAsText: false })).toEqual([]);
    expect(cellValue(report, ref.table, ref.row, ref.column)).not.toBeNull();
  });

  it('places every figure of random consistent reports, totals as formulas', async () => {
    await fc.assert(
      fc.asyncProperty(consistentReportArbitrary('2021'), async (report) => {
        const bytes = await reportXlsx(report);
        const sheetjs = XLSX.read(bytes, { type: 'array', cellFormula: true });
        const read = SECTIONS.map((s) => ({ tables: tablesOf(report, s), matrix: sheetjsMatrix(sheetjs.Sheets[TEMPLATES['2021'].sectionTitles[s]]!), top: 2 }));
        expect(misplacedFigures(report, read, { withCaption: true, numbersAsText: false })).toEqual([]);
        const applications = sheetjs.Sheets[TEMPLATES['2021'].sectionTitles.applications]!;
        expect(Object.keys(applications).filter((k) => applications[k]?.f)).toHaveLength(TEMPLATES['2021'].tables.find((t) => t.path === 'applications')!.rows.length + 6);
      }),
      { numRuns: 5 },
    );
  });
});

describe('regionWorkbook', () => {
  const agencies = [1, 2, 3].map((i) => ({
    agencyName: `第${i}号单位`,
    agencyId: `11411325MB000000${i}X`,
    report: sampleReport({ template: '2021', agencyName: `第${i}号单位`, seed: i }),
  }));

  it('has a sheet per table and a row per agency and row, every figure typed under its headings', async () => {
    const bytes = await regionWorkbook(agencies);
    const sheetjs = XLSX.read(bytes, { type: 'array' });
    const tables = TEMPLATES['2021'].tables;
    expect(sheetjs.SheetNames).toEqual([
      '二 第二十条第（一）项',
      '二 第二十条第（五）项',
      '二 第二十条第（六）项',
      '二 第二十条第（八）项',
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    tables.forEach((table, t) => {
      for (const matrix of [sheetjsMatrix(sheetjs.Sheets[sheetjs.SheetNames[t]!]!), exceljsMatrix(workbook.worksheets[t]!)]) {
        const headerRows = matrix.findIndex((row) => row[0]!.value === agencies[0]!.agencyName);
        expect(headerRows).toBeGreaterThan(0);
        expect(matrix.length - headerRows).toBe(agencies.length * table.rows.length);
        for (let r = headerRows; r < matrix.length; r++) {
          const [name, id, label] = matrix[r]!.map((c) => c!.value);
          const agency = agencies.find((a) => a.agencyName === name)!;
          expect(id).toBe(agency.agencyId);
          const row = table.rows.find((x) => [...x.groups, x.label].join(' ') === label)!;
          expect(row).toBeDefined();
          table.columns.forEach((column, j) => {
            // one row per table row here, 四 included: its columns carry only their own headings
            const top = table.path === 'applications' ? [APPLICANT_HEADER] : [];
            expect(headingsOf(matrix, r, 3 + j).column).toEqual([...top, ...column.groups, column.label]);
            expect(matrix[r]![3 + j]!.value).toBe(cellValue(agency.report, table, row, column));
          });
        }
      }
    });
  });

  it('gives reports of the 2019 format sheets of their own', async () => {
    const mixed = [...agencies, { agencyName: '旧格式单位', agencyId: '11411325MB0000009X', report: sampleReport({ template: '2019', year: 2020 }) }];
    const sheetjs = XLSX.read(await regionWorkbook(mixed), { type: 'array' });
    expect(sheetjs.SheetNames).toHaveLength(TEMPLATES['2021'].tables.length + TEMPLATES['2019'].tables.length);
    expect(sheetjs.SheetNames.filter((n) => n.startsWith('2019 '))).toHaveLength(TEMPLATES['2019'].tables.length);
    const procurement = XLSX.utils.sheet_to_json<unknown[]>(sheetjs.Sheets['2019 二 第二十条第（九）项']!, { header: 1 });
    expect(procurement.at(-1)!.slice(0, 3)).toEqual(['旧格式单位', '11411325MB0000009X', '政府集中采购']);
  });

  it('with no report still has the 2021 sheets with their headers', async () => {
    const sheetjs = XLSX.read(await regionWorkbook([]), { type: 'array' });
    expect(sheetjs.SheetNames).toHaveLength(TEMPLATES['2021'].tables.length);
  });
});

// reportXlsx fills a template exceljs wrote once (xlsx-template.ts): every part must be what
// exceljs writes for the same report, byte for byte but for the instants in docProps/core.xml.
describe('reportXlsx writes what exceljs writes', () => {
  it.each(DOCUMENT_CASES)('%s', async (_, report) => {
    expect(packageText(await reportXlsx(report))).toEqual(packageText(await reportXlsxByLibrary(report)));
  });

  it('with markup, quotes and control characters in the name', async () => {
    const report: Report = { ...wangdian, agencyName: 'A&B <"局"> \u0001\'单位\'\u007f' };
    expect(packageText(await reportXlsx(report))).toEqual(packageText(await reportXlsxByLibrary(report)));
  });

  it.each(['2021', '2019'] as const)('for random reports, totals that agree with their parts and totals that do not, blanks, text where a figure belongs (%s)', async (template) => {
    await fc.assert(
      fc.asyncProperty(consistentReportArbitrary(template), fc.nat(), fc.boolean(), async (report, n, text) => {
        const refs = cellRefs(template);
        const blank = refs[n % refs.length]!;
        const off = refs[(n * 7 + 3) % refs.length]!;
        setCell(report, blank.table, blank.row, blank.column, null);
        // a figure changed by one: a total it belongs to no longer agrees (stays a plain number)
        const was = cellValue(report, off.table, off.row, off.column);
        setCell(report, off.table, off.row, off.column, text ? '约 3 件' : (typeof was === 'number' ? was : 0) + 1);
        expect(packageText(await reportXlsx(report))).toEqual(packageText(await reportXlsxByLibrary(report)));
      }),
      { numRuns: 8 },
    );
  });
});
