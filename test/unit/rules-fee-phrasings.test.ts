/**
 * other.fee-report on the ways a 六 is laid out and worded (淮安 2024 with its 六 replaced): a
 * heading with its answer on the line below, a small table of the fees, digits pasted full-width,
 * an amount in words, 无 as a PDF's Kangxi radical. Next to each, the nearest wording that says
 * nothing of what was collected and must still be warned of.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../functions/domain/report.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { huaian2024 } from '../support/real-reports.js';

const of = (report: Report, rule: string) => validateReport(report).filter((f) => f.rule === rule);

function warnings(other: string) {
  const report = huaian2024();
  report.sections.other = other;
  return of(report, 'other.fee-report');
}

describe('other.fee-report: a heading answered on the line below', () => {
  it.each([
    '（一）收取信息处理费情况\n无。',
    '一、信息处理费的收取情况\n无',
    '信息处理费\n暂无',
    '（一）信息处理费收费情况\n今年本单位无此情况。',
    '1.收取信息处理费情况：\n本年未收取。',
    '信息处理费收取情况\n0元',
    // a small table of the fees, one cell a line
    '发出收费通知的件数（件）\n0\n总金额（元）\n0',
    '（一）收取信息处理费情况\r\n无',
    // as imported: one paragraph a line, a blank line between
    '（一）收取信息处理费情况\n\n无。',
  ])('“%s” states the fees', (text) => {
    expect(warnings(text)).toEqual([]);
  });

  it.each([
    // the line below is another heading, or the 无 of other matters
    '（一）收取信息处理费情况\n（二）其他事项\n本单位无其他需要报告的事项。',
    '（一）收取信息处理费情况\n无其他需要报告的事项。',
    // a sentence, not a heading: the 无 below answers nothing of the fees
    '严格执行信息处理费有关规定。\n无',
    '严格执行信息处理费有关规定，\n无',
  ])('“%s” does not', (text) => {
    expect(warnings(text)).toHaveLength(1);
  });
});

describe('other.fee-report: amounts as they are typed', () => {
  it.each([
    '本年度收取信息处理费０元。', // full-width digit
    '本年度收取信息处理费为０。',
    '共发出收费通知０件。',
    '本年度共收取信息处理费三百元。', // numerals in words
    '本年度共收取信息处理费贰佰元。',
    '本单位本年度⽆收取信息处理费情况。', // 无 as the Kangxi radical U+2F46
  ])('“%s” states the fees', (text) => {
    expect(warnings(text)).toEqual([]);
  });

  it.each(['行政事业性收费（单位：万元）按表二填报。', '推进信息处理费收取一元化管理。'])('“%s” does not', (text) => {
    expect(warnings(text)).toHaveLength(1);
  });
});

describe('other.fee-report: a none of irregular charges is not a none of fees', () => {
  it.each(['严格执行信息处理费收费标准，无违规收费现象。', '本年度未发现乱收费问题。', '信息处理费收取中无违法情形。'])(
    '“%s” does not state the fees',
    (text) => {
      expect(warnings(text)).toHaveLength(1);
    },
  );

  it.each(['本年度未收取信息处理费，无违规收费现象。', '本年度无违规收费，也未收取信息处理费。', '信息处理费收取及违规收费情况：无。'])('“%s” does', (text) => {
    expect(warnings(text)).toEqual([]);
  });
});

describe('other.fee-report: a sentence broken inside a word, as a .txt from a PDF is imported', () => {
  it.each(['本年度本单位没有政府信息公开信息处\n\n理费收取情况。', '本年度本机关共收取政府信息公开信息处\n理费300元。'])(
    '“%s” states the fees',
    (text) => {
      expect(warnings(text)).toEqual([]);
    },
  );

  it.each([
    // a title or a whole line above, then the none of other matters: not joined
    '严格执行《政府信息公开信息处理费管理办法》\n\n无其他需要报告的事项。',
    '本单位严格执行信息处理费有关规定要求\n\n无其他需要报告的事项。',
    '本单位严格执行信息处理费有关规定要求\n（二）其他事项：无',
  ])('“%s” does not', (text) => {
    expect(warnings(text)).toHaveLength(1);
  });
});
