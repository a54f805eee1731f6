import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { emptyReport } from '../../functions/domain/report.js';
import { makeReportText } from '../fixtures/make-report-text.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const trial = fixture('trial-2019-report.txt');

describe('a report in the 2019 trial format', () => {
  it('is recognised as the 2019 template with its title read year first', () => {
    const report = importReport(trial);

    expect(report).toMatchObject({ agencyName: '平川县自然资源局', year: 2020, template: '2019' });
  });

  it('reads table 二’s trial columns, negative 本年增/减 included, and the (九) sub-table', () => {
    const report = importReport(trial);

    if (report.template !== '2019') throw new Error('expected the 2019 template');
    const { proactive } = report.sections;
    expect(proactive.regulations?.normativeDocuments).toEqual({ made: 2, published: 2, totalPublished: 15 });
    expect(proactive.licensing?.administrativeLicensing).toEqual({ previousCount: 36, change: -4, decisions: 32 });
    expect(proactive.enforcement?.administrativePenalty).toEqual({ previousCount: 58, change: -11, decisions: 47 });
    expect(proactive.fees?.administrativeFees).toEqual({ previousCount: 2, change: -1 });
    expect(proactive.procurement?.centralizedProcurement).toEqual({ projects: 6, amount: 128.5 });
  });

  it('reads the single （六）其他处理 row with its own seven values', () => {
    const report = importReport(trial);

    if (report.template !== '2019') throw new Error('expected the 2019 template');
    expect(report.sections.applications.otherHandling).toEqual({
      natural: 1, business: 0, research: 0, nonprofit: 0, legal: 0, otherOrg: 0, total: 1,
    });
    expect(report.sections.applications.resultsTotal?.total).toBe(18);
    expect(report.sections.appeals.litigationDirect).toEqual({ upheld: 0, corrected: 0, other: 1, pending: 0, total: 1 });
  });

  it('is recognised by its content even when the title says 2023', () => {
    const source = trial.replace('2020年平川县', '2023年平川县');

    expect(importReport(source).template).toBe('2019');
  });

  it('is recognised by a （六）其他处理 row carrying numbers when table 二 is ambiguous', () => {
    const rendered = makeReportText(emptyReport('2019', { agencyName: '平川县自然资源局', year: 2022 }, 0));
    const onlyTable3 = rendered.replace(/### 二、主动公开政府信息情况[\s\S]*?### 三/, '### 二、主动公开政府信息情况\n\n规章\t0\t0\t0\n\n### 三');

    expect(importReport(onlyTable3).template).toBe('2019');
  });
});

describe('a report in the 2021 format', () => {
  it('is recognised as 2021 even when its year is 2020', () => {
    const source = fixture('wangdian-2023-report.txt').replace(' 2023 年政府', ' 2020 年政府');

    expect(importReport(source)).toMatchObject({ year: 2020, template: '2021' });
  });
});
