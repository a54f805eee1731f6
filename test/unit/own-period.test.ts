import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOwnPeriods, OWN_PERIOD } from '../../functions/domain/own-period.js';

/** pieces of real openings and near misses, so the patterns match, fail late, and repeat */
const pieces = fc.constantFrom(
  '现将', '现', '特', '将', '公布', '发布', '予以', '向社会', '编制', '特此', '此', '统计', '期限', '数据的', '时段', '为',
  '自', '至', '2022', '2023', '年', '年度', '1月1日', '12月31日', '我局', '政府信息公开工作年度报告', '报告', '如下',
  '。', '，', '：', '\n', ' ', '实现', '体现', '特色', '数据核定', '时间点', '时间',
);

/** whole phrases: every opening each pattern knows, a few words, a year, and what may close the phrase */
const opening = fc.constantFrom(
  '现将', '现公布', '现发布', '现公开', '现予公布', '现予以公布', '现向社会公布', '现向社会公开', '特向社会公布', '特向社会公开', '现编制', '特编制', '特此编制',
  '统计期限', '统计数据的期限', '统计时段', '统计数据', '统计期', '现', '特', '统计', '数据核定时间点', '统计时间点', '时间点', '统计起止时间',
);
const words = fc.array(fc.constantFrom('我局', '本机关', '', '自', '为', '：', '起'), { maxLength: 2 }).map((a) => a.join(''));
const closing = fc.constantFrom('政府信息公开工作年度报告', '信息公开年报', '工作情况报告如下', '报告予以公布', '1月1日', '12月31日', '', '。');
const phrase = fc
  .tuple(opening, words, fc.constantFrom('2021', '2022', '2023'), fc.constantFrom('年', '年度', ' 年'), words, closing)
  .map((parts) => parts.join(''));
const texts = fc.array(fc.oneof(pieces, phrase), { maxLength: 30 }).map((a) => a.join(''));

describe('firstOwnPeriods', () => {
  it('finds, for every phrase of the period, the same first match as the phrase’s pattern run over the whole text', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const found = firstOwnPeriods(text);
        OWN_PERIOD.forEach((pattern, k) => {
          const expected = pattern.exec(text);
          expect(found[k]?.index).toBe(expected?.index);
          expect(found[k]?.[0]).toBe(expected?.[0]);
          expect(found[k]?.[1]).toBe(expected?.[1]);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it('reads each phrase of a real 导语', () => {
    const text = '本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。现将我局2023年度政府信息公开工作报告如下：';
    expect(firstOwnPeriods(text).map((m) => m?.[1] ?? null)).toEqual(['2023', '2023', '2023', '2023', null, null]);
  });

  it('reads the report named after 现公开/现向社会公开, not a report named after another verb', () => {
    const years = (text: string) => firstOwnPeriods(text)[1]?.[1] ?? null;
    expect(years('现向社会公开《某县人民政府办公室2023年政府信息公开工作年度报告》。')).toBe('2023');
    expect(years('现公开区政府办公室2023年政府信息公开工作年度报告。')).toBe('2023');
    expect(years('已公开2022年政府信息公开工作年度报告。')).toBe(null);
    expect(years('现公开征集意见，2022年政府信息公开工作年度报告已发布。')).toBe(null);
  });

  it('reads the data’s cut-off "数据核定时间点为…12月31日" as the period, not a time point of something else', () => {
    const years = (text: string) => firstOwnPeriods(text)[5]?.[1] ?? null;
    expect(years('报告中所涉及的数据核定时间点为2022年12月31日。')).toBe('2022');
    expect(years('本报告统计时间点：2023年12月31日。')).toBe('2023');
    expect(years('关键时间点为2022年12月31日。')).toBe(null);
    expect(years('数据核定时间点为2022年6月30日。')).toBe(null);
  });

  it('reads "统计期" right before 自/为 as the period, not "统计期满" or "统计期内"', () => {
    const years = (text: string) => firstOwnPeriods(text).map((m) => m?.[1] ?? null);
    expect(years('报告中所涉数据的统计期自2023年1月1日至2023年12月31日止。')).toEqual([null, null, '2023', '2023', null, null]);
    expect(years('本报告统计期为2023年度。')).toEqual([null, null, null, null, '2023', null]);
    expect(years('统计期满后，2023年1月1日起按新口径统计。')).toEqual([null, null, null, null, null, null]);
    expect(years('统计期内，2023年1月1日至2023年12月31日共收到申请5件。')).toEqual([null, null, null, null, null, null]);
  });
});
