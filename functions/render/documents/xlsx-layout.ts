/**
 * The layout of the report's tables as an Excel workbook, built with exceljs; report-xlsx.ts
 * says how it is used.
 */
import type ExcelJS from 'exceljs';
import { TEMPLATES, type SectionId, type TableDef } from '../../domain/report-template.js';
import { tableData, type Report } from '../../domain/report.js';
import { A4_PAGE, newWorkbook, roleOf, sheetName, styleCell, textWidth } from './sheet-style.js';
import { addends, tableGrid, type DataCell, type TableGrid } from './table-grid.js';

const TABLE_SECTIONS: readonly SectionId[] = ['proactive', 'applications', 'appeals'];
const NUMBER_WIDTH = 10;
const MAX_LABEL_WIDTH = 44;

/**
 * Whether a total is written as its formula: when the report's figure is what the formula gives.
 * A report whose total disagrees with its parts (a draft, or an imported report with an error)
 * keeps its figure as a plain number: the workbook shows what the report says, and
 * recalculation cannot change it.
 */
export function agreesWithParts(grid: TableGrid, cell: DataCell): boolean {
  if (!cell.computed || typeof cell.value !== 'number') return false;
  const parts = addends(grid, cell);
  if (parts.length === 0) return false;
  const sum = parts.reduce((acc, p) => acc + (typeof p.value === 'number' ? p.value : 0), 0);
  return Math.abs(sum - cell.value) <= 1e-9 * Math.max(1, Math.abs(sum));
}

/**
 * Writes one table's grid with its top-left corner at (top, left), 1-based; returns the next free
 * row. `formulas`, if given, gets each data cell's total formula (whatever its figure), in reading order.
 */
function writeGrid(sheet: ExcelJS.Worksheet, grid: TableGrid, top: number, left: number, formulas?: (string | null)[]): number {
  const position = new Map<DataCell, [number, number]>();
  for (const g of grid.cells) if (g.content.type === 'data') position.set(g.content, [top + g.r, left + g.c]);
  const address = (d: DataCell) => {
    const [r, c] = position.get(d)!;
    return sheet.getCell(r, c).address;
  };
  // A run of neighbouring cells (a row's columns, a column's rows) as a range, as a person writes it.
  const refs = (parts: readonly DataCell[]): string => {
    const at = parts.map((p) => position.get(p)!);
    const [r0, c0] = at[0]!;
    const inRow = at.every(([r, c], i) => r === r0 && c === c0 + i);
    const inColumn = at.every(([r, c], i) => c === c0 && r === r0 + i);
    return inRow || inColumn ? `${address(parts[0]!)}:${address(parts[parts.length - 1]!)}` : parts.map(address).join(',');
  };
  for (const g of grid.cells) {
    const r = top + g.r;
    const c = left + g.c;
    const content = g.content;
    // every cell under a merge carries the border, or Excel draws the merged cell half-framed
    for (let i = 0; i < g.rowSpan; i++)
      for (let j = 0; j < g.colSpan; j++) styleCell(sheet.getCell(r + i, c + j), content.type === 'head' && content.role === 'row' ? 'label' : 'head');
    if (g.rowSpan > 1 || g.colSpan > 1) sheet.mergeCells(r, c, r + g.rowSpan - 1, c + g.colSpan - 1);
    const cell = sheet.getCell(r, c);
    if (content.type === 'head') {
      cell.value = content.text;
      continue;
    }
    styleCell(cell, roleOf(content.value));
    const parts = content.computed ? addends(grid, content) : [];
    const formula = parts.length > 0 ? `SUM(${refs(parts)})` : null;
    formulas?.push(formula);
    cell.value = formula && agreesWithParts(grid, content) ? { formula, result: content.value as number } : content.value;
  }
  return top + grid.rowCount;
}

function widen(sheet: ExcelJS.Worksheet, grid: TableGrid, left: number): void {
  for (let c = 0; c < grid.columnCount; c++) {
    const column = sheet.getColumn(left + c);
    let width = c < grid.labelColumns ? 6 : NUMBER_WIDTH;
    for (const g of grid.cells) {
      if (g.c !== c || g.colSpan !== 1 || g.content.type !== 'head' || g.content.role !== 'row') continue;
      width = Math.max(width, Math.min(MAX_LABEL_WIDTH, textWidth(g.content.text) + 2));
    }
    column.width = Math.max(column.width ?? 0, width);
  }
}

function sectionSheet(workbook: ExcelJS.Workbook, report: Report, section: SectionId, title: string, formulas?: (string | null)[]): void {
  const template = TEMPLATES[report.template];
  const tables: readonly TableDef[] = template.tables.filter((t) => t.section === section);
  const grids = tables.map((t) => tableGrid(t, tableData(report, t)));
  const width = Math.max(...grids.map((g) => g.columnCount));
  const single = grids.length === 1 ? grids[0]! : null;
  // Rows 1–2: the report's title and the section's; a section of one table freezes its header too.
  const sheet = workbook.addWorksheet(sheetName(template.sectionTitles[section]), {
    pageSetup: A4_PAGE,
    views: [
      single
        ? { state: 'frozen', xSplit: single.labelColumns, ySplit: 2 + single.headerRows }
        : { state: 'frozen', xSplit: 0, ySplit: 2 },
    ],
  });
  const heading = (row: number, text: string, role: 'title' | 'caption') => {
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = text;
    styleCell(cell, role);
  };
  heading(1, title, 'title');
  heading(2, template.sectionTitles[section], 'caption');
  let row = 3;
  grids.forEach((grid, i) => {
    const caption = tables[i]!.caption;
    if (caption) {
      heading(row, caption, 'caption');
      row++;
    }
    row = writeGrid(sheet, grid, row, 1, formulas) + 1;
    widen(sheet, grid, 1);
  });
  sheet.getRow(1).height = 24;
}

/** The library's workbook of a report under a title; `formulas` as in writeGrid. */
export function xlsxWorkbook(report: Report, title: string, formulas?: (string | null)[]): ExcelJS.Workbook {
  const workbook = newWorkbook(title);
  for (const section of TABLE_SECTIONS) sectionSheet(workbook, report, section, title, formulas);
  return workbook;
}
