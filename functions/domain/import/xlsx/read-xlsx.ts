/**
 * Excel (.xlsx) → lines for the importer: each visible sheet's rows in order, cells
 * tab-separated as in the text layout. A merged cell is read once (its other cells are blank);
 * a formula gives its saved result; within each table, columns holding only the continuations
 * of merged cells are dropped, so a value merged over the same columns as its header is one
 * value. A sheet without section headings but named for a table (表二, 主动公开…) gets that
 * section's heading, so a workbook of bare tables is read too.
 *
 * The workbook's XML is read directly (office-xml.ts: fflate and htmlparser2) rather than
 * through exceljs: loading exceljs alone took 850 ms of CPU on the busy project machine, more
 * than the whole read, and the CLI and the form pay it for every first workbook
 * (`npm run bench:import`, cold). Cell values are taken as exceljs gave them: shared and
 * inline strings (rich text joined), numbers, formulas by their saved results, TRUE/FALSE,
 * dates (cells in a date format) as YYYY-MM-DD, errors blank.
 */
import { TEMPLATES, type SectionId } from '../../report-template.js';
import { ImportError } from '../import-error.js';
import { attribute, children, localName, partRoot, relatedPath, relations, textOf, xmlParts, type Parts, type XmlElement } from '../office-xml.js';
import { splitSections } from '../sections.js';
import { METADATA_LINE, type SourceLine } from '../source-line.js';

interface GridRow {
  readonly no: number;
  readonly cells: string[];
  /** false for the cells a merge covers beyond its first */
  readonly origins: boolean[];
  /** true for the cells a merge covers right of its first column */
  readonly continued: boolean[];
}

/** Sheet names that say which table they hold. */
const SHEET_SECTIONS: readonly [RegExp, SectionId][] = [
  [/表\s*[二2]|主动公开|第二部分/, 'proactive'],
  [/表\s*[三3]|申请|第三部分/, 'applications'],
  [/表\s*[四4]|复议|诉讼|第四部分/, 'appeals'],
];

export async function xlsxToLines(bytes: Uint8Array): Promise<SourceLine[]> {
  let workbook: Workbook;
  try {
    workbook = readWorkbook(xmlParts(bytes));
  } catch (error) {
    throw new ImportError(`Excel 文件已损坏或无法读取：${(error as Error).message}`);
  }
  const lines: SourceLine[] = [];
  // The workbook's title property, when set, may be the only place the report's title is.
  if (workbook.title) lines.push({ no: METADATA_LINE, cells: [workbook.title] });
  for (const sheet of workbook.sheets) {
    const rows = collapseMergedColumns(sheet.rows);
    const sheetLines: SourceLine[] = rows.map(({ no, cells, continued }) => (continued.some(Boolean) ? { no, cells, continued } : { no, cells }));
    const heading = sheetHeading(sheet.name, sheetLines);
    if (heading) lines.push(heading);
    lines.push(...sheetLines);
  }
  return lines;
}

interface Workbook {
  readonly title: string;
  /** the visible sheets, in the workbook's order */
  readonly sheets: { readonly name: string; readonly rows: GridRow[] }[];
}

/** Number formats Excel has built in that show dates (ids 14–22, 27–36, 45–47, 50–58). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const DAY_MS = 86_400_000;

function readWorkbook(parts: Parts): Workbook {
  const workbookPath = relatedPath(parts, '', 'officeDocument') ?? 'xl/workbook.xml';
  const root = partRoot(parts, workbookPath);
  if (!root) throw new Error('缺少工作簿（xl/workbook.xml）');
  const links = relations(parts, workbookPath);
  const strings = sharedStrings(partRoot(parts, relatedPath(parts, workbookPath, 'sharedStrings')));
  const dateStyles = dateStyleIndexes(partRoot(parts, relatedPath(parts, workbookPath, 'styles')));
  const date1904 = children(root, 'workbookPr').some((e) => ['1', 'true'].includes(attribute(e, 'date1904') ?? ''));
  const sheets: Workbook['sheets'] = [];
  for (const sheet of children(children(root, 'sheets')[0], 'sheet')) {
    if ((attribute(sheet, 'state') ?? 'visible') !== 'visible') continue;
    const path = links.get(attribute(sheet, 'id') ?? '')?.path;
    const sheetRoot = partRoot(parts, path);
    if (!sheetRoot) continue;
    sheets.push({ name: attribute(sheet, 'name') ?? '', rows: sheetRows(sheetRoot, { strings, dateStyles, date1904 }) });
  }
  const core = partRoot(parts, relatedPath(parts, '', 'core-properties') ?? 'docProps/core.xml');
  const title = core ? children(core, 'title').map((t) => textOf(t)).join('').trim() : '';
  return { title, sheets };
}

/** Each shared string's text, rich text runs joined, phonetic guides (rPh) left out. */
function sharedStrings(root: XmlElement | undefined): string[] {
  return children(root, 'si').map((si) => textOf(si, (e) => localName(e.name) === 'rPh'));
}

