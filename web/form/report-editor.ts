/**
 * The report being edited: the model the domain rules read, plus what the filer typed in each
 * cell (so "1." or "１２" stays on screen as typed while the model holds the number). No DOM.
 */
import type { AgencyKind } from '../../functions/domain/agency.js';
import type { Finding } from '../../functions/domain/finding.js';
import { parseCellValue } from '../../functions/domain/import/cell-value.js';
import {
  cellRefByPath,
  cellRefs,
  emptyReport,
  setCell,
  templateForYear,
  type Cell,
  type CellRef,
  type Report,
  type RowData,
} from '../../functions/domain/report.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { fillComputedCells } from './computed-totals.js';

export type TextSectionId = 'overview' | 'problems' | 'other';

export interface EditorSetup {
  agencyName: string;
  agencyId?: string;
  agencyKind?: AgencyKind;
  year: number;
  /** the saved draft, if any */
  draft: Report | null;
  /** last year's 四、结转下年度继续办理, to prefill 二 and to check carry-over */
  previousCarriedForward?: RowData | undefined;
}

export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  return String(cell);
}

export class ReportEditor {
  readonly report: Report;
  private readonly typed = new Map<string, string>();
  private readonly previous: Report | undefined;

  constructor(private readonly setup: EditorSetup) {
    const template = templateForYear(setup.year);
    const header = { agencyName: setup.agencyName, year: setup.year, ...(setup.agencyId ? { agencyId: setup.agencyId } : {}) };
    this.previous = setup.previousCarriedForward ? previousReport(setup.year - 1, setup.agencyName, setup.previousCarriedForward) : undefined;
    if (setup.draft && setup.draft.template === template) {
      this.report = structuredClone(setup.draft);
      Object.assign(this.report, header);
    } else {
      // Every count starts at 0: most cells of most reports are 0.
      this.report = emptyReport(template, header, 0);
      if (setup.previousCarriedForward) this.prefillCarryOver(setup.previousCarriedForward);
    }
    fillComputedCells(this.report);
  }

  get template() {
    return this.report.template;
  }

  /** The cells of this template, in reading order. */
  refs(): readonly CellRef[] {
    return cellRefs(this.report.template);
  }

  private prefillCarryOver(carried: RowData): void {
    const ref = this.refs().find((r) => r.table.path === 'applications' && r.row.id === 'carriedOver');
    if (!ref) return;
    for (const column of ref.table.columns) {
      const value = carried[column.id];
      if (typeof value === 'number') setCell(this.report, ref.table, ref.row, column, value);
    }
  }

  /** What the cell shows: the filer's own text where they typed, else the model's value. */
  textOf(path: string): string {
    const typed = this.typed.get(path);
    if (typed !== undefined) return typed;
    const ref = cellRefByPath(this.report.template, path);
    if (!ref) return '';
    return cellText(this.valueOf(ref));
  }

  valueOf(ref: CellRef): Cell {
    const sections = this.report.sections as unknown as Record<string, Record<string, Record<string, Cell>>>;
    const data = ref.table.subTable ? (sections.proactive as unknown as Record<string, Record<string, Record<string, Cell>>>)[ref.table.subTable] : sections[ref.table.path];
    return data?.[ref.row.id]?.[ref.column.id] ?? null;
  }

  /** Sets a cell from typed text; returns false for a computed or unknown cell. */
  setCellText(path: string, text: string): boolean {
    const ref = cellRefByPath(this.report.template, path);
    if (!ref || ref.row.computed || ref.column.computed) return false;
    this.typed.set(path, text);
    setCell(this.report, ref.table, ref.row, ref.column, parseCellValue(text));
    fillComputedCells(this.report);
    return true;
  }

  textSection(id: TextSectionId): string {
    return this.report.sections[id];
  }

  setTextSection(id: TextSectionId, text: string): void {
    this.report.sections[id] = text;
  }

  /** The same rules the server runs on submit, with last year's carry-over when known. */
  check(): Finding[] {
    return validateReport(this.report, { previous: this.previous, agencyKind: this.setup.agencyKind });
  }

  /** Last year's carried-forward value of a column of 二、上年结转, if known. */
  previousCarriedForward(columnId: string): number | undefined {
    const value = this.setup.previousCarriedForward?.[columnId];
    return typeof value === 'number' ? value : undefined;
  }

  /** A copy to send: what the server stores. */
  snapshot(): Report {
    return structuredClone(this.report);
  }

  /** Replaces everything with an imported report's content (texts and cells), keeping the header. */
  loadContent(source: Report): void {
    if (source.template !== this.report.template) {
      throw new Error(`template ${source.template} does not match ${this.report.template}`);
    }
    this.typed.clear();
    this.report.sections = structuredClone(source.sections) as typeof this.report.sections;
    fillComputedCells(this.report);
  }
}

/** Enough of last year's report for the rules: its year and its 四、结转下年度继续办理. */
function previousReport(year: number, agencyName: string, carriedForward: RowData): Report {
  const report = emptyReport(templateForYear(year), { agencyName, year }, null);
  const rows = report.sections.applications as Record<string, RowData>;
  rows.carriedForward = { ...rows.carriedForward, ...carriedForward };
  return report;
}
