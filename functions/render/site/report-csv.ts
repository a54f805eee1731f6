/**
 * `report.csv` (one row per cell: path, Chinese label, value) and `all-reports.csv` (one row per
 * report, one column per cell). Labels and paths come from `cellRefs`.
 */
import { TEMPLATES, type TemplateId } from '../../domain/report-template.js';
import { cellRefs, cellValue, type Cell, type CellRef, type Report } from '../../domain/report.js';
import { csvDocument, numberField, textField } from '../csv.js';
import { formatNumber, isoDate } from './format.js';
import { TEXT } from './site-text.js';

function cellField(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'number' ? numberField(formatNumber(cell)) : textField(cell);
}

export function reportCsv(report: Report): string {
  const { path, label, value } = TEXT.csvColumns;
  return csvDocument([
    [path, label, value],
    ...cellRefs(report.template).map((ref) => [
      textField(ref.path),
      textField(ref.label),
      cellField(cellValue(report, ref.table, ref.row, ref.column)),
    ]),
  ]);
}

export interface ReportRow {
  readonly agencyId: string;
  readonly revision: number;
  readonly publishedAt: string;
  readonly report: Report;
}

/**
 * Columns: the year's template's cells first, then any cell paths only found in reports of the
 * other template (a 2019-format report in a 2021 year), so nothing a report holds is dropped.
 * Two header rows: the Chinese labels (what a person reads in WPS), then the stable paths (what
 * a program keys on; `skiprows=1` in pandas).
 */
export function allReportsCsv(yearTemplate: TemplateId, rows: readonly ReportRow[]): string {
  const seen = new Set<string>();
  const columns: CellRef[] = [];
  const templates = [yearTemplate, ...new Set(rows.map((r) => r.report.template))];
  for (const template of templates) {
    for (const ref of cellRefs(template)) {
      if (!seen.has(ref.path)) {
        seen.add(ref.path);
        columns.push(ref);
      }
    }
  }
  const meta = TEXT.csvMeta;
  const metaKeys = ['agencyId', 'agencyName', 'year', 'template', 'revision', 'publishedAt'] as const;
  // Each template's cells in the file's column order (undefined: not in that template), once per file.
  const layouts = new Map<TemplateId, (CellRef | undefined)[]>();
  const layout = (template: TemplateId) => {
    let refs = layouts.get(template);
    if (!refs) {
      const byPath = new Map(cellRefs(template).map((ref) => [ref.path, ref]));
      layouts.set(template, (refs = columns.map((c) => byPath.get(c.path))));
    }
    return refs;
  };
  const body = rows.map((r) => {
    const refs = layout(r.report.template);
    return [
      textField(r.agencyId),
      textField(r.report.agencyName),
      numberField(String(r.report.year)),
      textField(TEMPLATES[r.report.template].name),
      numberField(String(r.revision)),
      textField(isoDate(r.publishedAt)),
      ...refs.map((ref) => (ref ? cellField(cellValue(r.report, ref.table, ref.row, ref.column)) : '')),
    ];
  });
  return csvDocument([
    [...metaKeys.map((k) => textField(meta[k])), ...columns.map((c) => textField(c.label))],
    [...metaKeys.map((k) => textField(k)), ...columns.map((c) => textField(c.path))],
    ...body,
  ]);
}
