import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { readRealReport, reportCells } from '../support/real-report-tables.js';

const huaian = readRealReport('huaian-shi-renminzhengfu-2024');

/** The source with its lines edited. */
function editLines(source: string, edit: (lines: string[]) => void): string {
  const lines = source.split('\n');
  edit(lines);
  return lines.join('\n');
}

describe('the unedited text layer of 淮安市人民政府’s 2024 PDF', () => {
  it('reads agency, year and template', () => {
    expect(importReport(huaian.text)).toMatchObject({ agencyName: '淮安市人民政府', year: 2024, template: '2021' });
  });

  it('gives every figure of tables 二, 三 and 四 as the hand-checked tables', () => {
    const cells = reportCells(importReport(huaian.text));

    expect(huaian.tables.size).toBe(10 + 25 * 7 + 15);
    expect(cells).toEqual(huaian.tables);
  });

  it('drops the page numbers between lines from the text sections', () => {
    const { overview } = importReport(huaian.text).sections;

    expect(overview).not.toMatch(/- \d+ -/);
    expect(overview).toContain('营商环境高质量推进产业发展');
  });

  it('keeps a missing value missing: a row one number short is refused, naming it', () => {
    const source = editLines(huaian.text, (lines) => {
      const at = lines.findIndex((l) => l.startsWith('3.补正后申请内容仍不明确'));
      lines[at] = '3.补正后申请内容仍不明确 1 0 0 0 0 1';
    });

    expect(() => importReport(source)).toThrow('（3.补正后申请内容仍不明确）：应有7个数值，实际只有6个');
  });

  it('reads values printed before the last piece of their wrapped label', () => {
    const source = editLines(huaian.text, (lines) => {
      const at = lines.findIndex((l) => l.startsWith('形，不计其他情形）'));
      lines.splice(at, 1, '447 7 0 0 0 0 454', '形，不计其他情形）');
    });

    expect(reportCells(importReport(source))).toEqual(huaian.tables);
  });

  it('refuses a line of numbers whose wrapped label it cannot recognise', () => {
    const source = editLines(huaian.text, (lines) => {
      const at = lines.findIndex((l) => l.startsWith('3、其他 108'));
      lines.splice(at, 1, '3、其他需要', '说明的情形', '108 2 0 0 0 0 110');
    });

    expect(() => importReport(source)).toThrow(/表格行/);
  });
});
