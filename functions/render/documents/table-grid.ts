/**
 * One table of the report as a grid of merged cells, the way the official template prints it:
 * the corner cell, the column headers nested by their groups (申请人情况 → 法人或其他组织 →
 * 商业企业…), the row groups spanning their rows (三、本年度办理结果 → （三）不予公开 → 1.…), and
 * 四 laid across the top with its 15 numbers in one row. Word and Excel writers both draw from
 * this grid, so the two documents cannot disagree on where a figure sits. Every text comes
 * from report-template.ts.
 */
import {
  APPLICANT_HEADER,
  cellPath,
  SECTION_ORDER,
  TEMPLATES,
  type ColumnDef,
  type RowDef,
  type TableDef,
} from '../../domain/report-template.js';
import { tableData, type Cell, type Report, type TableData } from '../../domain/report.js';

export interface HeadCell {
  readonly type: 'head';
  readonly text: string;
  /** a column header (thead) or a row label */
  readonly role: 'corner' | 'column' | 'row';
}

export interface DataCell {
  readonly type: 'data';
  readonly value: Cell;
  readonly path: string;
  readonly row: RowDef;
  readonly column: ColumnDef;
  /** a total the form computes: the 总计 column or the （七）总计 row */
  readonly computed: boolean;
}

export interface GridCell {
  /** 0-based position of the cell's top-left corner in the grid */
  readonly r: number;
  readonly c: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly content: HeadCell | DataCell;
}

export interface TableGrid {
  readonly table: TableDef;
  readonly columnCount: number;
  /** the first `headerRows` rows are the column headers (repeated on each printed page) */
  readonly headerRows: number;
  readonly rowCount: number;
  /** columns on the left holding row labels (0 for the transposed 四) */
  readonly labelColumns: number;
  /** every cell, anchored at its top-left corner, in reading order (row by row, left to right) */
  readonly cells: readonly GridCell[];
}

// 三's columns all sit under 申请人情况 in the official template; 四 is printed with its rows
// (行政复议, 行政诉讼 → 两类) across the top and the 15 numbers in a single row.
const TOP_HEADER: Readonly<Record<string, string>> = { applications: APPLICANT_HEADER };
const TRANSPOSED = new Set(['appeals']);

