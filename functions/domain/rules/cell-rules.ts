/**
 * Rules on single cells and sections: `number.format` and `required.missing`.
 */
import { severityOf } from '../finding.js';
import { TEMPLATES, type CellKind, type TemplateId } from '../report-template.js';
import { cellRefs, type Cell, type CellRef } from '../report.js';
import type { Rule, RuleInput } from './rule-context.js';

const FORMAT_ADVICE: Record<CellKind, string> = {
  count: '应填写0或正整数',
  amount: '应填写0或正数（单位：万元，可保留小数）',
  delta: '应填写整数（减少时填负数）',
};

function wellFormed(kind: CellKind, value: number): boolean {
  if (!Number.isFinite(value)) return false;
  if (kind === 'amount') return value >= 0;
  if (kind === 'delta') return Number.isInteger(value);
  return Number.isInteger(value) && value >= 0;
}

/** a cell's kind as a small number, so the scan of every cell reads no object */
const COUNT = 0;
const AMOUNT = 1;
const DELTA = 2;
const KIND_CODE: Record<CellKind, number> = { count: COUNT, amount: AMOUNT, delta: DELTA };

/** cellRefs grouped by table, in the order of each table's grid, with their kinds' codes */
const layouts = new Map<TemplateId, readonly { path: string; refs: readonly CellRef[]; kinds: Uint8Array }[]>();

function layoutOf(template: TemplateId) {
  let layout = layouts.get(template);
  if (!layout) {
    const tables: { path: string; refs: CellRef[] }[] = [];
    for (const ref of cellRefs(template)) {
      let table = tables.at(-1);
      if (table?.path !== ref.table.path) tables.push((table = { path: ref.table.path, refs: [] }));
      table.refs.push(ref);
    }
    layout = tables.map((t) => ({ ...t, kinds: Uint8Array.from(t.refs, (r) => KIND_CODE[r.kind]) }));
    layouts.set(template, layout);
  }
  return layout;
}

/** wellFormed on a grid's number (NaN for a cell without one) and its kind's code */
function wellFormedCode(kind: number, n: number): boolean {
  return kind === COUNT ? n >= 0 && Number.isInteger(n) : kind === AMOUNT ? n >= 0 && n !== Infinity : Number.isInteger(n);
}

interface CellScan {
  /** cells holding something other than a well-formed number of their kind (blank text included) */
  readonly malformed: readonly { ref: CellRef; value: Cell }[];
  /** blank cells (null, or text of white space) */
  readonly missing: readonly CellRef[];
}

/**
 * Every cell checked once for both rules, on the run's grids (cellRefs and a table's grid
 * list the cells in the same order); only a cell without a well-formed number is looked up
 * again, for what it holds. A clean report yields two empty lists.
 */
function scanCells(input: RuleInput): CellScan {
  const malformed: { ref: CellRef; value: Cell }[] = [];
  const missing: CellRef[] = [];
  for (const table of layoutOf(input.report.template)) {
    const { values } = input.grid(table.path);
    const { refs, kinds } = table;
    for (let k = 0; k < refs.length; k++) {
      const n = values[k]!;
      // A whole number from 0 to 2^31 - 1 is well formed for every kind (nearly every cell).
      // NaN fails every comparison: a cell without a number is looked at below.
      if (n >= 0 && (n | 0) === n) continue;
      if (wellFormedCode(kinds[k]!, n)) continue;
      const ref = refs[k]!;
      const value = input.table(table.path).data[ref.row.id]?.[ref.column.id] ?? null;
      if (typeof value === 'number' && wellFormed(ref.kind, value)) continue;
      if (value !== null) malformed.push({ ref, value });
      if (value === null || (typeof value === 'string' && value.trim() === '')) missing.push(ref);
    }
  }
  return { malformed, missing };
}

export const numberFormat: Rule = (input, findings) => {
  for (const { ref, value } of input.derive(scanCells).malformed) {
    findings.push({
      rule: 'number.format',
      severity: 'error',
      path: ref.path,
      label: ref.label,
      expected: ref.kind === 'count' ? '非负整数' : ref.kind === 'amount' ? '非负数' : '整数',
      actual: value,
      message: `“${ref.label}”${FORMAT_ADVICE[ref.kind]}，现填的是“${value}”。`,
    });
  }
};

export const requiredMissing: Rule = (input, findings) => {
  const { report } = input;
  for (const section of TEMPLATES[report.template].textSections) {
    if (report.sections[section.id].trim() === '') {
      findings.push({
        rule: 'required.missing',
        severity: severityOf('required.missing'),
        path: section.id,
        label: section.title,
        actual: '',
        message:
          section.id === 'other'
            ? `“${section.title}”未填写；没有需要报告的事项时请填“无”。`
            : `“${section.title}”未填写，请补充文字内容。`,
      });
    }
  }
  for (const ref of input.derive(scanCells).missing) {
    findings.push({
      rule: 'required.missing',
      severity: 'error',
      path: ref.path,
      label: ref.label,
      actual: null,
      message: `“${ref.label}”未填写；没有发生时请填0。`,
    });
  }
};
