/**
 * One report's tables as an Excel workbook (.xlsx), as offices keep and exchange the figures: a
 * sheet per table section (二, 三, 四) in the official layout with merged headers, numbers typed
 * as numbers, the 总计 cells as SUM formulas with their results saved (so a reader that does not
 * calculate still sees them), frozen headers, A4 page setup. Pure: a report in, bytes out.
 *
 * As with the Word file (report-docx.ts), exceljs writes a template once per process and
 * template, and `reportXlsx` fills in each report's figures and title (xlsx-template.ts): byte for
 * byte what exceljs writes for the report (`reportXlsxByLibrary`), at a fraction of the CPU.
 */
import type { Report } from '../../domain/report.js';
import { documentTitle } from './document-text.js';
import { workbookBytes } from './sheet-style.js';
import { reportGrids, dataCells } from './table-grid.js';
import { xlsxWorkbook } from './xlsx-layout.js';
import { xlsxFromTemplate } from './xlsx-template.js';

/** The .xlsx as exceljs writes it directly: slow, kept as the reference `reportXlsx` must equal. */
export function reportXlsxByLibrary(report: Report): Promise<Uint8Array> {
  return workbookBytes(xlsxWorkbook(report, documentTitle(report)));
}

/**
 * The report's three tables as an .xlsx file. Text found where a figure belongs (a draft, an
 * import) changes the workbook's styles and shared strings, so such a report goes to exceljs directly.
 */
export function reportXlsx(report: Report): Promise<Uint8Array> {
  const text = reportGrids(report).some((grid) => dataCells(grid).some((cell) => typeof cell.value === 'string'));
  return text ? reportXlsxByLibrary(report) : xlsxFromTemplate(report, documentTitle(report));
}
