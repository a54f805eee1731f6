/**
 * What every rule receives, and the small helpers they share to read cells and build findings.
 */
import type { AgencyKind } from '../agency.js';
import { severityOf, type Finding, type RuleId } from '../finding.js';
import { tableData, type Cell, type Report, type RowData, type TableData } from '../report.js';
import { cellLabel, cellPath, tableByPath, type ColumnDef, type RowDef, type TableDef } from '../report-template.js';
import { sectionText, type SectionText } from './section-text.js';
import { readGrid, type Grid } from './table-grid.js';

export interface ValidationContext {
  /** last year's report of the same agency: `carryover.continuity`, `text.repeated`, `data.repeated`, `trend.outlier`, `proactive.in-force` */
  readonly previous?: Report | undefined;
  /** the agency's registered kind; without it, a 乡/镇/街道 is recognised by its name */
  readonly agencyKind?: AgencyKind | undefined;
}

/**
 * What one validation hands every rule: the report, the context, and what several rules derive
 * from them (a table's data, last year's report, a scan of every cell) computed once per
 * validation, not once per rule. Per run, not per report object: the form edits its report in
 * place and validates it again.
 */
export class RuleInput {
  private readonly tables = new Map<string, { def: TableDef; data: TableData }>();
  private readonly grids = new Map<string, Grid>();
  private readonly derived = new Map<(input: RuleInput) => unknown, unknown>();
  private readonly lastYearTables = new Map<string, TableData>();
  private readonly texts: Partial<Record<TextSection, SectionText>> = {};
  private readonly lastYearTexts: Partial<Record<TextSection, SectionText>> = {};
  /** last year's report when it is the year just before this one (the year-on-year rules' condition) */
  readonly lastYear: Report | undefined;

  constructor(
    readonly report: Report,
    readonly context: ValidationContext,
  ) {
    const previous = context.previous;
    this.lastYear = previous && previous.year === report.year - 1 ? previous : undefined;
  }

  /** a table of this report: its definition and data */
  table(path: string): { def: TableDef; data: TableData } {
    let table = this.tables.get(path);
    if (!table) this.tables.set(path, (table = tableOf(this.report, path)));
    return table;
  }

  /** a table of this report read once into numbers (table-grid.ts) */
  grid(path: string): Grid {
    let grid = this.grids.get(path);
    if (!grid) {
      const { def, data } = this.table(path);
      this.grids.set(path, (grid = readGrid(def, data)));
    }
    return grid;
  }

  /** the reading of a text of this report (section-text.ts), looked up once per run */
  text(section: TextSection): SectionText {
    return (this.texts[section] ??= sectionText(this.report.sections[section]));
  }

  /** the reading of a text of `context.previous` (any earlier year), looked up once per run */
  previousText(section: TextSection): SectionText {
    const previous = this.context.previous;
    if (!previous) throw new Error('no previous report');
    return (this.lastYearTexts[section] ??= sectionText(previous.sections[section]));
  }

  /** a table's data in last year's report (`lastYear`), looked up once per run */
  lastYearTable(path: string): TableData {
    let data = this.lastYearTables.get(path);
    if (!data) {
      if (!this.lastYear) throw new Error('no last year’s report');
      this.lastYearTables.set(path, (data = tableOf(this.lastYear, path).data));
    }
    return data;
  }

  /** `derive(f)` is f(this), computed on the first call of the run */
  derive<T>(compute: (input: RuleInput) => T): T {
    if (this.derived.has(compute)) return this.derived.get(compute) as T;
    const value = compute(this);
    this.derived.set(compute, value);
    return value;
  }
}

export type Rule = (input: RuleInput, findings: Finding[]) => void;

/** the three texts of a report */
export type TextSection = 'overview' | 'problems' | 'other';

/** A cell's value as a number, or undefined when it is blank or not a number. */
export function numeric(cell: Cell | undefined): number | undefined {
  return typeof cell === 'number' && Number.isFinite(cell) ? cell : undefined;
}

/** The sum of the cells, or undefined if any is not a number (that cell gets its own finding). */
export function sumOf(cells: readonly (Cell | undefined)[]): number | undefined {
  let sum = 0;
  for (const cell of cells) {
    const n = numeric(cell);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

/** The sum of a row's cells in the given columns, or undefined if any is not a number. */
export function sumColumns(cells: RowData | undefined, columns: readonly ColumnDef[]): number | undefined {
  let sum = 0;
  for (const c of columns) {
    const value = cells?.[c.id];
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    sum += value;
  }
  return sum;
}

/** The sum of one column over the given rows, or undefined if any is not a number. */
export function sumRows(data: TableData, rows: readonly RowDef[], column: string): number | undefined {
  let sum = 0;
  for (const r of rows) {
    const value = data[r.id]?.[column];
    if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
    sum += value;
  }
  return sum;
}

export function tableOf(report: Report, path: string): { def: TableDef; data: TableData } {
  const def = tableByPath(report.template, path);
  return { def, data: tableData(report, def) };
}

export function column(def: TableDef, id: string): ColumnDef {
  const found = def.columns.find((c) => c.id === id);
  if (!found) throw new Error(`no column ${id} in ${def.path}`);
  return found;
}

export function row(def: TableDef, id: string): RowDef {
  const found = def.rows.find((r) => r.id === id);
  if (!found) throw new Error(`no row ${id} in ${def.path}`);
  return found;
}

/** A finding about one cell: path and label come from the template. */
export function cellFinding(
  rule: RuleId,
  def: TableDef,
  r: RowDef,
  c: ColumnDef,
  details: { expected?: number | string; actual?: number | string | null; message: string },
): Finding {
  return {
    rule,
    severity: severityOf(rule),
    path: cellPath(def, r, c),
    label: cellLabel(def, r, c),
    ...details,
  };
}

/** Numbers printed the way the tables print them (no float noise such as 0.30000000000000004). */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(6)));
}
