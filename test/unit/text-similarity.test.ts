import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { certainlyBelow, keptIndex, keptUnits, keptUnitsAgainst, similarity } from '../../functions/domain/rules/text-similarity.js';

/** The definition, written the slow and obvious way. */
function naive(a: string, b: string): number {
  const grams = (t: string) => {
    const kept = t.replace(/[\s\p{P}\p{S}]/gu, '');
    const out: string[] = [];
    for (let i = 0; i + 1 < kept.length; i++) out.push(kept.slice(i, i + 2));
    return out;
  };
  const x = grams(a);
  const y = grams(b);
  if (x.length + y.length === 0) return 1;
  const left = new Map<string, number>();
  for (const g of x) left.set(g, (left.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of y) {
    const n = left.get(g) ?? 0;
    if (n > 0) {
      shared++;
      left.set(g, n - 1);
    }
  }
  return (2 * shared) / (x.length + y.length);
}

const chinese = fc.string({ unit: fc.constantFrom(...'政府信息公开工作年度报告存在问题改进措施，。、 一二三'.split('')), maxLength: 300 });

describe('text similarity', () => {
  it('is the Dice coefficient of character bigrams, ignoring spaces and punctuation', () => {
    expect(similarity('甲乙丙丁', '丙丁戊己')).toBeCloseTo(1 / 3);
    expect(similarity('无', '无')).toBe(1);
    expect(similarity('政府信息', '政府，信息')).toBe(1);
    expect(similarity('甲乙', '丙丁')).toBe(0);
  });

  it('agrees with the obvious implementation on random texts, including repeated bigrams', () => {
    fc.assert(
      fc.property(chinese, chinese, (a, b) => {
        expect(similarity(a, b)).toBeCloseTo(naive(a, b), 12);
      }),
      { numRuns: 500 },
    );
  });

  // last year's text with a few words changed: the common beginning and end are counted apart
  const edited = fc.tuple(chinese, chinese, fc.nat({ max: 300 }), fc.nat({ max: 20 })).map(([a, insert, at, cut]) => {
    const i = Math.min(at, a.length);
    return [a, a.slice(0, i) + insert + a.slice(i + cut)] as const;
  });

  it('agrees with the obvious implementation on edited copies', () => {
    fc.assert(
      fc.property(edited, ([a, b]) => {
        expect(similarity(a, b)).toBeCloseTo(naive(a, b), 12);
        expect(similarity(b, a)).toBeCloseTo(naive(a, b), 12);
      }),
      { numRuns: 500 },
    );
  });

  it('with a threshold, gives the exact score when it is reached and a figure below it when not', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(chinese, chinese), edited), fc.double({ min: 0, max: 1, noNaN: true }), ([a, b], threshold) => {
        const exact = naive(a, b);
        const score = similarity(a, b, threshold);
        if (exact >= threshold) expect(score).toBeCloseTo(exact, 12);
        else expect(score).toBeLessThan(threshold);
      }),
      { numRuns: 500 },
    );
  });
});

describe('certainlyBelow (the bound read before any table)', () => {
  const chinese = fc.string({ unit: fc.constantFrom(...'政府信息公开工作年度报告存在问题改进措施，。、 一二三'.split('')), maxLength: 300 });
  const edited = fc.tuple(chinese, chinese, fc.nat({ max: 300 }), fc.nat({ max: 20 })).map(([a, insert, at, cut]) => {
    const i = Math.min(at, a.length);
    return [a, a.slice(0, i) + insert + a.slice(i + cut)] as const;
  });

  it('is never wrong: when it says below, the exact score is below', () => {
    let certain = 0;
    fc.assert(
      fc.property(fc.oneof(fc.tuple(chinese, chinese), edited), fc.double({ min: 0, max: 1, noNaN: true }), ([a, b], threshold) => {
        if (!certainlyBelow(a, b, threshold)) return;
        certain++;
        expect(naive(a, b)).toBeLessThan(threshold);
      }),
      { numRuns: 3000 },
    );
    // and it does settle some (random texts of 25 characters share most bigrams; real 五 of two
    // years share few): a bound that never says below would pass the test above
    expect(certain).toBeGreaterThan(100);
  });

  it('says below for two years\' different 五 and not for a copy with a word changed', () => {
    const before = '一是政务公开工作人员业务水平有待提高，二是政府信息公开的及时性、准确性有待加强。下一步，我镇将加强业务培训，提高工作人员业务能力，确保信息发布及时准确。';
    const other = '部分栏目更新不够及时，政策解读形式较为单一。我局将建立健全栏目巡查机制，丰富解读形式，提升公开质量。';
    expect(certainlyBelow(before, other, 0.9)).toBe(true);
    expect(certainlyBelow(before, before.replace('加强业务培训', '加强学习培训'), 0.9)).toBe(false);
  });
});

describe('keptUnitsAgainst (this year\'s text read beside last year\'s)', () => {
  const piece = fc.constantFrom(...'政府信息公开工作，。；、 \n“”（）2023年收到申请件abc'.split(''));
  const text = fc.array(piece, { maxLength: 60 }).map((cs) => cs.join(''));

  it('gives exactly keptUnits of the text, however it was edited from the other', () => {
    fc.assert(
      fc.property(text, text, text, fc.nat(60), fc.nat(60), (before, inserted, other, at, cut) => {
        const start = Math.min(at, before.length);
        const edited = before.slice(0, start) + inserted + before.slice(Math.min(start + cut, before.length));
        for (const now of [edited, other, before, '']) {
          expect([...keptUnitsAgainst(now, before, keptUnits(before), () => keptIndex(before))]).toEqual([...keptUnits(now)]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
