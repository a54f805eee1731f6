import { describe, expect, it } from 'vitest';
import { hasDigit, isBlank, parseChineseNumber } from '../../functions/domain/rules/claim-words.js';
import { narrativeClaims } from '../../functions/domain/rules/narrative-claims.js';
import { narrativeShares } from '../../functions/domain/rules/narrative-shares.js';
import { uncountedUnits } from '../../functions/domain/rules/text-scan.js';

const claims = (text: string) => narrativeClaims(text).map((c) => `${c.subject}=${c.value}`);

describe('reading numbers the text claims', () => {
  it('reads Chinese numerals', () => {
    expect([parseChineseNumber('十二'), parseChineseNumber('二百零五'), parseChineseNumber('75')]).toEqual([12, 205, 75]);
  });

  it.each([
    ['2022年共收到政府信息公开申请1,234件，其中自然人1,000件。', ['applications=1234']],
    ['全年受理依申请公开事项十二件，行政复议2件，行政诉讼1起。', ['applications=12', 'review=2', 'litigation=1']],
    ['2020年度，中心未收到依申请公开件。', ['applications=0']],
    ['本年度未发生政府信息公开行政复议和行政诉讼案件。', ['review=0', 'litigation=0']],
    ['按时办理申请率100%，主动公开信息300余条。', []],
    ['上年结转申请2件。', ['carriedOver=2']],
    // the figure before the word
    ['2023年，区政府办公室共受理36件政府信息公开申请（均为自然人提交），同比上升16.13%。', ['applications=36']],
    ['2024年，我局收到1件政府信息公开申请，结转至下一年度办理。', ['applications=1']],
    ['全年共受理12件依申请公开申请（含上年结转2件）。', ['applications=12', 'carriedOver=2']],
    // more than the applications, one channel's, or not applications at all
    ['全年共收到5件政府信息公开申请和3件咨询。', []],
    ['全年收到1件网上申请。', []],
    ['收到3件申请人投诉。', []],
    ['全年收到申请人投诉3件。', []],
    ['受理申请人来访4件。', []],
    ['共收到申请人提出的申请5件。', ['applications=5']],
    // one figure for both appeals: only 0 is each one's
    ['全年政府信息公开行政复议、行政诉讼均为0件。', ['review=0', 'litigation=0']],
    ['行政复议、行政诉讼0件。', ['review=0', 'litigation=0']],
    ['行政复议、行政诉讼案件共3件。', []],
    ['行政复议和行政诉讼被纠错0件。', []],
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  // phrasings of published reports the rules once misread, rewritten as short sentences
  it.each([
    // none of another kind of application, or of one channel, is not none at all
    ['本年度未收到行政许可申请，共收到政府信息公开申请3件。', ['applications=3']],
    ['本年度没有收到当面申请，其余申请均通过网站提交。', []],
    ['本年度未收到口头申请。', []],
    // the channel named after 申请: no applications by e-mail or online, not none at all
    ['本年度未收到申请公开政府信息的电子邮件及网上申请。', []],
    // one channel's figure is not the year's: 105 online + 17 by post = 122
    ['全年共收到群众网上申请105件，快递17件，合计122件，上年结转11件。', ['carriedOver=11']],
    // none of one outcome is not none at all
    ['未发生被纠错的行政复议、行政诉讼案件。', []],
    ['全年行政复议2件，未发生被纠错的行政复议案件。', ['review=2']],
    // the real statements of none stay read
    ['全年未接到信息公开申请。', ['applications=0']],
    ['未收到因依申请公开引发的行政复议。', ['review=0']],
    ['全年未出现因答复不当引起的行政复议、行政诉讼等情况。', ['review=0', 'litigation=0']],
    // a figure in the next clause is another's; none begun this year is not none in 表四
    ['今年没有发生行政复议案件，行政诉讼2件。', ['litigation=2', 'review=0']],
    ['今年未发生新的行政复议案件。', []],
    // none from one kind of applicant is not none at all; none from both kinds is
    ['本年度未收到企业提出的公开申请，收到群众申请2件。', ['applications=2']],
    ['本年度未收到群众和企业的申请。', ['applications=0']],
    // a channel named before the verb: the figure is that channel's, the next clause another's
    ['全年通过门户网站办理申请5件、书面申请20件。', []],
    // none of one kind of application: with a fee, repeated, extended, about a third party
    ['今年没有收到要收信息处理费的申请。', []],
    ['今年未收到重复申请。', []],
    ['今年未收到须征求第三方意见的申请。', []],
    // none of one outcome ("不利结果") is not none at all
    ['本年度没有发生因信息公开导致的行政复议、行政诉讼不利结果。', []],
    // the agency deciding appeals (a 复议机关), not appealed against
    ['我局作为复议机关，全年受理行政复议申请45件。', []],
    ['全年办理行政复议案件120件。', []],
    // a change from last year is not a count; applications that mention an appeal are not appeals
    ['今年收到申请同比增加5件。', []],
    ['今年行政复议较上年减少2件，办结申请比去年多4件。', []],
    ['全年收到申请20件，其中涉及行政复议的申请2件。', ['applications=20']],
    // a letter is one channel too; a road-digging permit is not an application for information
    ['今年受理公开申请30件，通过来信收到申请6件。', ['applications=30']],
    ['局里全年办理占道施工许可申请40件，收到公开申请3件。', ['applications=3']],
    ['今年受理答复依申请政府信息公开15件。', ['applications=15']],
    ['今年共收到各类申请20件，其中政府信息公开申请15件。', []],
    ['今年收到各类依申请公开事项15件。', ['applications=15']],
    // the figure of 予以公开 that counts the partly disclosed ones too
    ['今年收到申请9件，予以公开6件（其中部分公开2件），无法提供3件。', ['applications=9', 'unavailable=3']],
    ['今年收到申请9件，予以公开6件，其中部分公开2件，无法提供3件。', ['applications=9', 'partiallyDisclosed=2', 'unavailable=3']],
    // the parts after a 分号 go on with the sentence's subject; 部分予以公开 is a 部分公开
    ['今年共收到申请8件；予以公开5件；部分予以公开1件；结转下年度办理2件。', ['applications=8', 'disclosed=5', 'partiallyDisclosed=1', 'carriedForward=2']],
    ['今年收到申请8件。办理结果如下：予以公开6件；无法提供2件。', ['applications=8', 'disclosed=6', 'unavailable=2']],
    // …but not a part about proposals or a hotline, nor a count settled there
    ['今年收到申请8件，均已答复；办理政协提案4件，予以公开4件；热线工单9件，办结9件。', ['applications=8']],
    ['今年收到申请8件，均已答复；收到投诉举报30件，其中不予处理2件。', ['applications=8']],
    // no complaint about the applications is not no application ("无投诉" in the next clause leaves the none)
    ['今年收到申请5件，未收到依申请公开方面的投诉。', ['applications=5']],
    ['今年未收到对申请答复不满的举报。', []],
    ['今年未收到依申请公开事项，无投诉。', ['applications=0']],
    // the body that decides reviews, or an outcome it ordered, is not the reviews
    ['今年未发生被行政复议机关责令整改的情况。', []],
    ['今年未发生行政复议变更答复的情况，行政诉讼1件。', ['litigation=1']],
    // a count of one stage of the suits is not the suits
    ['今年行政诉讼一审案件2件、二审案件1件。', []],
    // a time after the application is not a count
    ['今年收到申请20件，均在收到申请后5个工作日内答复。', ['applications=20']],
    ['收到申请的平均答复时间为5个工作日。', []],
    // last year's carried into this year, named by the year's number, is not carried forward
    ['今年收到申请10件，上年度结转至2023年的2件申请已办结。', ['applications=10']],
    ['今年收到申请10件，2022年结转到2023年办理的申请2件。', ['applications=10']],
    ['今年收到申请10件，其中2件结转至2024年办理。', ['applications=10', 'carriedForward=2']],
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  // 条 and 项 count the applications right after their words, with an Arabic figure only
  it.each([
    ['今年受理依申请信息56条。', ['applications=56']],
    ['今年收到政府信息公开申请3项，均予以公开。', ['applications=3']],
    ['今年收到公众意见75条。', []],
    ['今年收到申请公开的信息12条。', []],
    ['今年收到申请人意见5条。', []],
    ['办理依申请公开实行一条龙服务。', []],
  ])('items: %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  // "无一起" is none when the clause names no outcome after the word ("无一起…被纠正" is of one outcome)
  it.each([
    ['全年无一起行政诉讼案件。', ['litigation=0']],
    ['今年无一起行政复议、行政诉讼案件。', ['review=0', 'litigation=0']],
    ['无一起行政复议被纠正。', []],
    ['今年无一起行政复议案件因答复不当被复议机关撤销。', []],
    ['无一例外做好行政复议应诉工作。', []],
  ])('not one: %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  // none received in words no clause holds: a 无 after the year's words, or both kinds of applicant
  // named across the 、 (once per statement), not none of one kind
  const noneOf = (text: string) => narrativeClaims(text).flatMap((c) => (c.none ? [c.subject + ':' + c.quote] : []));
  it.each([
    ['本年度无政府信息公开申请。', ['applications:本年度无政府信息公开申请']],
    ['今年我局没有收到公民、法人或其他组织提出的公开申请。', ['applications:没有收到公民、法人或其他组织提出的公开申请']],
    ['今年没有收到任何申请。', ['applications:没有收到任何申请']],
    ['全年无逾期答复的申请。', []],
    ['全年无因申请引发的行政复议。', ['review:无因申请引发的行政复议']],
  ])('none received: %s', (text, expected) => {
    expect(noneOf(text)).toEqual(expected);
  });

  // none carried forward, alone in the sentence right after the applications' (or the 其中 one
  // that lists their parts); "无结转" alone may be of last year's
  it.each([
    ['今年收到申请5件，均已答复。无下年度结转。', ['carriedForward:无下年度结转']],
    ['今年收到申请5件。其中，予以公开5件。\n本年度无结转下一年度办理的事项。', ['carriedForward:本年度无结转下一年度办理的事项']],
    ['今年收到建议5件。无下年度结转。', []],
    ['今年收到申请5件。无结转。', []],
    ['今年收到申请5件。无下年度结转的申请2件。', []],
  ])('none carried forward: %s', (text, expected) => {
    expect(noneOf(text)).toEqual(expected);
  });

  // 四's words without 结转 ("下年度继续办理0件", 嘉兴市民政局 2024): the ones carried forward, in the
  // clause or in the sentence that goes on with the applications'; not a plan of other matters
  it.each([
    ['2024年新收到申请3件，上年结转1件，共计4件。目前依法办结4件，其中予以公开的2件。下年度继续办理0件。', ['applications=3', 'carriedOver=1', 'handled=4', 'disclosed=2', 'carriedForward=0']],
    ['今年收到申请5件，下一年度继续办理2件。', ['applications=5', 'carriedForward=2']],
    ['今年收到申请5件。下一年度继续办理人大建议10件。', ['applications=5']],
    ['今年收到申请5件，上年度继续办理1件。', ['applications=5']],
  ])('carried forward in 四’s words: %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  // 依申请公开 named first, then the verb and the count (北京市通州区新华街道 2019: "2019年依申请公开共受理2件")
  it.each([
    ['2019年依申请公开共受理2件，通过挂号信的方式及时给予当事人答复。', ['applications=2']],
    ['依申请公开受理2件，办结2件。', ['applications=2', 'handled=2']],
    ['依申请公开答复率100%。', []],
    ['依申请公开共受理网上申请2件。', []],
  ])('the topic first: %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  // an Arabic figure with 条/项 before the applications' full name (a 区民政局 2024: "收到1条政府信息公开申请")
  it.each([
    ['2024年度，区民政局收到1条政府信息公开申请，按有关要求予以公开。', ['applications=1']],
    ['今年收到3条申请人留言。', []],
    ['今年收到3条政府信息公开申请和2件咨询。', []],
    ['今年收到2条网上政府信息公开申请。', []],
  ])('items before the name: %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  // the figure before the appeal's name, after 发生 (滨江区公安分局 2021: "发生1起有关政府信息公开事务的行政复议案件")
  it.each([
    ['其中，发生1起有关政府信息公开事务的行政复议案件，该案件依法驳回复议请求。', ['review=1']],
    ['发生2起因政府信息公开引起的行政诉讼。', ['litigation=2']],
    ['今年发生1起行政复议案件被纠正。', []],
    ['今年受理2起行政复议案件。', []],
    ['今年发生2起行政复议、行政诉讼案件。', []],
  ])('appeals counted before their name: %s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('reads the reference report’s statements of none', () => {
    const text =
      '全年未受理到依申请公开件，未收到公众申请要求公开的其它方面政府信息，也未发生因政府信息公开申请行政复议、行政诉讼件。';
    expect(new Set(claims(text))).toEqual(new Set(['applications=0', 'review=0', 'litigation=0']));
  });
});

describe('reading the handling, the carry-over and the results', () => {
  it.each([
    [
      '全市共受理政府信息公开申请 3119 件，答复 3050 件（含上年度结转申请 34 件，另有 103 件顺延到下年度答复），均在法定期限内予以答复。',
      ['applications=3119', 'handled=3050', 'carriedOver=34', 'carriedForward=103'],
    ],
    [
      '全年共收办政府信息公开申请案件3646件，其中，予以公开1431件、部分公开471件、不予公开92件、无法提供941件、不予处理117件、作其他处理（含申请人主动撤回申请）469件、转下年度办理125件。',
      [
        'applications=3646',
        'disclosed=1431',
        'partiallyDisclosed=471',
        'withheld=92',
        'unavailable=941',
        'notProcessed=117',
        'otherHandling=469',
        'carriedForward=125',
      ],
    ],
    ['已办结申请20件，结转下年度继续办理3件。', ['handled=20', 'carriedForward=3']],
    // the next year by its number
    [
      '2024年全区共收到依申请公开件30件，上年度结转办理件1件，共办结24件，结转到2025年办理7件。',
      ['applications=30', 'carriedOver=1', 'handled=24', 'carriedForward=7'],
    ],
    ['已办结申请20件，3件结转至2025年继续办理。', ['handled=20', 'carriedForward=3']],
    // the application's own name between the verb and the figure is no result's 公开
    ['共受理政府信息公开申请16件，共办结政府信息公开申请16件。', ['applications=16', 'handled=16']],
    ['办结依申请公开件177件。', ['handled=177']],
    ['共完成政府信息依申请公开答复1453件。', ['handled=1453']],
    ['通过政府门户网站共办理并答复信息公开申请3件、纸质申请36件。', []],
    // received and answered in one verb: the ones received, not a count handled
    ['今年受理答复依申请政府信息公开15件。', ['applications=15']],
    ['办结的申请中予以公开9件。', ['disclosed=9']],
    ['全年收到申请10件，予以公开答复3件。', ['applications=10', 'disclosed=3']],
    // a slogan, a deadline, and 人大建议 share the verbs but are not counts of applications
    ['努力做到“办结一件申请、解决一个问题”。', []],
    ['申请答复期限为15个工作日。', []],
    ['办结人大代表建议和政协委员提案45件，答复申请人咨询30件。', []],
    ['予以公开（含部分公开）12件。', []],
    ['全年收到申请40件，予以公开或部分公开25件。', ['applications=40']],
    // last year's settled, or a part of the settled, not all settled
    ['今年办结上年结转申请2件。', ['carriedOver=2']],
    // the 其中 sentence lists the parts of the one before
    [
      '共受理政府信息公开申请30件。其中，予以公开20件，无法提供6件，结转下年度4件。',
      ['applications=30', 'disclosed=20', 'unavailable=6', 'carriedForward=4'],
    ],
    ['全年办结人大建议12件。其中，按期办结12件。', []],
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('marks a count of the ones settled in time as at most all settled', () => {
    expect(narrativeClaims('收到申请10件，按时办结8件，2件申请人撤回。')).toEqual([
      expect.objectContaining({ subject: 'applications', value: 10 }),
      expect.objectContaining({ subject: 'handled', value: 8, atMost: true }),
    ]);
    expect(narrativeClaims('收到申请10件，办结8件。')[1]).not.toHaveProperty('atMost');
    // so is the count of one way of answering
    expect(narrativeClaims('收到申请10件，当场答复3件，书面答复7件。').slice(1)).toEqual([
      expect.objectContaining({ subject: 'handled', value: 3, atMost: true }),
      expect.objectContaining({ subject: 'handled', value: 7, atMost: true }),
    ]);
  });

  it('marks a figure that includes last year’s carried-over applications', () => {
    const [claim] = narrativeClaims('共受理申请3153件（含上年结转34件）。');
    expect(claim).toMatchObject({ subject: 'applications', value: 3153, includesCarriedOver: true });
    expect(narrativeClaims('共受理申请3119件，答复3050件（含上年度结转申请34件）。')[0]).toMatchObject({
      value: 3119,
      includesCarriedOver: false,
    });
  });

  it('reads the shares the text states, with the digits printed, and not 同比 rates', () => {
    expect(narrativeShares('自然人申请3493件，占96.8%；予以公开比例为40%，同比增长70.3%。合格率均为100%。')).toEqual([
      { part: 'natural', percent: 96.8, decimals: 1, quote: '自然人申请3493件，占96.8%' },
      { part: 'disclosed', percent: 40, decimals: 0, quote: '予以公开比例为40%' },
    ]);
  });

  it('reads a share only of the subject after the percentage before it, and not of two groups together', () => {
    // 丽水 2024: 予以公开或部分公开 together; 其他情况 is no group of the table's
    expect(
      narrativeShares('共办理申请1527件，其中予以公开或部分公开占58.5%、不予公开占7.3%、因本机关不掌握等原因无法提供占28.9%，其他情况占5.2%。'),
    ).toEqual([
      { part: 'withheld', percent: 7.3, decimals: 1, quote: '不予公开占7.3%' },
      { part: 'unavailable', percent: 28.9, decimals: 1, quote: '无法提供占28.9%' },
    ]);
  });

  it('passes by a sign no share ends at, and reads the one after it in the same sentence, in a short text and a long one', () => {
    const sentence = '今年实现100%全覆盖，收到申请20件，予以公开占 45.2 ％，部分公开占5%。';
    const expected = [
      { part: 'disclosed', percent: 45.2, decimals: 1, quote: '予以公开占45.2％' },
      { part: 'partiallyDisclosed', percent: 5, decimals: 0, quote: '部分公开占5%' },
    ];
    expect(narrativeShares(sentence)).toEqual(expected);
    // a city's overview: the full-width sign found in the WebAssembly scan, the text placed there first
    const long = `${'全面推进政务公开标准化规范化建设，公开质效进一步提升。'.repeat(12)}${sentence}`;
    expect(uncountedUnits(long)).toBe(2); // (its two spaces)
    expect(narrativeShares(long)).toEqual(expected);
    // (a figure after 占 further back than a share's words reach is not one)
    expect(narrativeShares('予以公开的情况占全部办理结果中相当大一部分共计45.2%。')).toEqual([]);
  });

  it('reads no change of a share from last year as a share', () => {
    expect(narrativeShares('今年收到申请20件，予以公开的比例较上年下降2.1%。')).toEqual([]);
  });

  it('reads no share of a group named in an aside closed before the percentage', () => {
    // the 80% is of 予以公开 with the partly disclosed in it, not of 部分公开
    expect(narrativeShares('今年收到申请15件，予以公开12件（其中部分公开3件），占80%。')).toEqual([]);
    expect(narrativeShares('今年收到申请15件，予以公开12件（占80%）。').map((x) => x.part)).toEqual(['disclosed']);
  });
});

describe('the readers’ white space and digits (claim-words.ts)', () => {
  it('isBlank is JavaScript’s \\s but the line break, for every UTF-16 unit', () => {
    const differ: number[] = [];
    for (let code = 0; code < 0x10000; code++) {
      if (isBlank(code) !== (code !== 10 && /\s/u.test(String.fromCharCode(code)))) differ.push(code);
    }
    expect(differ).toEqual([]);
  });
  it('hasDigit finds an Arabic digit only', () => {
    expect(hasDigit('受理12件')).toBe(true);
    expect(hasDigit('受理十二件')).toBe(false);
    expect(hasDigit('受理１２件')).toBe(false);
  });
});
