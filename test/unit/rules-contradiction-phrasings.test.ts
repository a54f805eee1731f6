/**
 * narrative.contradiction on phrasings a reviewer writes by hand into a real report (淮安 2024:
 * 3119 received, 103 carried forward to next year): all settled in other words, and none
 * received, and the statements of none of one kind that are not.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../functions/domain/report.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { huaian2024 } from '../support/real-reports.js';

const of = (report: Report, rule: string) => validateReport(report).filter((f) => f.rule === rule);

describe('narrative.contradiction on hand-written phrasings', () => {
  it.each(['所有申请均在法定期限内办结。', '全部申请均在法定时限内答复完毕。', '本年度申请全部按时答复办结。', '今年的申请均已按要求受理办结。', '今年的申请均已及时办结。'])(
    '“%s” while 103 go on to next year',
    (sentence) => {
      const report = huaian2024();
      report.sections.overview += sentence;
      expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 103 })]);
    },
  );

  it.each([
    '本年度无政府信息公开申请。',
    '全年无依申请公开事项。',
    '2024年，本机关没有收到公民、法人或其他组织提出的政府信息公开申请。',
    '本年度未收到个人、法人或者其他组织向本机关申请公开政府信息。',
    // 群众 asking for disclosure, with no other kind named: the public, none at all
    '今年本镇没有接到群众主动要求公开政府信息的申请。',
    // a numbered year opening the sentence, then 无
    '2024年本局无依申请公开事项。',
  ])(
    '“%s” while 3119 were received',
    (sentence) => {
      const report = huaian2024();
      report.sections.overview += sentence;
      expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 3119, actual: 0 })]);
    },
  );

  it('reads “无下年度结转。” right after the sentence about the applications', () => {
    const report = huaian2024();
    report.sections.overview += '今年共收到申请3119件。无下年度结转。';
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 103, actual: 0 })]);
  });

  it.each(['部分公开的申请2件已全部办结。', '今年通过网上申请的5件均已办结。', '今年的申请均已于春节前办结。'])('silent on “%s”: all of one group, or settled after the year', (sentence) => {
    const report = huaian2024();
    report.sections.overview += sentence;
    expect(of(report, 'narrative.contradiction')).toEqual([]);
  });

  it('reads “没有结转到2025年的申请” (the next year by its number) after a clause of last year’s', () => {
    // 荣昌区住建委 2022: "我委没有2021年结转的政府信息公开申请事项，没有结转到2023年的政府信息公开申请事项"
    const withCarry = (sentence: string) => {
      const report = huaian2024();
      report.sections.overview += sentence;
      return of(report, 'narrative.contradiction');
    };
    expect(withCarry('2024年度，我局没有2023年结转的政府信息公开申请事项，没有结转到2025年的政府信息公开申请事项。')).toEqual([
      expect.objectContaining({ expected: 103, actual: '没有结转' }),
    ]);
    // last year's carried into this year, named by its number: not the ones going on
    expect(withCarry('2024年度，我局没有2023年结转的政府信息公开申请事项，没有结转到2024年的政府信息公开申请事项。')).toEqual([]);
    expect(withCarry('2024年度，我局2023年结转的政府信息公开申请均已办结。')).toEqual([]);
  });

  it('reads “均已办结” in a clause of its own after the results as all settled', () => {
    const report = huaian2024();
    report.sections.overview += '今年的申请，予以公开1362件，不予公开178件，均已办结。';
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 103, actual: '均已办结' })]);
  });

  // 复议 351 of which 纠正 64 and 尚未审结 37; 诉讼 46 of which 纠正 5 and 尚未审结 7
  it.each([
    ['行政复议案件，复议机关均已作出维持决定。', 101],
    ['行政诉讼案件均被法院依法判决维持。', 12],
  ])('“%s” while some were corrected or pending', (sentence, expected) => {
    const report = huaian2024();
    report.sections.overview += sentence;
    expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected })]);
  });

  it.each(['行政复议案件，复议机关均已作出维持或撤销决定。', '行政复议案件均被维持或纠正。'])('silent on “%s”: more than one outcome', (sentence) => {
    const report = huaian2024();
    report.sections.overview += sentence;
    expect(of(report, 'narrative.contradiction')).toEqual([]);
  });

  it.each(['全年无逾期答复的申请。', '本年度无重复申请。', '全年无申请被投诉。', '年内无网上申请。', '全年无收费申请，无超期办理。', '本年度未收到个人提出的申请。',
    // 群众 set against the organisations: one kind
    '今年没有接到群众主动要求公开政府信息的申请，企业申请均已答复。',
    // a year compared with another, or a year not opening the sentence
    '2023年无依申请公开事项，2024年收到5件。',
    '与2023年无依申请公开事项相比，今年工作量增加。'])(
    'silent on “%s”: none of one kind',
    (sentence) => {
      const report = huaian2024();
      report.sections.overview += sentence;
      expect(of(report, 'narrative.contradiction')).toEqual([]);
    },
  );

  // 新乡市农业农村局 2020's shape: the appeals of its enforcement work, in a sentence that counts it
  it('silent on a none of 行政诉讼 in a sentence that counts the agency\'s own 行政许可 and 行政处罚', () => {
    const report = huaian2024();
    report.sections.overview += '今年本局办理行政许可300件、行政处罚5件，无投诉举报、行政诉讼。';
    expect(of(report, 'narrative.contradiction')).toEqual([]);
    const named = huaian2024();
    named.sections.overview += '今年本局办理行政许可300件、行政处罚5件，无因政府信息公开引起的行政诉讼。';
    expect(of(named, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 46 })]);
  });
});

describe('no review or suit named without 行政', () => {
  const withSentence = (sentence: string) => {
    const report = huaian2024();
    report.sections.overview += sentence;
    return of(report, 'narrative.contradiction').map((f) => f.actual);
  };
  it.each([
    // 武汉开发区卫健局 2020
    '全年未发生因政府信息公开工作引起的诉讼复议等情况。',
    '全年未收到因依申请公开答复而引起的行政复议和诉讼。',
    '未接到关于政府信息公开的复议、诉讼案件。',
  ])('“%s” while 表四 has 351 reviews and 46 suits', (sentence) => {
    expect(withSentence(sentence)).toHaveLength(2);
  });
  it.each([
    // a route to court, not a none
    '本年度未经复议直接起诉的情况较少。',
    '本年度未经行政复议直接提起诉讼的案件较去年减少。',
    // other suits
    '本年度未发生民事诉讼。',
    '本年度未发生公益诉讼。',
  ])('silent on “%s”', (sentence) => {
    expect(withSentence(sentence)).toEqual([]);
  });
});

it('reads "无转结下年度" (结转 mistyped, 大云镇 2024) as none carried forward', () => {
  const report = huaian2024();
  report.sections.overview += '全年共收到依申请公开件3119件，已按期答复3050件，无转结下年度继续办理件。';
  expect(of(report, 'narrative.contradiction')).toEqual([expect.objectContaining({ expected: 103 })]);
});
