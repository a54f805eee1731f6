/**
 * The year-on-year rules on a real agency's two consecutive reports (宿迁市 2023 and 2024, the
 * repository's real pair): the controls raise nothing (its 上年结转 121 is 2023's 结转下年度 121,
 * its 现行有效 12 and 420 are 11+2−1 and 597+50−227), and each planted defect (a copy of last
 * year's figures, a key figure ×6, 现行有效 off by 3, a changed 上年结转) adds its own warning.
 */
import { describe, expect, it } from 'vitest';
import type { Report, TableData } from '../../functions/domain/report.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { suqian } from '../support/real-reports.js';

const YEAR_ON_YEAR = ['data.repeated', 'trend.outlier', 'proactive.in-force', 'carryover.continuity'];
const yearOnYear = (report: Report, previous: Report) =>
  validateReport(report, { previous })
    .filter((f) => YEAR_ON_YEAR.includes(f.rule))
    .map((f) => `${f.rule} ${f.path}`);
const table = (report: Report, path: 'applications' | 'appeals') => report.sections[path] as TableData;
/** a row of table 三 with one figure, from natural persons */
const naturalOnly = (n: number) => ({ natural: n, business: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: n });

describe('宿迁市 2024 against 2023', () => {
  it('as published: no year-on-year warning', () => {
    expect(yearOnYear(suqian(2024), suqian(2023))).toEqual([]);
  });

  it.each<[string, string, (report: Report, previous: Report) => void]>([
    [
      'last year’s 表三 and 表四 copied',
      'data.repeated applications',
      (report, previous) => {
        report.sections.applications = structuredClone(previous.sections.applications);
        report.sections.appeals = structuredClone(previous.sections.appeals);
      },
    ],
    [
      '本年新收 ×6',
      'trend.outlier applications.newReceived.total',
      (report, previous) => {
        table(report, 'applications').newReceived = naturalOnly((table(previous, 'applications').newReceived!.total as number) * 6);
      },
    ],
    [
      '规范性文件现行有效 off by 3 (423 for 420)',
      'proactive.in-force proactive.regulations.normativeDocuments.inForce',
      (report) => {
        (report.sections.proactive as Record<string, TableData>).regulations!.normativeDocuments!.inForce = 423;
      },
    ],
    [
      '上年结转 changed (124 where 2023 carried 121 forward)',
      'carryover.continuity applications.carriedOver.total',
      (report) => {
        table(report, 'applications').carriedOver = naturalOnly(124);
      },
    ],
  ])('%s adds %s', (_name, expected, plant) => {
    const report = suqian(2024);
    const previous = suqian(2023);
    plant(report, previous);
    expect(yearOnYear(report, previous)).toContain(expected);
  });
});
