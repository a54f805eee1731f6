import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ImportError, importReport } from '../../functions/domain/import/import-report.js';

const reference = readFileSync(new URL('../fixtures/wangdian-2023-report.txt', import.meta.url), 'utf8');
const referenceLines = reference.split('\n');

function withLine(no: number, text: string): string {
  const lines = [...referenceLines];
  lines[no - 1] = text;
  return lines.join('\n');
}

function importError(source: string, filename?: string): ImportError {
  try {
    importReport(source, filename ? { filename } : {});
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('inputs the importer cannot read', () => {
  it('rejects an empty file', () => {
    expect(importError('').message).toBe('文件为空');
    expect(importError(' \n\t\n').message).toBe('文件为空');
  });

  it('rejects a file with no title', () => {
    const error = importError('一、总体情况\n\n我镇全年……\n');

    expect(error.message).toContain('未找到报告标题');
  });

  it('rejects a title without a year, when the opening paragraph names none either', () => {
    const source = withLine(3, '# 王店镇人民政府政府信息公开工作年度报告').replace(/2023 年度政府信息公开工作报告/, '本年度政府信息公开工作报告');
    expect(source).toContain('本年度政府信息公开工作报告');
    const error = importError(source);

    expect(error.message).toBe('未找到报告标题中的年份');
    expect(error.line).toBe(3);
  });

  it('rejects a report without tables, naming the section', () => {
    const source = [
      '王店镇人民政府2023年政府信息公开工作年度报告',
      '一、总体情况',
      '全年主动公开信息300余条。',
      '二、主动公开政府信息情况',
      '全年未制发规章。',
      '三、收到和处理政府信息公开申请情况',
      '全年未收到申请。',
      '四、政府信息公开行政复议、行政诉讼情况',
      '无。',
      '五、存在的主要问题及改进情况',
      '无。',
      '六、其他需要报告的事项',
      '无。',
    ].join('\n');

    const error = importError(source);

    expect(error.message).toBe('第二部分“主动公开政府信息情况”未找到表格');
    expect(error.section).toBe('proactive');
  });

  it('rejects a report whose table 三 is missing', () => {
    const lines = [...referenceLines];
    lines.splice(38, 28);

    const error = importError(lines.join('\n'));

    expect(error.message).toBe('第三部分“收到和处理政府信息公开申请情况”未找到表格');
  });

  it('rejects a report without a table section’s heading', () => {
    const error = importError(withLine(68, ''));

    expect(error.message).toBe('未找到第四部分“政府信息公开行政复议、行政诉讼情况”');
    expect(error.section).toBe('appeals');
  });

  it('rejects a row with 5 values where the table has 7, naming the line', () => {
    const error = importError(withLine(57, '\t(五) 不予处理\t1.信访举报投诉类申请\t0\t0\t0\t0\t0'));

    expect(error.message).toBe('第57行（1.信访举报投诉类申请）：应有7个数值，实际只有5个');
    expect(error.line).toBe(57);
    expect(error.section).toBe('applications');
  });

  it('rejects a row with more values than the table has columns', () => {
    const error = importError(withLine(23, '规章\t0\t0\t0\t0'));

    expect(error.message).toBe('第23行（规章）：应有3个数值，实际有4个');
  });

  it('rejects a table 四 line of 14 values', () => {
    const error = importError(withLine(73, Array(14).fill('0').join('\t')));

    expect(error.message).toBe('第73行（第四部分“政府信息公开行政复议、行政诉讼情况”）：应有15个数值，实际只有14个');
    expect(error.line).toBe(73);
  });

  it('rejects a row of numbers whose label it does not know, rather than dropping it', () => {
    const error = importError(withLine(53, '\t\t9.属于其他情形\t0\t0\t0\t0\t0\t0\t0'));

    expect(error.message).toBe('第53行：无法识别的表格行“9.属于其他情形”');
  });

  it('rejects a row printed twice', () => {
    const error = importError(withLine(53, '\t\t7.属于行政执法案卷\t1\t0\t0\t0\t0\t0\t1'));

    expect(error.message).toBe('第53行：“7.属于行政执法案卷”一行重复出现（已见于第52行）');
  });

  it('names the HTML source line of a bad table row', () => {
    const html = [
      '<html><body>',
      '<h1>王店镇人民政府2023年政府信息公开工作年度报告</h1>',
      '<p>一、总体情况</p><p>无</p>',
      '<p>二、主动公开政府信息情况</p>',
      '<table>',
      '<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>',
      '<tr><td>规章</td><td>0</td><td>0</td></tr>',
      '</table>',
      '<p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>',
      '</body></html>',
    ].join('\n');

    const error = importError(html);

    expect(error.message).toBe('第7行（规章）：应有3个数值，实际只有2个');
  });
});
