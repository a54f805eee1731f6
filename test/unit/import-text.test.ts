import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import { cellRefs, cellValue } from '../../functions/domain/report.js';
import { TEMPLATES } from '../../functions/domain/report-template.js';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const reference = fixture('wangdian-2023-report.txt');
const referenceLines = reference.split('\n');

/** The reference with line `no` (1-based) replaced. */
function withLine(no: number, text: string): string {
  const lines = [...referenceLines];
  lines[no - 1] = text;
  return lines.join('\n');
}

const table = (path: string) => TEMPLATES['2021'].tables.find((t) => t.path === path)!;
const applications = table('applications');
const rowOf = (id: string) => applications.rows.find((r) => r.id === id)!;
const applicationRow = (report: ReturnType<typeof importReport>, id: string) =>
  applications.columns.map((c) => cellValue(report, applications, rowOf(id), c));

describe('importing the reference text report', () => {
  it('reads the agency, the year and the 2021 template from the title and tables', () => {
    const report = importReport(reference);

    expect(report).toMatchObject({ agencyName: '王店镇人民政府', year: 2023, template: '2021' });
  });

  it('reads every cell of every table as 0', () => {
    const report = importReport(reference);

    const cells = cellRefs('2021').map((ref) => cellValue(report, ref.table, ref.row, ref.column));
    expect(cells).toHaveLength(10 + 25 * 7 + 15);
    expect(cells.every((v) => v === 0)).toBe(true);
  });

  it('keeps the text sections as paragraphs separated by blank lines', () => {
    const report = importReport(reference);

    const { overview, problems, other } = report.sections;
    expect(overview.startsWith('在县委、县政府的正确领导下')).toBe(true);
    expect(overview.endsWith('各类信息共计 300 余条。')).toBe(true);
    expect(overview.split('\n\n')).toHaveLength(5);
    expect(overview).toContain('\n\n总体情况：\n\n一是提高认识');
    expect(problems.startsWith('存在问题：\n\n政府信息公开工作开展以来')).toBe(true);
    expect(problems.endsWith('推动政府信息公开工作的深入开展。')).toBe(true);
    expect(problems.split('\n\n')).toHaveLength(7);
    expect(other).toBe('无');
  });
});

describe('titles', () => {
  const titled = (title: string) => withLine(3, title);

  it.each([
    ['# 王店镇人民政府 2023 年政府信息公开工作年度报告', '王店镇人民政府', 2023],
    ['2022年XX县自然资源局政府信息公开工作年度报告', 'XX县自然资源局', 2022],
    ['XX局2022年度政府信息公开工作年度报告', 'XX局', 2022],
    ['## 内乡县王店镇人民政府２０２３年度政府信息公开工作年度报告', '内乡县王店镇人民政府', 2023],
  ])('reads agency and year from "%s"', (title, agencyName, year) => {
    const report = importReport(titled(title));

    expect(report).toMatchObject({ agencyName, year });
  });

  it('takes the agency from the line above when the title is split over two lines', () => {
    const source = withLine(3, '王店镇人民政府\n2023年政府信息公开工作年度报告');

    expect(importReport(source)).toMatchObject({ agencyName: '王店镇人民政府', year: 2023 });
  });

  it('takes agency and year from the file name when the title lacks them', () => {
    const source = withLine(3, '# 政府信息公开工作年度报告');

    const report = importReport(source, { filename: '/tmp/报告/王店镇人民政府2023年政府信息公开工作年度报告.txt' });

    expect(report).toMatchObject({ agencyName: '王店镇人民政府', year: 2023 });
  });
});

