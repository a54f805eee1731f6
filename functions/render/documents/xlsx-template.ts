/**
 * The fast path of report-xlsx.ts, as docx-template.ts is for Word: exceljs writes, once per
 * template (2019, 2021), the workbook of a probe report whose every figure is a marker number
 * (900 000 000 plus its index) and whose title is a marker text; each sheet's XML is cut at the
 * figures' cells into fixed pieces and slots. A report's .xlsx is the pieces with its figures in
 * the slots, written as exceljs writes them (a blank as a styled empty cell, a total whose figure
 * agrees with its parts as its SUM formula with the figure as the saved result), its title in the
 * shared strings and the document properties, and the other parts as they are. Only figures and
 * blanks: text where a figure belongs goes to exceljs (report-xlsx.ts).
 */
import { TEMPLATES, type TemplateId } from '../../domain/report-template.js';
import { emptyReport, setCell, type Report } from '../../domain/report.js';
import { coreProperties, cutAtMarkers, oncePerTemplate, escapeExcelText, partText, readPackage, replaceOnce, writePackage, type PackageParts } from './package-parts.js';
import { workbookBytes } from './sheet-style.js';
import { dataCells, reportGrids } from './table-grid.js';
import { agreesWithParts, xlsxWorkbook } from './xlsx-layout.js';

const MARK_BASE = 900_000_000;
const TITLE = '\uE002title\uE003';
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const CORE = 'docProps/core.xml';
// a figure's cell as exceljs writes the probe's marker: a number cell with its style
const FIGURE = /<c r="([A-Z]+\d+)" s="(\d+)"><v>9(\d{8})<\/v><\/c>/g;

interface Slot {
  readonly address: string;
  readonly style: string;
  readonly index: number;
}

interface Sheet {
  readonly path: string;
  readonly pieces: readonly string[];
  readonly slots: readonly Slot[];
}

interface XlsxTemplate {
  readonly parts: PackageParts;
  readonly sheets: readonly Sheet[];
  /** each figure's total formula (null for a figure that is not a total), by marker index */
  readonly formulas: readonly (string | null)[];
  readonly sharedStrings: string;
  readonly core: string;
}

async function buildTemplate(template: TemplateId): Promise<XlsxTemplate> {
  const probe = emptyReport(template, { agencyName: 'probe', year: 2023 });
  let n = 0;
  for (const grid of reportGrids(probe)) for (const cell of dataCells(grid)) setCell(probe, grid.table, cell.row, cell.column, MARK_BASE + n++);
  const formulas: (string | null)[] = [];
  const parts = readPackage(await workbookBytes(xlsxWorkbook(probe, TITLE, formulas)));
  const sheets: Sheet[] = [];
  const seen: number[] = [];
  for (const path of parts.files.keys()) {
    if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(path)) continue;
    const { pieces, slots } = cutAtMarkers(partText(parts, path), FIGURE, (m): Slot => ({ address: m[1]!, style: m[2]!, index: Number(m[3]!) }));
    for (const slot of slots) seen.push(slot.index);
    sheets.push({ path, pieces, slots });
  }
  // every figure's marker found once, in order, and a formula known for each
  if (seen.length !== n || seen.some((s, i) => s !== i) || formulas.length !== n) {
    throw new Error(`xlsx template ${template}: exceljs wrote a figure in an unexpected form`);
  }
  return { parts, sheets, formulas, sharedStrings: partText(parts, SHARED_STRINGS), core: partText(parts, CORE) };
}

const templateFor = oncePerTemplate(buildTemplate);

/** The report's .xlsx from its template: what `xlsxWorkbook(report, title)` writes, for a report of figures and blanks only. */
export async function xlsxFromTemplate(report: Report, title: string): Promise<Uint8Array> {
  const t = await templateFor(report.template);
  const figures = reportGrids(report).flatMap((grid) => dataCells(grid).map((cell) => ({ value: cell.value, agrees: agreesWithParts(grid, cell) })));
  const changed = new Map<string, string>();
  for (const sheet of t.sheets) {
    let xml = sheet.pieces[0]!;
    sheet.slots.forEach((slot, i) => {
      const { value, agrees } = figures[slot.index]!;
      if (typeof value === 'string') throw new Error('xlsxFromTemplate: text where a figure belongs');
      const formula = agrees ? t.formulas[slot.index] : null;
      const open = `<c r="${slot.address}" s="${slot.style}"`;
      xml += value === null ? `${open}/>` : `${open}>${formula ? `<f>${formula}</f>` : ''}<v>${value}</v></c>`;
      xml += sheet.pieces[i + 1]!;
    });
    changed.set(sheet.path, xml);
  }
  changed.set(SHARED_STRINGS, replaceOnce(t.sharedStrings, TITLE, escapeExcelText(title), 'the title'));
  // exceljs writes the instants to the second
  changed.set(CORE, coreProperties(t.core, new Map([[TITLE, title]]), escapeExcelText, new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')));
  return writePackage(t.parts, changed);
}
