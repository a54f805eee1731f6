/**
 * Excel (.xlsx) → lines for the importer, by exceljs: each visible sheet's rows in order, cells
 * tab-separated as in the text layout. A merged cell is read once (its other cells are blank);
 * a formula gives its saved result; within each table, columns holding only the continuations
 * of merged cells are dropped, so a value merged over the same columns as its header is one
 * value. A sheet without section headings but named for a table (表二, 主动公开…) gets that
 * section's heading, so a workbook of bare tables is read too.
 */
import ExcelJS from 'exceljs';
import { TEMPLATES, type SectionId } from '../../report-template.js';
import { ImportError } from '../import-error.js';
import { splitSections } from '../sections.js';
import type { SourceLine } from '../source-line.js';

type Worksheet = ExcelJS.Worksheet;
type CellValue = ExcelJS.CellValue;

interface GridRow {
  readonly no: number;
  readonly cells: string[];
  /** false for the cells a merge covers beyond its first */
  readonly origins: boolean[];
}

/** Worksheet parts the importer has no use for, skipped to read faster. */
const IGNORED_NODES = [
  'sheetPr', 'sheetViews', 'sheetFormatPr', 'cols', 'autoFilter', 'rowBreaks', 'hyperlinks', 'pageMargins',
  'dataValidations', 'pageSetup', 'headerFooter', 'printOptions', 'picture', 'drawing', 'sheetProtection',
  'tableParts', 'conditionalFormatting', 'extLst',
];

/** Sheet names that say which table they hold. */
const SHEET_SECTIONS: readonly [RegExp, SectionId][] = [
  [/表\s*[二2]|主动公开|第二部分/, 'proactive'],
  [/表\s*[三3]|申请|第三部分/, 'applications'],
  [/表\s*[四4]|复议|诉讼|第四部分/, 'appeals'],
];

export async function xlsxToLines(bytes: Uint8Array): Promise<SourceLine[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // JSZip underneath takes the bytes as they are; the typings ask for their own Buffer type.
    await workbook.xlsx.load(bytes as never, { ignoreNodes: IGNORED_NODES } as never);
  } catch (error) {
    throw new ImportError(`Excel 文件已损坏或无法读取：${(error as Error).message}`);
  }
  const lines: SourceLine[] = [];
  // The workbook's title property, when set, may be the only place the report's title is.
  if (workbook.title?.trim()) lines.push({ no: 0, cells: [workbook.title.trim()] });
  for (const sheet of workbook.worksheets) {
    if (sheet.state !== 'visible') continue;
    const rows = collapseMergedColumns(sheetRows(sheet));
    const sheetLines = rows.map(({ no, cells }) => ({ no, cells }));
    const heading = sheetHeading(sheet.name, sheetLines);
    if (heading) lines.push(heading);
    lines.push(...sheetLines);
  }
  return lines;
}

function sheetRows(sheet: Worksheet): GridRow[] {
  const rows: GridRow[] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: false }, (row, no) => {
    const cells: string[] = [];
    const origins: boolean[] = [];
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      const origin = !cell.isMerged || cell.master.address === cell.address;
      origins.push(origin);
      cells.push(origin ? cellText(cell) : '');
    }
    rows.push({ no, cells, origins });
  });
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  // A formula's saved result. Not through `cell.value`: exceljs drops a result of 0 there.
  if (cell.type === ExcelJS.ValueType.Formula) return valueText(cell.result as CellValue);
  return valueText(cell.value);
}

function valueText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value) return String(value.text);
  return '';
}

/**
 * Within each table (rows between lines of at most one filled cell: headings, captions),
 * columns where no filled cell begins are only merge continuations, and are dropped.
 */
function collapseMergedColumns(rows: readonly GridRow[]): GridRow[] {
  const out: GridRow[] = [];
  let block: GridRow[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const width = Math.max(...block.map((r) => r.cells.length));
    const kept: number[] = [];
    for (let c = 0; c < width; c++) {
      if (block.some((r) => r.origins[c] && r.cells[c]?.trim())) kept.push(c);
    }
    for (const r of block) out.push({ no: r.no, cells: kept.map((c) => r.cells[c] ?? ''), origins: kept.map(() => true) });
    block = [];
  };
  for (const row of rows) {
    if (row.cells.filter((c) => c.trim()).length <= 1) {
      flush();
      out.push({ ...row, cells: row.cells.filter((c) => c.trim()) });
    } else block.push(row);
  }
  flush();
  return out;
}

/** The heading a sheet of bare tables stands for, when its name says and it has none. */
function sheetHeading(name: string, lines: readonly SourceLine[]): SourceLine | undefined {
  if (Object.keys(splitSections(lines).sections).length > 0) return undefined;
  const section = SHEET_SECTIONS.find(([pattern]) => pattern.test(name))?.[1];
  if (!section) return undefined;
  return { no: lines[0]?.no ?? 0, cells: [TEMPLATES['2021'].sectionTitles[section]] };
}