describe('section headings', () => {
  it('accepts the 2019 wording of sections 四 and 五 and any number of # marks', () => {
    let source = withLine(68, '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况');
    source = source.replace('#### 五、存在的主要问题及改进情况', '# 五、政府信息公开工作存在的主要问题及改进情况');

    const report = importReport(source);

    expect(report.sections.appeals.review?.total).toBe(0);
    expect(report.sections.problems.startsWith('存在问题：')).toBe(true);
  });

  it('does not take a numbered paragraph inside a text section for the next heading', () => {
    const source = reference.replace('存在问题：', '一、存在的主要问题\n\n三、收到和处理政府信息公开申请情况');

    const report = importReport(source);

    expect(report.sections.problems.startsWith('一、存在的主要问题\n\n三、收到和处理政府信息公开申请情况')).toBe(true);
  });

  it('leaves a missing text section empty', () => {
    const source = reference.slice(0, reference.indexOf('#### 六、其他需要报告的事项'));

    const report = importReport(source);

    expect(report.sections.other).toBe('');
    expect(report.sections.problems).not.toBe('');
  });
});

describe('the sign-off the document ends with', () => {
  // the reference's 六 is "无", the document's last line
  const withOther = (other: string) => importReport(`${reference.trimEnd().replace(/无$/u, '')}${other}\n`).sections.other;

  it('is not part of 六: the agency over the date, both on one line, the date alone, or the report’s agency alone', () => {
    expect(withOther('无\n\n王店镇人民政府\n\n2024年1月15日')).toBe('无');
    expect(withOther('本年度未收取信息处理费。\n\n内乡县王店镇人民政府 2024年1月15日')).toBe('本年度未收取信息处理费。');
    expect(withOther('本年度未收取信息处理费。\n\n二〇二四年一月十五日')).toBe('本年度未收取信息处理费。');
    expect(withOther('本年度未收取信息处理费。\n\n王店镇人民政府')).toBe('本年度未收取信息处理费。');
    // a seal printed above the sign-off goes with it
    expect(withOther('本年度未收取信息处理费。\n\n（单位盖章）\n\n王店镇人民政府\n\n2024 年 1 月 15 日')).toBe('本年度未收取信息处理费。');
    // the trial-format fixture ends so
    expect(importReport(fixture('trial-2019-report.txt')).sections.other).toBe('本年度未收取信息处理费。');
  });

  it('keeps a 六 of “无”, another body’s name without a date, and a date inside the text', () => {
    expect(withOther('无')).toBe('无');
    expect(withOther('本年度未收取信息处理费。\n\n李店镇人民政府')).toBe('本年度未收取信息处理费。\n\n李店镇人民政府');
    expect(withOther('本年度未收取信息处理费，于2024年1月15日报送上级。')).toBe('本年度未收取信息处理费，于2024年1月15日报送上级。');
  });
});

