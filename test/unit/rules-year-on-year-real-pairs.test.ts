/**
 * The year-on-year rules on a real agency's two consecutive reports (淮安市洪泽区人民政府 2023 and
 * 2024, tables typed from the published PDFs): the controls raise only what a reviewer would ask
 * too, and each planted defect (a copy of last year's figures, a key figure ×6, 现行有效 off by
 * 3, a changed 上年结转) adds its own warning.
 */
import { describe, expect, it } from 'vitest';
import type { Report, TableData } from '../../functions/domain/report.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { readFixture, reportFromTables } from '../support/real-reports.js';

const YEAR_ON_YEAR = ['data.repeated', 'trend.outlier', 'proactive.in-force', 'carryover.continuity'];
const hongze = (year: 2023 | 2024): Report =>
  reportFromTables(readFixture(`hongze-qu-${year}.tables.tsv`), { agencyName: '淮安市洪泽区人民政府', year });
const yearOnYear = (report: Report, previous: Report) =>
  validateReport(report, { previous })
    .filter((f) => YEAR_ON_YEAR.includes(f.rule))
    .map((f) => `${f.rule} ${f.path}`);
const table = (report: Report, path: 'applications' | 'appeals') => report.sections[path] as TableData;

describe('淮安市洪泽区 2024 against 2023', () => {
  it('as published: only 行政许可 550 → 9487 asks to be verified', () => {
    const [finding, ...rest] = validateReport(hongze(2024), { previous: hongze(2023) }).filter((f) => YEAR_ON_YEAR.includes(f.rule));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ rule: 'trend.outlier', path: 'proactive.licensing.administrativeLicensing.decisions', actual: 9487 });
    expect(finding!.message).toContain('17.2 倍');
  });

  const control = yearOnYear(hongze(2024), hongze(2023));
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
      '本年新收 ×6 (570 against 21)',
      'trend.outlier applications.newReceived.total',
      (report) => {
        table(report, 'applications').newReceived = { natural: 570, business: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 570 };
      },
    ],
    [
      '规范性文件现行有效 off by 3 (11 for 8)',
      'proactive.in-force proactive.regulations.normativeDocuments.inForce',
      (report) => {
        (report.sections.proactive as Record<string, TableData>).regulations!.normativeDocuments!.inForce = 11;
      },
    ],
    [
      '上年结转 2 where 2023 carried none forward',
      'carryover.continuity applications.carriedOver.total',
      (report) => {
        table(report, 'applications').carriedOver = { natural: 2, business: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 2 };
      },
    ],
  ])('%s adds %s', (_name, expected, plant) => {
    const report = hongze(2024);
    const previous = hongze(2023);
    plant(report, previous);
    const added = yearOnYear(report, previous).filter((f) => !control.includes(f));
    expect(added).toContain(expected);
  });
});
