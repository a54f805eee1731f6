/**
 * `rollup.mismatch`: the government office's own filing is the region's 汇总 report; every
 * figure of tables 二, 三 and 四 that differs from the sum of the region's accepted reports gets
 * a warning naming how many agencies are still missing (their reports may close the gap).
 *
 * Not one of validateReport's rules: it needs the region's reports. The caller sums them
 * (`sumReports` of report-totals.ts, as the review roll-up does) and passes the sum with the
 * coverage; the function is pure.
 */
import type { Finding } from '../finding.js';
import { cellRefs, cellValue, type Report } from '../report.js';
import { plainDecimal } from '../report-totals.js';

export interface RollupInput {
  /** the sum of the region's accepted reports (same template as the filing) */
  readonly sum: Report;
  /** how many reports the sum holds */
  readonly included: number;
  /** agencies of the region whose report is not (yet) accepted, so not in the sum */
  readonly missing: number;
}

/** amounts in 万元 are summed exactly to 6 decimals; closer than this is equal */
const AMOUNT_TOLERANCE = 5e-7;

export function rollupMismatch(report: Report, rollup: RollupInput): Finding[] {
  if (report.template !== rollup.sum.template) return [];
  const findings: Finding[] = [];
  const pending =
    rollup.missing > 0
      ? `；另有 ${rollup.missing} 个单位的报告尚未通过审核、未计入合计，合计可能还会变化`
      : '';
  for (const ref of cellRefs(report.template)) {
    const actual = cellValue(report, ref.table, ref.row, ref.column);
    const expected = cellValue(rollup.sum, ref.table, ref.row, ref.column);
    // a blank or malformed cell has its own error; a cell no report filled has no sum
    if (typeof actual !== 'number' || typeof expected !== 'number') continue;
    if (Math.abs(actual - expected) < (ref.kind === 'amount' ? AMOUNT_TOLERANCE : 0.5)) continue;
    findings.push({
      rule: 'rollup.mismatch',
      severity: 'warning',
      path: ref.path,
      label: ref.label,
      expected,
      actual,
      message:
        `汇总报告“${ref.label}”填 ${plainDecimal(actual)}，本地区已通过审核的 ${rollup.included} 份报告合计 ${plainDecimal(expected)}${pending}。` +
        '请核对汇总数，或说明差异的原因（如本机关自身的数据）。',
    });
  }
  return findings;
}
