import { describe, expect, it } from 'vitest';
import { emptyReport, type TableData } from '../../functions/domain/report.js';
import { fillComputedCells } from '../../web/form/computed-totals.js';

const fresh = () => emptyReport('2021', { agencyName: '某县自然资源局', year: 2024 }, 0);

describe('fillComputedCells', () => {
  it('sums each row of 三 into 总计 and each column of the results into （七）', () => {
    const report = fresh();
    const apps = report.sections.applications as TableData;
    apps.newReceived!.natural = 5;
    apps.newReceived!.business = 2;
    apps.disclosed!.natural = 3;
    apps.notProcessedRepeated!.natural = 1;
    apps.otherOther!.legal = 4;
    fillComputedCells(report);
    expect(apps.newReceived!.total).toBe(7);
    expect(apps.resultsTotal!.natural).toBe(4);
    expect(apps.resultsTotal!.legal).toBe(4);
    expect(apps.resultsTotal!.total).toBe(8);
    expect(apps.disclosed!.total).toBe(3);
  });

  it('sums each group of 四 into its 总计', () => {
    const report = fresh();
    const appeals = report.sections.appeals as TableData;
    appeals.review!.upheld = 2;
    appeals.review!.pending = 1;
    appeals.litigationAfterReview!.corrected = 3;
    fillComputedCells(report);
    expect(appeals.review!.total).toBe(3);
    expect(appeals.litigationDirect!.total).toBe(0);
    expect(appeals.litigationAfterReview!.total).toBe(3);
  });

  it('counts blank or malformed parts as 0, leaving them to their own findings', () => {
    const report = fresh();
    const apps = report.sections.applications as TableData;
    apps.newReceived!.natural = null;
    apps.newReceived!.business = '三';
    apps.newReceived!.research = 2;
    fillComputedCells(report);
    expect(apps.newReceived!.total).toBe(2);
  });

  it('overwrites a wrong total typed elsewhere (e.g. by an import)', () => {
    const report = fresh();
    const apps = report.sections.applications as TableData;
    apps.newReceived!.natural = 1;
    apps.newReceived!.total = 99;
    fillComputedCells(report);
    expect(apps.newReceived!.total).toBe(1);
  });
});
