/**
 * Every report of a region-year in one Excel workbook, for the reviewing office to sort, filter
 * and add up: a sheet per table of the template (二's sub-tables, 三, 四), a row per agency and
 * row of the table, the table's columns with their official nested headers, numbers typed.
 * Reports of another template (2019 trial format in a 2021 year) get sheets of their own.
 */
import type ExcelJS from 'exceljs';
import { TEMPLATE_IDS, TEMPLATES, type TableDef, type TemplateId } from '../../domain/report-template.js';
import { tableData, type Report } from '../../domain/report.js';
import { DOC_TEXT } from './document-text.js';
import { A4_PAGE, newWorkbook, roleOf, sheetName, styleCell, textWidth, workbookBytes } from './sheet-style.js';
import { columnHeads, nest } from './table-grid.js';

export interface RegionReport {
  readonly agencyName: string;
  readonly agencyId: string;
  readonly report: Report;
}

const LEADING = [DOC_TEXT.agencyName, DOC_TEXT.agencyId, DOC_TEXT.rowLabel] as const;

function tableSheet(workbook: ExcelJS.Workbook, name: string, table: TableDef, reports: readonly RegionReport[]): void {
  const heads = columnHeads(table);
  const headerRows = Math.max(...heads.map((h) => h.length));
  const sheet = workbook.addWorksheet(sheetName(name), {
    pageSetup: { ...A4_PAGE, orientation: 'landscape' },
    views: [{ state: 'frozen', xSplit: LEADING.length, ySplit: headerRows }],
  });
  const head = (r: number, c: number, rowSpan: number, colSpan: number, text: string) => {
    for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) styleCell(sheet.getCell(r + i, c + j), 'head');
    if (rowSpan > 1 || colSpan > 1) sheet.mergeCells(r, c, r + rowSpan - 1, c + colSpan - 1);
    sheet.getCell(r, c).value = text;
  };
  LEADING.forEach((text, j) => head(1, 1 + j, headerRows, 1, text));
  for (const s of nest(heads, headerRows)) head(1 + s.level, 1 + LEADING.length + s.at, s.deep, s.run, s.text);

  let r = headerRows + 1;
  const labelWidth = [0, 0, 0];
  for (const { agencyName, agencyId, report } of reports) {
    const data = tableData(report, table);
    for (const row of table.rows) {
      const label = [...row.groups, row.label].join(' ');
      [agencyName, agencyId, label].forEach((text, j) => {
        const cell = sheet.getCell(r, 1 + j);
        cell.value = text;
        styleCell(cell, 'label');
        labelWidth[j] = Math.max(labelWidth[j]!, textWidth(text));
      });
      table.columns.forEach((column, j) => {
        const value = data[row.id]?.[column.id] ?? null;
        const cell = sheet.getCell(r, 1 + LEADING.length + j);
        cell.value = value;
        styleCell(cell, roleOf(value));
      });
      r++;
    }
  }
  labelWidth.forEach((w, j) => (sheet.getColumn(1 + j).width = Math.min(44, Math.max(12, w + 2))));
  table.columns.forEach((_, j) => (sheet.getColumn(1 + LEADING.length + j).width = 10));
}

/** `二 第二十条第（一）项`, `三、收到和处理政府信息公开申请情况`: the section, and 二's sub-table by its caption. */
function tableSheetName(id: TemplateId, table: TableDef): string {
  const section = TEMPLATES[id].sectionTitles[table.section];
  return table.caption ? `${section.split('、')[0]} ${table.caption}` : section;
}

/**
 * The workbook of a region-year's reports, in the order given. With no report it still has the
 * 2021 format's sheets, headers only, so that the file always opens to the same layout.
 */
export async function regionWorkbook(reports: readonly RegionReport[], title = ''): Promise<Uint8Array> {
  const workbook = newWorkbook(title);
  const found = [...new Set(reports.map((r) => r.report.template))];
  const templates = TEMPLATE_IDS.filter((id) => found.includes(id) || (found.length === 0 && id === '2021'));
  for (const id of templates) {
    // the template's year only when two templates share the workbook
    const prefix = templates.length > 1 ? `${id} ` : '';
    const own = reports.filter((r) => r.report.template === id);
    for (const table of TEMPLATES[id].tables) tableSheet(workbook, prefix + tableSheetName(id, table), table, own);
  }
  return workbookBytes(workbook);
}