const samePrefix = (a: readonly string[], b: readonly string[], n: number): boolean => {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

/**
 * Lays out a list of nested labels (outermost first) as merged cells along one axis: a run of
 * neighbours sharing the same labels down to a level is one cell at that level; a label's leaf
 * stretches over the levels its neighbours use below it: `at` is the label's position along the
 * axis, `level` its depth, `run` how many positions it spans, `deep` how many levels.
 */
export function nest(heads: readonly (readonly string[])[], depth: number) {
  const spans: { at: number; level: number; run: number; deep: number; text: string }[] = [];
  heads.forEach((h, j) => {
    const leaf = h.length - 1;
    for (let level = 0; level <= leaf; level++) {
      if (level === leaf) {
        spans.push({ at: j, level, run: 1, deep: depth - level, text: h[level]! });
        break;
      }
      const prev = heads[j - 1];
      if (prev && prev.length - 1 > level && samePrefix(prev, h, level + 1)) continue;
      let run = 1;
      for (let k = j + 1; k < heads.length; k++) {
        const next = heads[k]!;
        if (next.length - 1 > level && samePrefix(next, h, level + 1)) run++;
        else break;
      }
      spans.push({ at: j, level, run, deep: 1, text: h[level]! });
    }
  });
  return spans;
}

function dataCell(table: TableDef, data: TableData, row: RowDef, column: ColumnDef): DataCell {
  return {
    type: 'data',
    value: data[row.id]?.[column.id] ?? null,
    path: cellPath(table, row, column),
    row,
    column,
    computed: Boolean(row.computed || column.computed),
  };
}

function byReadingOrder(a: GridCell, b: GridCell): number {
  return a.r - b.r || a.c - b.c;
}

function standardGrid(table: TableDef, data: TableData): TableGrid {
  const heads = columnHeads(table);
  const headerRows = Math.max(...heads.map((h) => h.length));
  const labelColumns = Math.max(...table.rows.map((r) => r.groups.length)) + 1;
  const cells: GridCell[] = [
    {
      r: 0,
      c: 0,
      rowSpan: headerRows,
      colSpan: labelColumns,
      content: { type: 'head', text: table.corner ?? '', role: 'corner' },
    },
  ];
  for (const s of nest(heads, headerRows)) {
    cells.push({
      r: s.level,
      c: labelColumns + s.at,
      rowSpan: s.deep,
      colSpan: s.run,
      content: { type: 'head', text: s.text, role: 'column' },
    });
  }
  // Row labels are the same nesting turned on its side: the leaf label stretches to the right.
  for (const s of nest(
    table.rows.map((r) => [...r.groups, r.label]),
    labelColumns,
  )) {
    cells.push({
      r: headerRows + s.at,
      c: s.level,
      rowSpan: s.run,
      colSpan: s.deep,
      content: { type: 'head', text: s.text, role: 'row' },
    });
  }
  table.rows.forEach((row, i) =>
    table.columns.forEach((column, j) =>
      cells.push({
        r: headerRows + i,
        c: labelColumns + j,
        rowSpan: 1,
        colSpan: 1,
        content: dataCell(table, data, row, column),
      }),
    ),
  );
  return {
    table,
    columnCount: labelColumns + table.columns.length,
    headerRows,
    rowCount: headerRows + table.rows.length,
    labelColumns,
    cells: cells.sort(byReadingOrder),
  };
}

function transposedGrid(table: TableDef, data: TableData): TableGrid {
  const pairs = table.rows.flatMap((row) => table.columns.map((column) => ({ row, column })));
  const heads = pairs.map(({ row, column }) => [...row.groups, row.label, ...column.groups, column.label]);
  const headerRows = Math.max(...heads.map((h) => h.length));
  const cells: GridCell[] = nest(heads, headerRows).map((s) => ({
    r: s.level,
    c: s.at,
    rowSpan: s.deep,
    colSpan: s.run,
    content: { type: 'head', text: s.text, role: 'column' },
  }));
  pairs.forEach(({ row, column }, j) =>
    cells.push({ r: headerRows, c: j, rowSpan: 1, colSpan: 1, content: dataCell(table, data, row, column) }),
  );
  return {
    table,
    columnCount: pairs.length,
    headerRows,
    rowCount: headerRows + 1,
    labelColumns: 0,
    cells: cells.sort(byReadingOrder),
  };
}

/** Each column's header texts, outermost first (三's columns sit under 申请人情况). */
export function columnHeads(table: TableDef): string[][] {
  const top = TOP_HEADER[table.path];
  return table.columns.map((c) => [...(top ? [top] : []), ...c.groups, c.label]);
}

export function tableGrid(table: TableDef, data: TableData): TableGrid {
  return TRANSPOSED.has(table.path) ? transposedGrid(table, data) : standardGrid(table, data);
}

/** The grid's cells row by row (a cell appears in the row where it starts). */
export function gridRows(grid: TableGrid): GridCell[][] {
  const rows: GridCell[][] = Array.from({ length: grid.rowCount }, () => []);
  for (const cell of grid.cells) rows[cell.r]!.push(cell);
  return rows;
}

/**
 * For a computed total, the data cells it adds up, as the template defines them: the 总计
 * column sums the row's other columns, the （七）总计 row sums the result rows of its column.
 */
export function addends(grid: TableGrid, cell: DataCell): DataCell[] {
  const data = grid.cells.map((g) => g.content).filter((c): c is DataCell => c.type === 'data');
  if (cell.row.computed) return data.filter((d) => d.column === cell.column && d.row.result);
  if (cell.column.computed) return data.filter((d) => d.row === cell.row && !d.column.computed);
  return [];
}

/** The data cells of a grid in reading order. */
export const dataCells = (grid: TableGrid): DataCell[] => grid.cells.flatMap((g) => (g.content.type === 'data' ? [g.content] : []));

/** Every table of a report as its grid, in the order the documents print them (section by section). */
export function reportGrids(report: Report): TableGrid[] {
  const tables = TEMPLATES[report.template].tables;
  return SECTION_ORDER.flatMap((id) => tables.filter((t) => t.section === id).map((t) => tableGrid(t, tableData(report, t))));
}