/** Indexes of the cell formats (cellXfs) whose number format shows a date. */
function dateStyleIndexes(root: XmlElement | undefined): Set<number> {
  const custom = new Map<number, string>();
  for (const format of children(children(root, 'numFmts')[0], 'numFmt')) {
    custom.set(Number(attribute(format, 'numFmtId')), attribute(format, 'formatCode') ?? '');
  }
  const dates = new Set<number>();
  children(children(root, 'cellXfs')[0], 'xf').forEach((xf, index) => {
    const id = Number(attribute(xf, 'numFmtId') ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILT_IN_DATE_FORMATS.has(id)) dates.add(index);
  });
  return dates;
}

/** As exceljs tells: date or time letters outside quoted text and [brackets]. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

interface SheetContext {
  readonly strings: readonly string[];
  readonly dateStyles: ReadonlySet<number>;
  readonly date1904: boolean;
}

/** `B12` → [12, 2]. */
function cellPosition(reference: string): [number, number] | undefined {
  const match = /^\$?([A-Z]+)\$?(\d+)$/i.exec(reference);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!.toUpperCase()) column = column * 26 + letter.charCodeAt(0) - 64;
  return [Number(match[2]), column];
}

function sheetRows(sheet: XmlElement, context: SheetContext): GridRow[] {
  /** row number → column → text, for the rows that hold a value (as exceljs's eachRow) */
  const values = new Map<number, Map<number, string>>();
  let width = 0;
  let rowNo = 0;
  for (const row of children(children(sheet, 'sheetData')[0], 'row')) {
    rowNo = Number(attribute(row, 'r')) || rowNo + 1;
    let column = 0;
    const cells = new Map<number, string>();
    let hasValue = false;
    for (const cell of children(row, 'c')) {
      column = cellPosition(attribute(cell, 'r') ?? '')?.[1] ?? column + 1;
      width = Math.max(width, column);
      const value = children(cell, 'v')[0];
      const inline = children(cell, 'is')[0];
      if (!value && !inline && children(cell, 'f').length === 0) continue;
      hasValue = true;
      cells.set(column, cellText(cell, value, inline, context));
    }
    if (hasValue) values.set(rowNo, cells);
  }
  // Cells a merge covers beyond its first (top left) one, with the merge's first column.
  const covered = new Map<string, number>();
  for (const merge of children(children(sheet, 'mergeCells')[0], 'mergeCell')) {
    const [from, to] = (attribute(merge, 'ref') ?? '').split(':').map(cellPosition);
    if (!from || !to) continue;
    for (let r = from[0]; r <= to[0]; r++) {
      for (let c = from[1]; c <= to[1]; c++) if (r !== from[0] || c !== from[1]) covered.set(`${r}:${c}`, from[1]);
    }
  }
  const rows: GridRow[] = [];
  for (const [no, cellsByColumn] of [...values].sort((a, b) => a[0] - b[0])) {
    const cells: string[] = [];
    const origins: boolean[] = [];
    const continued: boolean[] = [];
    for (let c = 1; c <= width; c++) {
      const first = covered.get(`${no}:${c}`);
      origins.push(first === undefined);
      continued.push(first !== undefined && first < c);
      cells.push(first === undefined ? (cellsByColumn.get(c) ?? '') : '');
    }
    rows.push({ no, cells, origins, continued });
  }
  return rows;
}

function cellText(cell: XmlElement, value: XmlElement | undefined, inline: XmlElement | undefined, context: SheetContext): string {
  const raw = value ? textOf(value) : '';
  switch (attribute(cell, 't')) {
    case 's':
      return context.strings[Number(raw)] ?? '';
    case 'str':
      return raw;
    case 'inlineStr':
      return inline ? textOf(inline, (e) => localName(e.name) === 'rPh') : raw;
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'e':
      return '';
    case 'd':
      return raw.slice(0, 10);
  }
  if (!raw.trim()) return '';
  const number = Number.parseFloat(raw);
  if (Number.isNaN(number)) return raw;
  if (context.dateStyles.has(Number(attribute(cell, 's') ?? 0))) {
    const days = number - 25569 + (context.date1904 ? 1462 : 0);
    return new Date(Math.round(days * DAY_MS)).toISOString().slice(0, 10);
  }
  return String(number);
}

/**
 * Within each table (rows between empty rows), columns where no filled cell begins are only
 * merge continuations, and are dropped. A row with one filled cell (a heading, a caption, a
 * row left blank) does not end a table: a row of 三 printed with its label only would otherwise
 * cut the table in two, and the rows after it would lose their blank columns.
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
    for (const r of block) {
      if (r.cells.filter((c) => c.trim()).length <= 1) {
        out.push({ ...r, cells: r.cells.filter((c) => c.trim()), continued: [] });
        continue;
      }
      out.push({ no: r.no, cells: kept.map((c) => r.cells[c] ?? ''), origins: kept.map(() => true), continued: kept.map((c) => r.continued[c] ?? false) });
    }
    block = [];
  };
  for (const row of rows) {
    const previous = block[block.length - 1];
    if (previous && row.no !== previous.no + 1) flush();
    block.push(row);
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