describe('labels as real reports print them', () => {
  it('matches rows whatever their brackets, spaces, quotes and 其它', () => {
    const source = reference
      .replace('(一) 予以公开', '（一）予以公开')
      .replace('3.危及“三安全一稳定”', '3．危及"三安全 一稳定"')
      .replace('\t3.其他\t', '\t3、其它\t')
      .replace('行政规范性文件', '行政规范性 文件');

    const report = importReport(source);

    expect(applicationRow(report, 'disclosed')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(applicationRow(report, 'withheldThreeSecurities')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(applicationRow(report, 'otherOther')).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(report.sections.proactive.regulations?.normativeDocuments).toEqual({ issued: 0, repealed: 0, inForce: 0 });
  });

  it('keeps 3.其他 under （六） apart from （六）其他处理 and from the 其他 column', () => {
    const source = withLine(64, '\t3.其他\t1\t2\t3\t4\t5\t6\t21\t');

    const report = importReport(source);

    expect(applicationRow(report, 'otherOther')).toEqual([1, 2, 3, 4, 5, 6, 21]);
    expect(applicationRow(report, 'otherOverdueCorrection')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('cell values', () => {
  it('keeps a blank cell blank and a zero cell zero', () => {
    const source = withLine(42, '一、本年新收政府信息公开申请数量\t\t\t0\t\t0\t0\t0\t0\t');

    const report = importReport(source);

    expect(applicationRow(report, 'newReceived')).toEqual([null, 0, null, 0, 0, 0, 0]);
  });

  it('keeps text found where a number belongs as the text, reads a dash as blank and 无 or 0件 as zero', () => {
    const source = withLine(43, '二、上年结转政府信息公开申请数量\t\t—\t无\t0件\tabc\t0\t0\t0\t');

    const report = importReport(source);

    expect(applicationRow(report, 'carriedOver')).toEqual([null, 0, 0, 'abc', 0, 0, 0]);
  });

  it('reads thousands separators, full-width digits, decimals and negative numbers', () => {
    let source = withLine(42, '一、本年新收政府信息公开申请数量\t\t1,234\t１２\t-3\t0\t0\t0\t1243\t');
    source = source.replace('行政事业性收费\t0', '行政事业性收费\t24252.311082');

    const report = importReport(source);

    expect(applicationRow(report, 'newReceived')).toEqual([1234, 12, -3, 0, 0, 0, 1243]);
    expect(report.sections.proactive.fees?.administrativeFees?.amount).toBe(24252.311082);
  });
});

describe('aligning values past the padding', () => {
  it('reads a blank first value when the row has padding on both sides', () => {
    const source = withLine(42, '一、本年新收政府信息公开申请数量\t\t\t1\t2\t3\t4\t5\t15\t');

    const report = importReport(source);

    expect(applicationRow(report, 'newReceived')).toEqual([null, 1, 2, 3, 4, 5, 15]);
  });

  it('reads a blank last value when the row has padding on both sides', () => {
    const source = withLine(42, '一、本年新收政府信息公开申请数量\t\t1\t2\t3\t4\t5\t6\t\t');

    const report = importReport(source);

    expect(applicationRow(report, 'newReceived')).toEqual([1, 2, 3, 4, 5, 6, null]);
  });

  it('reads a row printed without its leading tabs', () => {
    const source = withLine(61, '5.要求行政机关确认或重新出具已获取信息\t\t1\t2\t3\t4\t5\t6\t21\t');

    const report = importReport(source);

    expect(applicationRow(report, 'notProcessedConfirmation')).toEqual([1, 2, 3, 4, 5, 6, 21]);
  });

  it('reads the reference’s （七）总计 row, printed one column left of the others', () => {
    const source = withLine(65, '(七) 总计\t1\t2\t3\t4\t5\t6\t21\t\t');

    const report = importReport(source);

    expect(applicationRow(report, 'resultsTotal')).toEqual([1, 2, 3, 4, 5, 6, 21]);
  });

  it('reads a table 二 row whose single value is blank', () => {
    const source = reference.replace('行政许可\t0\t\t', '行政许可\t\t\t');

    const report = importReport(source);

    expect(report.sections.proactive.licensing?.administrativeLicensing?.decisions).toBeNull();
  });

  it('leaves a row absent from the table blank', () => {
    const source = withLine(53, '');

    const report = importReport(source);

    expect(applicationRow(report, 'withheldQueryMatters')).toEqual([null, null, null, null, null, null, null]);
    expect(applicationRow(report, 'withheldEnforcementFiles')).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });

  it('splits table 四’s single line of 15 values into its three groups', () => {
    const source = withLine(73, '1\t2\t3\t4\t10\t5\t6\t7\t8\t26\t9\t10\t11\t12\t42');

    const { appeals } = importReport(source).sections;

    expect(appeals.review).toEqual({ upheld: 1, corrected: 2, other: 3, pending: 4, total: 10 });
    expect(appeals.litigationDirect).toEqual({ upheld: 5, corrected: 6, other: 7, pending: 8, total: 26 });
    expect(appeals.litigationAfterReview).toEqual({ upheld: 9, corrected: 10, other: 11, pending: 12, total: 42 });
  });
});

describe('table 四 printed with spaces', () => {
  it('reads a line of 15 space-separated numbers as the value line', () => {
    const text = fixture('wangdian-2023-report.txt').replace(
      /^0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0$/m,
      '1 0 0 0 1 0 0 0 0 0 0 0 2 0 2',
    );
    const appeals = importReport(text).sections.appeals;
    expect(appeals.review).toEqual({ upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    expect(appeals.litigationAfterReview).toEqual({ upheld: 0, corrected: 0, other: 2, pending: 0, total: 2 });
  });
});
