/**
 * The few figures a reader follows over the years (an agency's history, issue 18): read from a
 * report by cell path, the same paths in both formats (see report-template.ts).
 */
import { cellRefByPath, cellValue, type Report } from './report.js';

export interface KeyFigure {
  readonly id: 'newReceived' | 'disclosedShare' | 'review' | 'litigation' | 'penalty' | 'licensing';
  readonly label: string;
  /** the cells summed (one or two); a share divides the first by the second */
  readonly paths: readonly string[];
  readonly share?: boolean;
}

export const KEY_FIGURES: readonly KeyFigure[] = [
  { id: 'newReceived', label: '本年新收申请', paths: ['applications.newReceived.total'] },
  { id: 'disclosedShare', label: '予以公开占比', paths: ['applications.disclosed.total', 'applications.resultsTotal.total'], share: true },
  { id: 'review', label: '行政复议', paths: ['appeals.review.total'] },
  { id: 'litigation', label: '行政诉讼', paths: ['appeals.litigationDirect.total', 'appeals.litigationAfterReview.total'] },
  { id: 'penalty', label: '行政处罚', paths: ['proactive.enforcement.administrativePenalty.decisions'] },
  { id: 'licensing', label: '行政许可', paths: ['proactive.licensing.administrativeLicensing.decisions'] },
];

function numberAt(report: Report, path: string): number | null {
  const ref = cellRefByPath(report.template, path);
  if (!ref) throw new Error(`no cell ${path} in the ${report.template} format`);
  const v = cellValue(report, ref.table, ref.row, ref.column);
  return typeof v === 'number' ? v : null;
}

/**
 * A figure's value, or null when a cell it needs is blank or not a number (or a share of
 * nothing). A share is a fraction (0–1).
 */
export function keyFigure(report: Report, figure: KeyFigure): number | null {
  const values = figure.paths.map((p) => numberAt(report, p));
  if (values.some((v) => v === null)) return null;
  const nums = values as number[];
  if (figure.share) return nums[1]! > 0 ? nums[0]! / nums[1]! : null;
  return nums.reduce((a, b) => a + b, 0);
}

export type KeyFigureTotals = Partial<Record<KeyFigure['id'], number | null>>;

/**
 * A region-year's figures over its reports: each figure summed over the reports that state it
 * (null when none does); a share is the sum of its numerators over the sum of its denominators,
 * from the reports that state both.
 */
export function keyFigureTotals(reports: readonly Report[]): KeyFigureTotals {
  const totals: KeyFigureTotals = {};
  for (const figure of KEY_FIGURES) {
    const stated = reports.map((r) => figure.paths.map((p) => numberAt(r, p))).filter((v): v is number[] => v.every((x) => x !== null));
    if (stated.length === 0) totals[figure.id] = null;
    else if (figure.share) {
      let num = 0;
      let den = 0;
      for (const v of stated) (num += v[0]!), (den += v[1]!);
      totals[figure.id] = den > 0 ? num / den : null;
    } else totals[figure.id] = stated.reduce((n, v) => n + v.reduce((a, b) => a + b, 0), 0);
  }
  return totals;
}
