/**
 * Phrasings the text readers once missed (carry-forward counts named by the application, "受理的N件",
 * a bare 诉讼 after 行政复议, a year opening with what was done, a count in Chinese numerals), each
 * with the nearest phrasing that must stay silent: a missed claim costs nothing, a misread one is
 * a false warning.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../functions/domain/import/import-report.js';
import type { Report } from '../../functions/domain/report.js';
import { narrativeClaims } from '../../functions/domain/rules/narrative-claims.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { huaian2024 } from '../support/real-reports.js';

const claims = (text: string) => narrativeClaims(text).map((c) => `${c.subject}=${c.value}`);
const of = (report: Report, rule: string) => validateReport(report).filter((f) => f.rule === rule);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const wangdian = () => importReport(fixture('wangdian-2023-report.txt'));
/** 淮安 2024's tables: 3119 received, 34 carried over, 3050 handled, 103 carried forward, 351 reviews, 46 suits */
const huaianWith = (sentence: string) => {
  const report = huaian2024();
  report.sections.overview += sentence;
  return of(report, 'narrative.mismatch');
};

describe('carried-forward counts named by the application', () => {
  it.each([
    ['今年收到申请8件，结转下年度办理的政府信息公开申请数量为3件。', ['applications=8', 'carriedForward=3']],
    ['今年收到申请8件，结转至下一年度继续办理的依申请公开申请2件。', ['applications=8', 'carriedForward=2']],
    // 二's words, longer than a few characters between 结转 and the figure
    ['今年收到申请8件，上年结转政府信息公开申请数量2件。', ['applications=8', 'carriedOver=2']],
    ['今年收到申请8件，上年结转政府信息公开办理数量1件。', ['applications=8', 'carriedOver=1']],
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('reads "结转政府信息公开申请数量N件" (no year named) as either 二 or 四', () => {
    const [, claim] = narrativeClaims('本年度新收政府信息公开申请数量5件，结转政府信息公开申请数量0件。');
    expect(claim).toMatchObject({ subject: 'carriedForward', value: 0, mayBeCarriedOver: true });
    // 103 go on to next year, 34 came from last year: either is the text's
    expect(huaianWith('全年新收政府信息公开申请数量3119件，结转政府信息公开申请数量103件。')).toEqual([]);
    expect(huaianWith('全年新收政府信息公开申请数量3119件，结转政府信息公开申请数量34件。')).toEqual([]);
    expect(huaianWith('全年新收政府信息公开申请数量3119件，结转政府信息公开申请数量0件。')).toEqual([
      expect.objectContaining({ expected: 103, actual: 0, message: expect.stringMatching(/103、.*34 都不一致/u) }),
    ]);
  });

  it('warns on a carried-forward figure named by the application that differs from 四', () => {
    expect(huaianWith('结转下年度办理的政府信息公开申请数量为100件。')).toEqual([expect.objectContaining({ expected: 103, actual: 100 })]);
    expect(huaianWith('结转下年度办理的政府信息公开申请数量为103件。')).toEqual([]);
  });

  it.each([
    // a result of the ones carried forward, a year's carry (either way), a carry across years
    ['今年收到申请8件，结转下年度的政府信息公开申请中予以公开3件。', ['applications=8', 'disclosed=3']],
    ['今年收到申请8件，2022年结转政府信息公开申请数量2件。', ['applications=8']],
    ['今年收到申请8件，本年度结转政府信息公开申请数量2件。', ['applications=8']],
    ['今年收到申请8件，跨年度结转政府信息公开申请数量2件。', ['applications=8']],
    // not the applications' count
    ['今年收到申请8件，结转政府信息公开申请涉及的信息2件。', ['applications=8']],
  ])('silent on %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('"受理的N件" after a clause about the applications', () => {
  it('reads it as at most all the applications (some received may not have been accepted)', () => {
    expect(narrativeClaims('本年度共收到政府信息公开申请，受理的5件均已办结。')).toEqual([
      expect.objectContaining({ subject: 'applications', value: 5, atMost: true }),
    ]);
    // more accepted than received and carried over together: the text or the table is wrong
    expect(huaianWith('本年度共收到政府信息公开申请，受理的3200件均已办结。')).toEqual([
      expect.objectContaining({ expected: 3153, actual: 3200, message: expect.stringContaining('多于') }),
    ]);
    // fewer: some may have been refused; all of the year's with last year's: may be
    expect(huaianWith('本年度共收到政府信息公开申请，受理的3000件均已办结。')).toEqual([]);
    expect(huaianWith('本年度共收到政府信息公开申请，受理的3153件均已办结。')).toEqual([]);
  });

  it.each([
    // a count given before: the accepted ones are a part of it
    ['本年度共收到政府信息公开申请8件，受理的5件均已办结。', ['applications=8']],
    // other applications, one channel, advice
    ['本年度共收到行政许可申请，受理的5件均已办结。', []],
    ['本年度共收到政府信息公开申请，网上受理的5件均已办结。', []],
    ['本年度共收到群众来信，受理的5件均已办结。', []],
    // a clause between
    ['本年度共收到政府信息公开申请，经审核，受理的5件均已办结。', []],
  ])('silent on %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('"答复信息公开申请N件": the ones handled (（七）总计)', () => {
  it('is read as handled, not as received, and held against (七)', () => {
    expect(claims('全年答复信息公开申请3件。')).toEqual(['handled=3']);
    expect(huaianWith('全年答复信息公开申请3000件。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3000 })]);
    expect(huaianWith('全年答复信息公开申请3050件。')).toEqual([]);
  });

  it('is silent on one channel’s figure (东湖街道 2023 as published)', () => {
    expect(claims('今年通过政府网站共办理并答复信息公开申请3件、纸质申请36件。')).toEqual([]);
  });
});

describe('the last of a list of channels', () => {
  it.each([
    '今年网上受理申请5件；其他渠道受理申请3件。',
    '今年网上收到申请5件，通过其他途径收到申请3件。',
    '今年当面受理申请2件；其他方式受理依申请公开3件。',
  ])('silent on %s (one channel’s figure, not all)', (text) => {
    expect(claims(text)).toEqual([]);
  });

  it('reads a count over every channel', () => {
    expect(claims('今年通过各种渠道受理申请8件。')).toEqual(['applications=8']);
    expect(huaianWith('全年通过多种渠道共收到政府信息公开申请3119件。')).toEqual([]);
    expect(huaianWith('全年网上受理申请3000件；其他渠道受理申请119件。')).toEqual([]);
  });
});

describe('a list of channels closed by 等渠道/等方式: every channel', () => {
  it.each([
    ['今年通过网上、信函等渠道收到申请5件。', ['applications=5']],
    ['今年通过网站申请、当面申请等多种方式受理申请9件。', ['applications=9']],
    ['2023年通过网上、信函、当面等渠道办结申请7件。', ['handled=7']],
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('holds the count against 一', () => {
    expect(huaianWith('全年通过网上、信函等渠道收到申请3119件。')).toEqual([]);
    expect(huaianWith('全年通过网上、信函等渠道收到申请3000件。')).toEqual([expect.objectContaining({ expected: 3119, actual: 3000 })]);
  });

  it.each([
    // one channel before 等, or a list of counts whose last one names 等渠道
    '今年通过信函等渠道收到申请3件，网上申请5件。',
    '今年网上受理3件、信函等渠道受理申请5件。',
    '今年通过网上、信函收到申请5件。',
  ])('silent on %s', (text) => {
    expect(claims(text)).toEqual([]);
  });
});

describe('the sentences after one about the applications that open with their handling or carry', () => {
  it('reads them as going on with it', () => {
    expect(claims('今年共收到政府信息公开申请8件。目前已办结7件，其中予以公开5件。结转下年度继续办理的1件。')).toEqual([
      'applications=8',
      'handled=7',
      'disclosed=5',
      'carriedForward=1',
    ]);
    expect(huaianWith('全年收到政府信息公开申请3119件。已办结3000件。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3000 })]);
    expect(huaianWith('全年收到政府信息公开申请3119件。已办结3050件。结转下年度继续办理的103件。')).toEqual([]);
  });

  it.each([
    // about something else, or after a sentence not about the applications
    ['今年共收到政府信息公开申请8件。办结群众留言12件。', ['applications=8']],
    ['今年共收到政府信息公开申请8件。答复人大代表建议20件。', ['applications=8']],
    ['今年共收到政府信息公开申请8件。办结信访件3件。', ['applications=8']],
    ['今年主动公开信息58条。办结12件。', []],
  ])('silent on %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('the carry from last year named first ("结转上年9件")', () => {
  it.each([
    ['今年收到申请8件，结转上年2件。', ['applications=8', 'carriedOver=2']],
    ['今年收到申请8件，结转上年度办理2件。', ['applications=8', 'carriedOver=2']],
    ['今年收到申请8件，结转上年度的政府信息公开申请2件。', ['applications=8', 'carriedOver=2']],
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('holds it against 二', () => {
    expect(huaianWith('全年收到申请3119件，结转上年34件。')).toEqual([]);
    expect(huaianWith('全年收到申请3119件，结转上年30件。')).toEqual([expect.objectContaining({ expected: 34, actual: 30 })]);
  });

  it.each(['今年收到申请8件，结转上年结余资金2件。', '今年收到申请8件，结转上年度未办结的2件。'])('silent on %s', (text) => {
    expect(claims(text)).toEqual(['applications=8']);
  });
});

describe('a count received that includes a carry named by its year ("（含2022年结转2件）")', () => {
  it('reads it as 一 + 二, as "（含上年结转2件）"', () => {
    expect(narrativeClaims('全年共受理申请12件（含2022年结转2件）。')).toEqual([
      expect.objectContaining({ subject: 'applications', value: 12, includesCarriedOver: true }),
    ]);
    expect(narrativeClaims('全年共受理申请12件（包括2022年度的结转2件）。')[0]).toMatchObject({ includesCarriedOver: true });
    // 淮安 2024: 3119 received, 34 carried over
    expect(huaianWith('全年共受理政府信息公开申请3153件（含2023年结转34件）。')).toEqual([]);
    expect(huaianWith('全年共受理政府信息公开申请3119件（含2023年结转34件）。')).toEqual([
      expect.objectContaining({ expected: 3153, actual: 3119 }),
    ]);
  });

  it('not the ones carried onward ("含2023年结转至2024年的2件")', () => {
    expect(narrativeClaims('全年共受理申请12件（含2023年结转至2024年的2件）。')[0]).toMatchObject({ includesCarriedOver: false });
    expect(narrativeClaims('全年共受理申请12件（含2023年结转下年度2件）。')[0]).toMatchObject({ includesCarriedOver: false });
  });
});

describe('"处理结果中，…" after a sentence about the applications', () => {
  it('reads its results and carry as the applications’', () => {
    expect(claims('今年收到申请9件。处理结果中，部分公开2件，结转至下一年度办理2件。')).toEqual([
      'applications=9',
      'partiallyDisclosed=2',
      'carriedForward=2',
    ]);
  });
  it('is silent after a sentence about something else', () => {
    expect(claims('今年收到群众留言9条。处理结果中，部分公开2件，结转至下一年度办理2件。')).toEqual([]);
  });
});

describe('a result named with its reason', () => {
  it.each([
    '今年收到申请12件，其中因本机关不掌握相关政府信息无法提供1件，信息不存在的1件。',
    '今年收到申请12件，其中因属于国家秘密不予公开1件。',
    '今年收到申请12件，其中由于申请内容不明确无法提供2件。',
  ])('is one row of the group, not the group: silent on %s', (text) => {
    expect(claims(text)).toEqual(['applications=12']);
  });
  it('reads the group named alone', () => {
    expect(claims('今年收到申请12件，其中无法提供2件，不予公开1件。')).toEqual(['applications=12', 'unavailable=2', 'withheld=1']);
  });
});

describe('a count of handling for a reason ("…等情形依规答复8件")', () => {
  it('is read as at most all the ones handled', () => {
    expect(narrativeClaims('今年收到申请17件，因不属于本机关职责、经检索无对应信息等情形依规答复8件。')).toEqual([
      expect.objectContaining({ subject: 'applications', value: 17 }),
      expect.objectContaining({ subject: 'handled', value: 8, atMost: true }),
    ]);
    expect(huaianWith('全年收到申请3119件，因本机关不掌握等情形依规答复3000件。')).toEqual([]);
    expect(huaianWith('全年收到申请3119件，因本机关不掌握等情形依规答复3100件。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3100 })]);
  });
  it('reads a count with no reason as all of them', () => {
    expect(narrativeClaims('今年收到申请17件，依规答复17件。')[1]).toEqual(expect.not.objectContaining({ atMost: true }));
    expect(huaianWith('全年收到申请3119件，依规答复3000件。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3000 })]);
  });
});

describe('a bare 诉讼 after a count of 行政复议', () => {
  it.each([
    ['全年行政复议9件、诉讼1件。', ['review=9', 'litigation=1']],
    ['全年行政复议9件，诉讼案件1件。', ['review=9', 'litigation=1']],
    // the next part of the sentence, after a 分号
    ['答复后被申请行政复议9件，全部维持；诉讼1件，尚在审理。', ['review=9', 'litigation=1']],
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('holds it against 表四', () => {
    expect(huaianWith('全年行政复议351件、诉讼40件。')).toEqual([expect.objectContaining({ expected: 46, actual: 40 })]);
    expect(huaianWith('全年行政复议351件、诉讼46件。')).toEqual([]);
  });

  it.each([
    // the review count not read (the agency deciding reviews; a change): its 诉讼 neither
    ['全年受理行政复议申请45件、诉讼1件。', []],
    ['行政复议同比减少2件、诉讼1件。', []],
    // one outcome, one kind, or no review before
    ['全年行政复议9件、诉讼败诉1件。', ['review=9']],
    ['全年行政复议9件、民事诉讼1件。', ['review=9']],
    ['全年行政复议9件，复议后诉讼1件。', ['review=9']],
    ['全年诉讼1件。', []],
    ['全年行政复议9件。诉讼1件。', ['review=9']],
  ])('silent on %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('text.stale-year: a year opening with what was done', () => {
  const overview = (text: string) => {
    const report = wangdian();
    report.sections.overview = text;
    return of(report, 'text.stale-year');
  };
  const stale = [expect.objectContaining({ expected: '2023年', actual: '2022年' })];

  it.each([
    '2022年通过政府网站主动公开信息300条。',
    '2022年度有1件政府信息公开申请。',
    '2022年涉及政府信息公开行政复议0件。',
  ])('%s as the overview’s first words, a paragraph’s and a sentence’s', (sentence) => {
    expect(overview(sentence)).toEqual(stale);
    expect(overview(`我镇认真落实《条例》。\n${sentence}`)).toEqual(stale);
    expect(overview(`2023年，我镇认真落实《条例》。${sentence}`)).toEqual(stale);
    // the report's own year is what every real overview does
    expect(overview(sentence.replace('2022', '2023'))).toEqual([]);
  });

  it.each([
    // no figures: an event; another body ("有关部门")
    '2022年通过了《政务公开办法》。',
    '2022年有关部门公开信息300条。',
    // the year's ones named as an attribute, and the ones carried into this year
    '2022年受理的申请中，有2件已办结。',
    '2022年有1件申请结转办理。',
    '2022年通过政府网站公开信息300条，较上年增加20条。',
    '2022年通过政府网站公开信息300条，2023年公开400条。',
  ])('silent on %s', (sentence) => {
    expect(overview(sentence)).toEqual([]);
    expect(overview(`我镇认真落实《条例》。\n${sentence}`)).toEqual([]);
  });

  it.each(['2019年我镇被评为政务公开先进单位。', '2019年，我镇荣获政务公开先进单位称号。', '2021年度，我镇获评省级政务公开示范镇。'])(
    'silent on an honour of an earlier year opening a paragraph or the overview: %s',
    (sentence) => {
      expect(overview(sentence)).toEqual([]);
      expect(overview(`我镇认真落实《条例》。\n${sentence}`)).toEqual([]);
    },
  );
});

describe('text.stale-year: a sentence inside a paragraph whose count is in Chinese numerals', () => {
  const inParagraph = (sentence: string) => {
    const report = wangdian();
    report.sections.overview = `2023年，我镇认真落实《条例》。${sentence}我镇将继续做好公开工作。`;
    return of(report, 'text.stale-year');
  };
  it.each(['2022年，我镇共收到申请三件。', '2022年，我镇受理两件政府信息公开申请。', '2022年，我镇办结申请十二件。'])('%s', (sentence) => {
    expect(inParagraph(sentence)).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年' })]);
    expect(inParagraph(sentence.replace('2022', '2023'))).toEqual([]);
  });
  it.each(['2022年，我镇推行“一件事一次办”。', '2022年，我镇明确了三条工作措施。', '2022年，我镇共收到申请三件，今年增加一件。'])('silent on %s', (sentence) => {
    expect(inParagraph(sentence)).toEqual([]);
  });
});

describe('text.stale-year: the period introduced by "统计期"', () => {
  const overview = (text: string) => {
    const report = wangdian();
    report.sections.overview = text;
    return of(report, 'text.stale-year');
  };
  it('warns on last year’s period, and is silent on the report’s own', () => {
    const sentence = '报告中所涉数据的统计期自2022年1月1日至2022年12月31日止。\n2023年，我镇认真落实《条例》。';
    expect(overview(sentence)).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年' })]);
    expect(overview(sentence.replaceAll('2022', '2023'))).toEqual([]);
  });
  it('is silent on "统计期满" before a date', () => {
    expect(overview('2023年，我镇认真落实《条例》。统计期满后，自2022年1月1日起的数据已归档。')).toEqual([]);
  });
});

describe('text.stale-year: the data’s cut-off "数据核定时间点为…" (建章路街道 2022)', () => {
  const overview = (text: string) => {
    const report = wangdian();
    report.sections.overview = text;
    return of(report, 'text.stale-year');
  };
  const sentence = '本年度报告由街道办事处编制，报告中所涉及的数据核定时间点为2022年12月31日。\n2023年，我镇认真落实《条例》。';
  it('warns on last year’s cut-off, quoting it, and is silent on the report’s own', () => {
    expect(overview(sentence)).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年', message: expect.stringContaining('“数据核定时间点为2022年12月31日”') })]);
    expect(overview(sentence.replaceAll('2022', '2023'))).toEqual([]);
  });
  it('is silent on a time point of something else', () => {
    expect(overview('2023年，我镇认真落实《条例》。系统切换的关键时间点为2022年12月31日。')).toEqual([]);
  });
});

describe('text.stale-year: a paragraph whose sub-heading runs into the year with a space only', () => {
  const overview = (text: string) => {
    const report = wangdian();
    report.sections.overview = `2023年，我镇认真落实《条例》。\n${text}`;
    return of(report, 'text.stale-year');
  };
  it('reads the year after the title as the paragraph’s first words', () => {
    const paragraph = '（三）政府信息管理情况 2022年，镇政府共制定规范性文件2件。';
    expect(overview(paragraph)).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年' })]);
    expect(overview(paragraph.replace('2022', '2023'))).toEqual([]);
  });
  it.each(['（三）政府信息管理情况 2022年度报告已按时发布。', '（三）政府 信息管理 2022年，镇政府共制定规范性文件2件。'])('silent on %s', (text) => {
    expect(overview(text)).toEqual([]);
  });
});

describe('text.stale-year: the report named after 现向社会公开', () => {
  const overview = (text: string) => {
    const report = wangdian();
    report.sections.overview = `${text}\n2023年，我镇认真落实《条例》。`;
    return of(report, 'text.stale-year');
  };
  it('warns on last year’s report, and is silent on the report’s own', () => {
    const sentence = '现向社会公开《某镇人民政府2022年政府信息公开工作年度报告》。';
    expect(overview(sentence)).toEqual([expect.objectContaining({ expected: '2023年', actual: '2022年' })]);
    expect(overview(sentence.replace('2022', '2023'))).toEqual([]);
  });
});

describe('a count of applications whose words run long before the figure ("…数量共计0条")', () => {
  it('reads the count after 数量', () => {
    expect(claims('今年本乡受理依申请公开政府信息数量共计0条。')).toEqual(['applications=0']);
    expect(claims('今年本乡受理依申请公开政府信息数量共计4件。')).toEqual(['applications=4']);
  });
  it('is silent on another procedure’s quantity and on the items of the applications', () => {
    expect(claims('今年本乡受理行政许可申请事项数量共计7件。')).toEqual([]);
    expect(claims('今年收到申请涉及的信息数量共计9条。')).toEqual([]);
  });
});

describe('a list of applicants or topics whose 、 cuts the verb from the figure', () => {
  it.each([
    ['全年收到公民、法人或其他组织提出的政府信息公开申请12件。', ['applications=12']],
    ['今年共受理公民、法人和其他组织向本局提出的政府信息公开申请6件，均已答复。', ['applications=6']],
    ['今年收到涉及征地补偿、房屋登记等方面的政府信息公开申请共9件次。', ['applications=9']],
  ])('reads %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
  it.each([
    // a list of kinds: the figure counts more than the applications
    '今年收到群众咨询、政府信息公开申请12件。',
    '今年收到行政许可、政府信息公开申请12件。',
    // a list of channels: one channel's figure
    '今年收到网上、信函提交的政府信息公开申请8件，当面申请3件。',
    // the applications' name not right before the figure's words
    '今年收到公民、法人的申请材料12件。',
  ])('silent on %s', (text) => {
    expect(claims(text)).toEqual([]);
  });
  it('holds the count against 一', () => {
    expect(huaianWith('全年收到公民、法人或其他组织提出的政府信息公开申请3000件。')).toEqual([
      expect.objectContaining({ expected: 3119, actual: 3000 }),
    ]);
  });
});

describe('the figure before the verb of handling ("19件已…答复")', () => {
  it('reads it as at most all the ones handled', () => {
    expect(narrativeClaims('今年收到申请20件，多数通过信函提交，19件已依法依规作出答复，1件结转下年。')).toEqual([
      expect.objectContaining({ subject: 'applications', value: 20 }),
      expect.objectContaining({ subject: 'handled', value: 19, atMost: true }),
      expect.objectContaining({ subject: 'carriedForward', value: 1 }),
    ]);
    expect(claims('今年收到申请20件，多数通过信函提交，19件已依法依规作出答复。')).toEqual(['applications=20', 'handled=19']);
    // 淮安 2024: 3050 handled; more answered than that is wrong
    expect(huaianWith('全年收到申请3119件，3100件已依法答复。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3100 })]);
  });
  it('is silent on fewer: one outcome among several ("2件已答复，1件申请人撤回"), which （七） counts together', () => {
    expect(huaianWith('全年收到申请3119件，3000件已依法答复，50件申请人撤回。')).toEqual([]);
  });
  it('reads "答复N件" beside a withdrawn or given-up application as at most all (（七） counts those too); 办结 stays all', () => {
    // 淮安 2024: （七） 3050
    expect(huaianWith('全年收到申请3119件，依法答复3000件，50件申请人撤回。')).toEqual([]);
    expect(huaianWith('全年收到申请3119件，依法答复3000件，申请人逾期未补正视为放弃申请50件。')).toEqual([]);
    expect(huaianWith('全年收到申请3119件，依法答复3100件，50件申请人撤回。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3100 })]);
    expect(huaianWith('全年收到申请3119件，依法答复3000件。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3000 })]);
    expect(huaianWith('全年收到申请3119件，依法办结3000件，其中申请人撤回50件。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3000 })]);
  });
  it('reads a part of a list of counts, or the ones in time, as at most all', () => {
    expect(narrativeClaims('今年收到网上申请5件，3件已答复。').at(-1)).toEqual(expect.objectContaining({ subject: 'handled', value: 3, atMost: true }));
    expect(narrativeClaims('今年收到申请20件，上年结转2件，2件已办结。').at(-1)).toEqual(expect.objectContaining({ subject: 'handled', value: 2, atMost: true }));
    expect(narrativeClaims('今年收到申请20件，19件已按期答复，1件延期答复。').at(-1)).toEqual(expect.objectContaining({ subject: 'handled', value: 19, atMost: true }));
  });
  it.each(['今年收到申请20件，19件已转交相关部门，尚未答复。', '今年收到申请20件，2件已逾期答复。', '今年收到申请20件，5件已予以公开答复。', '今年办理人大建议20件，19件已答复。'])(
    'silent on %s',
    (text) => {
      expect(claims(text).filter((c) => c.startsWith('handled'))).toEqual([]);
    },
  );
});

describe('answered beside refused ("答复N件，不予受理M件")', () => {
  it('reads the answered as at most all the ones handled: the refused are another outcome （七） counts too', () => {
    // 遵义市人社局 2021's shape: 12 received, 7 answered, 4 refused, the rest unclear
    expect(narrativeClaims('今年共受理政府信息公开申请12件，答复7件，不予受理4件。').at(-1)).toEqual(
      expect.objectContaining({ subject: 'handled', value: 7, atMost: true }),
    );
    // 淮安 2024: （七） 3050
    expect(huaianWith('全年受理申请3119件，答复3000件，不予受理50件。')).toEqual([]);
    expect(huaianWith('全年受理申请3119件，答复3100件，不予受理50件。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3100 })]);
  });
  it('keeps "答复N件" alone as all the ones handled', () => {
    expect(narrativeClaims('今年共受理政府信息公开申请12件，答复12件。').at(-1)?.atMost).toBeUndefined();
    expect(huaianWith('全年受理申请3119件，答复3000件。')).toEqual([expect.objectContaining({ expected: 3050, actual: 3000 })]);
  });
});

describe('a year-by-year list of counts', () => {
  it('reads no count of an earlier year than one a later clause opens with', () => {
    // 肥城市住建局 2021's shape: the list ends with the report's own year
    expect(claims('2021年收到政府信息公开申请4件，2022年收到2件，2023年收到6件。')).toEqual([]);
    expect(huaianWith('历年情况如下。2022年收到政府信息公开申请1000件，2023年收到2000件，2024年收到3119件。')).toEqual([]);
  });
  it.each([
    // the own year first, an earlier year after it
    ['2024年收到政府信息公开申请5件，2023年结转1件。', ['applications=5']],
    // a month of the next year, not a year of the list
    ['2023年共收到政府信息公开申请5件，2024年1月已全部办结。', ['applications=5']],
    // one year only
    ['2024年收到政府信息公开申请5件，均已答复。', ['applications=5']],
  ])('still reads %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe("the agency's own enforcement counted beside 行政复议", () => {
  it("reads no appeal in a sentence that counts its 行政许可 or 行政处罚 and names no 信息公开", () => {
    // 新乡市农业农村局 2020's shape, in its 主动公开 paragraph
    expect(claims('今年本局办理行政许可300件、行政处罚5件、行政复议2件，无投诉举报、行政诉讼。')).toEqual([]);
    expect(claims('今年本局办理行政处罚12起，行政复议1件。')).toEqual([]);
  });
  it.each([
    // the appeals of the information named
    ['今年本局办理行政许可300件，因政府信息公开被申请行政复议2件。', ['review=2']],
    // 行政处罚 named, not counted
    ['今年主动公开行政许可、行政处罚结果，全年发生行政复议1件。', ['review=1']],
    ['今年收到申请6件，行政复议1件。', ['applications=6', 'review=1']],
  ])('still reads %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
});

describe('a sentence opening with 年内 goes on with the applications', () => {
  it('reads "年内共办结N件，结转下年度继续办理M件" after the applications', () => {
    // 江苏省公安厅 2023's shape
    expect(claims('今年共接到依申请公开50件，上年结转办理1件。年内共办结48件，结转下年度继续办理3件。')).toEqual([
      'applications=50',
      'carriedOver=1',
      'handled=48',
      'carriedForward=3',
    ]);
    expect(huaianWith('全年收到政府信息公开申请3119件。年内共办结3050件，结转下年度继续办理100件。')).toEqual([
      expect.objectContaining({ expected: 103, actual: 100 }),
    ]);
  });
  it('not after a sentence about other matters', () => {
    expect(claims('今年办理人大建议20件。年内共办结18件，结转下年度继续办理2件。')).toEqual([]);
  });
});

describe('复议 without 行政 opening a clause with its count ("涉及复议0件，诉讼0件", 大云镇 2024)', () => {
  it.each([
    ['全年收到申请1件，涉及复议0件，诉讼0件。', ['applications=1', 'review=0', 'litigation=0']],
    ['本年度发生复议案件2件、诉讼1件。', ['review=2', 'litigation=1']],
    ['全年复议3件。', ['review=3']],
  ])('reads %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('holds it against 表四 (淮安 2024: 351 reviews, 46 suits)', () => {
    expect(huaianWith('全年涉及复议300件，诉讼46件。')).toEqual([expect.objectContaining({ expected: 351, actual: 300 })]);
    expect(huaianWith('全年涉及复议351件，诉讼46件。')).toEqual([]);
  });

  it.each([
    // an outcome, the applications a review led to, a document, the body that decides
    '全年行政复议申请5件，复议维持3件。',
    '全年复议申请2件。',
    '全年复议决定书3份。',
    '全年收到申请8件，向复议机关提交答复材料2件。',
  ])('silent on %s', (text) => {
    expect(claims(text).filter((c) => c.startsWith('review'))).toEqual([]);
  });
});

describe('the suits of one route to court ("未经复议直接提起行政诉讼的案件1件")', () => {
  it('are at most all of 表四’s suits (淮安 2024: 26 direct, 20 after review, 46 in all)', () => {
    expect(narrativeClaims('本年度未经行政复议直接提起行政诉讼的案件26件。')).toEqual([
      expect.objectContaining({ subject: 'litigation', value: 26, atMost: true }),
    ]);
    expect(huaianWith('本年度未经行政复议直接提起行政诉讼的案件26件。')).toEqual([]);
    expect(huaianWith('本年度经复议后提起行政诉讼的案件20件。')).toEqual([]);
    expect(huaianWith('本年度未经行政复议直接提起行政诉讼的案件50件。')).toEqual([expect.objectContaining({ expected: 46, actual: 50 })]);
    // all the suits, named with no route
    expect(huaianWith('本年度被提起行政诉讼的案件26件。')).toEqual([expect.objectContaining({ expected: 46, actual: 26 })]);
  });
});

describe('applications named "依申请公开事项" after their count, or with a 的 before 申请 in a list of applicants', () => {
  it.each([
    ['本年度共收到1项依申请公开事项，已按时答复。', ['applications=1']],
    ['本年度收到2件依申请公开事项。', ['applications=2']],
    ['本年度收到来自公民、法人或者其他组织对本机关政府信息公开的申请2件。', ['applications=2']],
    // 长河街道 2023's shape: the figure, then 信息依申请公开 closing the clause
    ['本年度共收到7件信息依申请公开，均已按时答复。', ['applications=7']],
  ])('reads %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });
  it.each(['本年度收到1件依申请公开事项的投诉。', '本年度收到咨询、政府信息公开的申请12件。', '本年度收到3项依申请公开事项的咨询。', '本年度收到3件依申请公开咨询。', '本年度收到3件依申请公开的投诉。'])('silent on %s', (text) => {
    expect(claims(text)).toEqual([]);
  });
  it('holds the count against 一', () => {
    expect(huaianWith('全年收到3000件依申请公开事项。')).toEqual([expect.objectContaining({ expected: 3119, actual: 3000 })]);
  });
});
