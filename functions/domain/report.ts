/**
 * The report as data: the public JSON form (see docs/report-json.md), its zod schema derived
 * from report-template.ts, and small helpers to read and walk cells. Pure: also bundled into
 * the browser.
 */
import { z } from 'zod';
import {
  TEMPLATES,
  cellLabel,
  cellPath,
  type CellKind,
  type ColumnDef,
  type RowDef,
  type TableDef,
  type TemplateId,
} from './report-template.js';

/**
 * One table cell. A number is what the filer reported; `null` is a blank cell; a string is
 * text found where a number belongs (kept so that `number.format` can name it, rather than
 * failing the whole import).
 */
export const Cell = z.union([z.number(), z.string(), z.null()]);
export type Cell = z.infer<typeof Cell>;

export type RowData = Record<string, Cell>;
export type TableData = Record<string, RowData>;

/** Longest text accepted in one text section (the notice asks for ~1000 characters in 一). */
export const MAX_TEXT_LENGTH = 50_000;
const SectionText = z.string().max(MAX_TEXT_LENGTH).default('');

function rowSchema(table: TableDef) {
  return z.strictObject(Object.fromEntries(table.columns.map((c) => [c.id, Cell.default(null)])));
}

function tableSchema(table: TableDef) {
  const row = rowSchema(table);
  // `prefault` runs the row schema on `{}`, so a missing row arrives as a row of blanks.
  return z.strictObject(Object.fromEntries(table.rows.map((r) => [r.id, row.prefault({})])));
}

function sectionsSchema(template: TemplateId) {
  const tables = TEMPLATES[template].tables;
  const proactive = Object.fromEntries(
    tables.filter((t) => t.subTable).map((t) => [t.subTable!, tableSchema(t).prefault({})]),
  );
  const byPath = (path: string) => tableSchema(tables.find((t) => t.path === path)!).prefault({});
  return z.strictObject({
    overview: SectionText,
    proactive: z.strictObject(proactive).prefault({}),
    applications: byPath('applications'),
    appeals: byPath('appeals'),
    problems: SectionText,
    other: SectionText,
  });
}

/** 统一社会信用代码: 18 characters from GB 32100-2015's alphabet (the check character is verified where agencies are registered). */
export const AgencyId = z
  .string()
  .regex(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, '统一社会信用代码应为18位数字或大写字母');

const reportFields = {
  agencyName: z.string().trim().min(1, '单位名称不能为空').max(200),
  agencyId: AgencyId.optional(),
  year: z.number().int().min(2008).max(2100),
};

export const Report2021 = z.strictObject({
  ...reportFields,
  template: z.literal('2021'),
  sections: sectionsSchema('2021').prefault({}),
});
export const Report2019 = z.strictObject({
  ...reportFields,
  template: z.literal('2019'),
  sections: sectionsSchema('2019').prefault({}),
});

/**
 * A report in the public JSON form. Missing cells and sections parse as blanks (drafts are
 * partial); unknown fields are rejected.
 */
export const Report = z.discriminatedUnion('template', [Report2021, Report2019]);
export type Report = z.infer<typeof Report>;
export type ReportSections = Report['sections'];

/** The 2019 trial format was used for the 2019 and 2020 reports; the 2021 format since. */
export function templateForYear(year: number): TemplateId {
  return year <= 2020 ? '2019' : '2021';
}

/** The data of one table of a report. */
export function tableData(report: Report, table: TableDef): TableData {
  const sections = report.sections as Record<string, unknown>;
  if (table.subTable) {
    return (sections.proactive as Record<string, TableData>)[table.subTable] ?? {};
  }
  return (sections[table.path] as TableData | undefined) ?? {};
}

export function cellValue(report: Report, table: TableDef, row: RowDef, column: ColumnDef): Cell {
  return tableData(report, table)[row.id]?.[column.id] ?? null;
}

export interface CellRef {
  readonly table: TableDef;
  readonly row: RowDef;
  readonly column: ColumnDef;
  readonly path: string;
  readonly label: string;
  readonly kind: CellKind;
}

const cellRefCache = new Map<TemplateId, readonly CellRef[]>();

/** Every cell of a template, in reading order (table by table, row by row). */
export function cellRefs(template: TemplateId): readonly CellRef[] {
  let refs = cellRefCache.get(template);
  if (!refs) {
    refs = TEMPLATES[template].tables.flatMap((table) =>
      table.rows.flatMap((row) =>
        table.columns.map((column) => ({
          table,
          row,
          column,
          path: cellPath(table, row, column),
          label: cellLabel(table, row, column),
          kind: column.kind,
        })),
      ),
    );
    cellRefCache.set(template, refs);
  }
  return refs;
}

/** Finds a cell by its path (e.g. `applications.resultsTotal.natural`). */
export function cellRefByPath(template: TemplateId, path: string): CellRef | undefined {
  return cellRefs(template).find((ref) => ref.path === path);
}

/** A report of the given template with every cell set to `fill` and every text empty. */
export function emptyReport(
  template: TemplateId,
  header: { agencyName: string; year: number; agencyId?: string },
  fill: 0 | null = null,
): Report {
  const sections: Record<string, unknown> = { overview: '', problems: '', other: '', proactive: {} };
  for (const table of TEMPLATES[template].tables) {
    const data: TableData = Object.fromEntries(
      table.rows.map((r) => [r.id, Object.fromEntries(table.columns.map((c) => [c.id, fill]))]),
    );
    if (table.subTable) (sections.proactive as Record<string, TableData>)[table.subTable] = data;
    else sections[table.path] = data;
  }
  return Report.parse({ ...header, template, sections });
}

/** Sets one cell in place (used by the importer and the form). */
export function setCell(report: Report, table: TableDef, row: RowDef, column: ColumnDef, value: Cell): void {
  const data = tableData(report, table);
  const rowData = data[row.id];
  if (!rowData) throw new Error(`row ${row.id} missing from ${table.path}`);
  rowData[column.id] = value;
}
