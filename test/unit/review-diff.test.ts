import { describe, expect, it } from 'vitest';
import type { TableData } from '../../functions/domain/report.js';
import { diffReports } from '../../functions/services/review.js';
import { returnedEmail } from '../../functions/render/email/email-templates.js';
import { cleanReport } from '../support/consistent-report.js';

describe('the cell-by-cell difference of two revisions', () => {
  it('is empty for the same report', () => {
    expect(diffReports(cleanReport(), cleanReport())).toEqual([]);
  });

  it('names each changed cell and text with its label, old and new value', () => {
    const before = cleanReport();
    const after = cleanReport();
    (after.sections.applications as TableData).newReceived!.natural = 3;
    (after.sections.proactive as Record<string, TableData>).fees!.administrativeFees!.amount = null;
    after.sections.other = '本年度收取信息处理费0元。';
    expect(diffReports(before, after)).toEqual([
      { path: 'proactive.fees.administrativeFees.amount', label: '第二十条第（八）项 行政事业性收费 / 本年收费金额（单位：万元）', from: 0, to: null },
      { path: 'applications.newReceived.natural', label: '一、本年新收政府信息公开申请数量 / 自然人', from: 0, to: 3 },
      { path: 'other', label: '六、其他需要报告的事项', from: '本年度未收取信息处理费。', to: '本年度收取信息处理费0元。' },
    ]);
  });

  it('compares only the texts across the two templates', () => {
    const older = cleanReport('2019');
    const newer = cleanReport('2021');
    newer.sections.problems = '新的问题';
    expect(diffReports(older, newer).map((c) => c.path)).toEqual(['problems']);
  });
});

describe('the return e-mail', () => {
  it('carries the general and cell comments, escaped in HTML', () => {
    const mail = returnedEmail({
      agencyName: '王店镇人民政府',
      year: 2023,
      revision: 2,
      comment: '请核对<申请>数据',
      cells: [{ label: '一、本年新收政府信息公开申请数量 / 自然人', text: '与台账不符' }],
      formUrl: 'http://127.0.0.1:3000/file/',
    });
    expect(mail.subject).toContain('退回修改');
    expect(mail.text).toContain('审核意见：请核对<申请>数据');
    expect(mail.text).toContain('1. 一、本年新收政府信息公开申请数量 / 自然人：与台账不符');
    expect(mail.html).toContain('请核对&lt;申请&gt;数据');
    expect(mail.html).not.toContain('<申请>');
  });
});
