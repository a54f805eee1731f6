/**
 * The year-on-year rules on tables that leave the cells of nothing blank, as many published
 * reports do (a blank where the format has 0). Our own figures: a small agency's two years.
 */
import { describe, expect, it } from 'vitest';
import { emptyReport, type Report, type TableData } from '../../functions/domain/report.js';
import { validateReport } from '../../functions/domain/validate-report.js';

const agency = '某县某局';
const of = (report: Report, rule: string, previous: Report) =>
  validateReport(report, { previous }).filter((f) => f.rule === rule);
const table = (report: Report, path: 'applications' | 'appeals') => report.sections[path] as TableData;
const regulations = (report: Report) => (report.sections.proactive as Record<string, TableData>).regulations!;

/** 2023: 7 applications (6 from natural persons), 5 disclosed, 2 not held; one review upheld; every other cell blank */
function sparse(year: number, template: '2021' | '2019' = '2021'): Report {
  const report = emptyReport(template, { agencyName: agency, year }, null);
  const apps = table(report, 'applications');
  apps.newReceived = { ...apps.newReceived, natural: 6, business: 1, total: 7 };
  apps.disclosed = { ...apps.disclosed, natural: 4, business: 1, total: 5 };
  apps.unavailableNotHeld = { ...apps.unavailableNotHeld, natural: 2, total: 2 };
  apps.resultsTotal = { ...apps.resultsTotal, natural: 6, business: 1, total: 7 };
  table(report, 'appeals').review = { upheld: 1, corrected: null, other: null, pending: null, total: 1 };
  return report;
}

describe('data.repeated on tables with blank cells', () => {
  it('fires on this year’s tables copied whole from last year’s, blanks and all', () => {
    const [finding] = of(sparse(2024), 'data.repeated', sparse(2023));
    expect(finding).toMatchObject({ rule: 'data.repeated', path: 'applications' });
    // 表三: 6, 1, 7 · 4, 1, 5 · 2, 2 · 6, 1, 7; 表四: 1, 1
    expect(finding!.actual).toBe('与2023年完全相同（13个非零数字）');
  });

  it('takes a blank against last year’s 0 for the same, and a blank against a figure for a difference', () => {
    const previous = sparse(2023);
    table(previous, 'applications').carriedOver!.total = 0;
    expect(of(sparse(2024), 'data.repeated', previous)).toHaveLength(1);
    table(previous, 'applications').carriedForward!.natural = 1;
    expect(of(sparse(2024), 'data.repeated', previous)).toEqual([]);
  });

  it('reads last year’s trial-format 其他处理 left blank against this year’s three rows left blank', () => {
    expect(of(sparse(2021), 'data.repeated', sparse(2020, '2019'))).toHaveLength(1);
  });
});

describe('proactive.in-force with 本年制发/本年废止 left blank', () => {
  const withDocuments = (year: number, issued: number | null, repealed: number | null, inForce: number) => {
    const report = sparse(year);
    regulations(report).normativeDocuments = { issued, repealed, inForce };
    return report;
  };

  it('reads the blanks as none: 12 in force last year and none issued or repealed leave 12, not 15', () => {
    const [finding] = of(withDocuments(2024, null, null, 15), 'proactive.in-force', withDocuments(2023, 2, 0, 12));
    expect(finding).toMatchObject({ path: 'proactive.regulations.normativeDocuments.inForce', expected: 12, actual: 15 });
  });

  it('is silent when the count carries over unchanged, and on a text it cannot read', () => {
    expect(of(withDocuments(2024, null, null, 12), 'proactive.in-force', withDocuments(2023, 2, 0, 12))).toEqual([]);
    const slash = withDocuments(2024, null, null, 15);
    regulations(slash).normativeDocuments!.issued = '/';
    expect(of(slash, 'proactive.in-force', withDocuments(2023, 2, 0, 12))).toEqual([]);
  });
});

describe('trend.outlier with a part of 行政诉讼 left blank', () => {
  const litigation = (year: number, direct: number | null, afterReview: number | null) => {
    const report = sparse(year);
    const appeals = table(report, 'appeals');
    appeals.litigationDirect = { upheld: null, corrected: null, other: null, pending: null, total: direct };
    appeals.litigationAfterReview = { upheld: null, corrected: null, other: null, pending: null, total: afterReview };
    return report;
  };

  it('counts the blank part as none: 复议后起诉 blank and 直接起诉 72 against last year’s 4 + 8', () => {
    const [finding] = of(litigation(2024, 72, null), 'trend.outlier', litigation(2023, 4, 8));
    expect(finding).toMatchObject({ path: 'appeals', actual: 72 });
    expect(finding!.message).toContain('2023年 12');
  });

  it('is silent when both parts are blank, and when a part holds a text', () => {
    expect(of(litigation(2024, null, null), 'trend.outlier', litigation(2023, 4, 8))).toEqual([]);
    const text = litigation(2024, 72, null);
    table(text, 'appeals').litigationAfterReview!.total = '无';
    expect(of(text, 'trend.outlier', litigation(2023, 4, 8))).toEqual([]);
  });
});
