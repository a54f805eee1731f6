/**
 * Rules on single cells and sections: `number.format` and `required.missing`.
 */
import { severityOf } from '../finding.js';
import { TEMPLATES, type CellKind } from '../report-template.js';
import { cellRefs } from '../report.js';
import { tableOf, type Rule } from './rule-context.js';

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

export const numberFormat: Rule = ({ report }, findings) => {
  const byTable = new Map<string, ReturnType<typeof tableOf>['data']>();
  for (const ref of cellRefs(report.template)) {
    let data = byTable.get(ref.table.path);
    if (!data) byTable.set(ref.table.path, (data = tableOf(report, ref.table.path).data));
    const value = data[ref.row.id]?.[ref.column.id] ?? null;
    if (value === null) continue;
    if (typeof value === 'number' && wellFormed(ref.kind, value)) continue;
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

export const requiredMissing: Rule = ({ report }, findings) => {
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
  const byTable = new Map<string, ReturnType<typeof tableOf>['data']>();
  for (const ref of cellRefs(report.template)) {
    let data = byTable.get(ref.table.path);
    if (!data) byTable.set(ref.table.path, (data = tableOf(report, ref.table.path).data));
    const value = data[ref.row.id]?.[ref.column.id] ?? null;
    if (value !== null && !(typeof value === 'string' && value.trim() === '')) continue;
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
