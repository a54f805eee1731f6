import { describe, expect, it } from 'vitest';
import { Explanations, Finding, findingKey, unexplainedWarnings } from '../../functions/domain/finding.js';
import type { TableData } from '../../functions/domain/report.js';
import { sumReports } from '../../functions/domain/report-totals.js';
import { rollupMismatch } from '../../functions/domain/rules/rollup-rules.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { cleanReport } from '../support/consistent-report.js';
import { huaian2024, suqian } from '../support/real-reports.js';

// two real reports stand in for a region's accepted reports
const members = () => [huaian2024(), suqian(2024)];
const header = { template: '2021' as const, agencyName: '某市人民政府办公室', year: 2024 };

describe('rollup.mismatch', () => {
  it('is silent when the 汇总 report is the sum, fees in 万元 included (96171.6 + 72701.2578)', () => {
    const sum = sumReports(members(), header);
    const office = sumReports(members(), header);
    expect((office.sections.proactive as Record<string, TableData>).fees!.administrativeFees!.amount).toBe(168872.8578);
    expect(rollupMismatch(office, { sum, included: 2, missing: 0 })).toEqual([]);
  });

  it('names every differing figure, the sum, and how many agencies are missing', () => {
    const sum = sumReports(members(), header);
    const office = sumReports(members(), header);
    (office.sections.appeals as TableData).review!.total = 500; // 351 + 170 = 521
    (office.sections.proactive as Record<string, TableData>).fees!.administrativeFees!.amount = 168872.86;
    const findings = rollupMismatch(office, { sum, included: 2, missing: 3 });
    expect(findings.map((f) => [f.path, f.expected, f.actual])).toEqual([
      ['proactive.fees.administrativeFees.amount', 168872.8578, 168872.86],
      ['appeals.review.total', 521, 500],
    ]);
    for (const f of findings) expect(() => Finding.parse(f)).not.toThrow();
    expect(findings[1]).toMatchObject({ rule: 'rollup.mismatch', severity: 'warning', label: '行政复议 / 总计' });
    expect(findings[1]!.message).toContain('2 份报告合计 521');
    expect(findings[1]!.message).toContain('另有 3 个单位');
    expect(rollupMismatch(office, { sum, included: 2, missing: 0 })[1]!.message).not.toContain('另有');
  });

  it('compares nothing across templates', () => {
    expect(rollupMismatch(cleanReport('2019'), { sum: sumReports(members(), header), included: 2, missing: 0 })).toEqual([]);
  });
});

describe('explanations (说明) of warnings', () => {
  const report = huaian2024();
  const findings = validateReport(report);

  it('are keyed by rule and path, and count the warnings left unexplained', () => {
    expect(findings.map(findingKey)).toEqual(['overview.length|overview']);
    expect(unexplainedWarnings(findings)).toHaveLength(1);
    const explanations = Explanations.parse({ 'overview.length|overview': '本报告汇总全市情况，篇幅较长。' });
    expect(unexplainedWarnings(findings, explanations)).toEqual([]);
  });

  it('reject a malformed key, and an empty or over-long explanation with a Chinese message', () => {
    expect(Explanations.safeParse({ 'trend.outlier|appeals.review.total': '当年集中清理积案。' }).success).toBe(true);
    expect(Explanations.safeParse({ 'not a key': '说明' }).success).toBe(false);
    for (const bad of [{ 'overview.length|overview': '  ' }, { 'overview.length|overview': '字'.repeat(501) }]) {
      const result = Explanations.safeParse(bad);
      expect(result.success).toBe(false);
      expect(result.error!.issues[0]!.message).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
