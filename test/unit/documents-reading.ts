/**
 * Reading the written documents back as a person would: a table (from Word through mammoth's
 * HTML, or from a sheet through exceljs or SheetJS) becomes a matrix of cells with merges
 * resolved, and each figure is found by the headings above it and to its left. The official
 * layout is stated here independently of functions/render/documents/table-grid.ts: 三's columns
 * under 申请人情况, 四 laid across the top, 二's captions above their tables.
 */
import { APPLICANT_HEADER, TEMPLATES, type ColumnDef, type RowDef, type TableDef, type TemplateId } from '../../functions/domain/report-template.js';
import { cellRefs, cellValue, type Report } from '../../functions/domain/report.js';
import { plainDecimal } from '../../functions/domain/report-totals.js';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { importReport } from '../../functions/domain/import/import-report.js';
import { attr, elements, tableGrid, text, type Element } from './site-dom.js';
import { sampleReport } from './site-fixtures.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
/** The real 王店镇 2023 report (2021 format) and the 2019 trial-format fixture, imported. */
export const wangdian = importReport(fixture('wangdian-2023-report.txt'));
export const trial2019 = importReport(fixture('trial-2019-report.txt'));

/** The reports every document is checked on: two real ones, and one per template with every cell different and some blank. */
export const DOCUMENT_CASES: readonly (readonly [string, Report])[] = [
  ['wangdian 2023 (2021 format)', wangdian],
  ['trial 2019 format', trial2019],
  ['every cell different, some blank (2021)', sampleReport({ template: '2021' })],
  ['every cell different, some blank (2019)', sampleReport({ template: '2019', year: 2020 })],
];

export interface MatrixCell {
  /** a number, a text, or null for a blank cell */
  readonly value: string | number | null;
  /** the merged area the cell belongs to (the same object for every cell under one merge) */
  readonly area: object;
  /** in a row marked as the table's header (Word's repeated header rows) */
  readonly inHead?: boolean;
}

export type Matrix = (MatrixCell | undefined)[][];

const NUMBER_TEXT = /^-?\d+(\.\d+)?$/;
const isFigure = (v: MatrixCell['value']): boolean => v === null || typeof v === 'number' || NUMBER_TEXT.test(v);

/**
 * The headings of cell (r, c): the texts above it up to the previous blank row or the sheet's
 * title rows (`top`), skipping the figures of the rows above; and the texts to its left.
 */
export function headingsOf(m: Matrix, r: number, c: number, top = 0): { column: string[]; row: string[] } {
  const column: string[] = [];
  const seen = new Set<object>([m[r]![c]!.area]);
  let i = r - 1;
  // Skip the figures of the rows above; a blank one counts as a figure when its row has a label
  // (a blank cell of a draft), not when the whole row is blank (the gap between two tables).
  const hasLabel = (cells: Matrix[number] | undefined) => cells?.some((x) => x && x.value !== null && !isFigure(x.value));
  for (; i >= top; i--) {
    const above = m[i]?.[c];
    if (above && above.value !== null && isFigure(above.value)) continue;
    if (above && above.value === null && hasLabel(m[i])) continue;
    break;
  }
  for (; i >= top; i--) {
    const cell = m[i]?.[c];
    if (!cell || isFigure(cell.value)) break;
    if (!seen.has(cell.area)) column.unshift(String(cell.value));
    seen.add(cell.area);
  }
  const row: string[] = [];
  for (let j = c - 1; j >= 0; j--) {
    const cell = m[r]![j];
    if (!cell || isFigure(cell.value) || seen.has(cell.area)) continue;
    seen.add(cell.area);
    row.unshift(String(cell.value));
  }
  return { column, row };
}

/** The headings a figure has in the official layout. */
export function officialHeadings(
  table: TableDef,
  row: RowDef,
  column: ColumnDef,
  withCaption: boolean,
): { column: string[]; row: string[] } {
  const caption = withCaption && table.caption ? [table.caption] : [];
  if (table.path === 'appeals') {
    return { column: [...caption, ...row.groups, row.label, ...column.groups, column.label], row: [] };
  }
  const top = table.path === 'applications' ? [APPLICANT_HEADER] : [];
  return { column: [...caption, ...top, ...column.groups, column.label], row: [...row.groups, row.label] };
}

const key = (h: { column: string[]; row: string[] }) => JSON.stringify([h.column, h.row]);

/** Every cell of a matrix by its headings; a headings key found twice maps to both cells. */
export function cellsByHeadings(m: Matrix, top = 0): Map<string, MatrixCell[]> {
  const found = new Map<string, MatrixCell[]>();
  m.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      if (!cell || r < top) return;
      const k = key(headingsOf(m, r, c, top));
      found.set(k, [...(found.get(k) ?? []), cell]);
    }),
  );
  return found;
}

export interface Misplaced {
  readonly path: string;
  readonly expected: string | number | null;
  readonly found: readonly (string | number | null)[];
}

/**
 * Checks every figure of the tables of `report` against the matrices: for each cell of the
 * template, exactly one cell under its official headings, holding its value. Returns the
 * mismatches (empty when every figure is in its place).
 */
export function misplacedFigures(
  report: Report,
  matrices: readonly { tables: readonly TableDef[]; matrix: Matrix; top?: number }[],
  options: { withCaption: boolean; numbersAsText: boolean },
): Misplaced[] {
  const wrong: Misplaced[] = [];
  const byTable = new Map<TableDef, Map<string, MatrixCell[]>>();
  for (const { tables, matrix, top } of matrices) {
    const index = cellsByHeadings(matrix, top);
    for (const t of tables) byTable.set(t, index);
  }
  for (const ref of cellRefs(report.template)) {
    const index = byTable.get(ref.table);
    const raw = cellValue(report, ref.table, ref.row, ref.column);
    const expected = raw === null ? null : options.numbersAsText && typeof raw === 'number' ? plainDecimal(raw) : raw;
    const found = (index?.get(key(officialHeadings(ref.table, ref.row, ref.column, options.withCaption))) ?? []).map((c) => c.value);
    if (found.length !== 1 || found[0] !== expected) wrong.push({ path: ref.path, expected, found });
  }
  return wrong;
}

/** An HTML table (mammoth's rendering of a Word table) as a matrix; blank cells are null. */
export function htmlTableMatrix(table: Element): Matrix {
  const grid = tableGrid(table);
  const matrix: Matrix = [];
  for (const placed of grid.cells) {
    const rowspan = Number(attr(placed.element, 'rowspan') ?? 1);
    const colspan = Number(attr(placed.element, 'colspan') ?? 1);
    const t = text(placed.element).trim();
    const cell: MatrixCell = { value: t === '' ? null : t, area: placed.element, inHead: placed.inHead };
    for (let i = 0; i < rowspan; i++)
      for (let j = 0; j < colspan; j++) (matrix[placed.row + i] ??= [])[placed.column + j] = cell;
  }
  return matrix;
}

export function htmlTables(root: Parameters<typeof elements>[0]): Element[] {
  return elements(root, 'table');
}

/** The template's tables in the order a document prints them. */
export function tablesInOrder(template: TemplateId): readonly TableDef[] {
  return TEMPLATES[template].tables;
}

/**
 * An Office package's parts as text, the creation and modification instants (the only parts
 * that depend on when the file was written) replaced by a placeholder; directory entries left out.
 */
export function packageText(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries(
    Object.entries(unzipSync(bytes))
      .filter(([path]) => !path.endsWith('/'))
      .map(([path, data]) => [path, strFromU8(data).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, '$1…')]),
  );
}
