import { describe, expect, it } from 'vitest';
import { narrativeClaims, parseChineseNumber } from '../../functions/domain/rules/narrative-claims.js';

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
  ])('%s', (text, expected) => {
    expect(claims(text)).toEqual(expected);
  });

  it('reads the reference report’s statements of none', () => {
    const text =
      '全年未受理到依申请公开件，未收到公众申请要求公开的其它方面政府信息，也未发生因政府信息公开申请行政复议、行政诉讼件。';
    expect(new Set(claims(text))).toEqual(new Set(['applications=0', 'review=0', 'litigation=0']));
  });
});
