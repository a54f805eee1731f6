import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keptIndex, keptUnits, keptUnitsAgainst, similarity } from '../../functions/domain/rules/text-similarity.js';

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

describe('keptUnitsAgainst (this year\'s text read beside last year\'s)', () => {
  const piece = fc.constantFrom(...'政府信息公开工作，。；、 \n“”（）2023年收到申请件abc'.split(''));
  const text = fc.array(piece, { maxLength: 60 }).map((cs) => cs.join(''));

  it('gives exactly keptUnits of the text, however it was edited from the other', () => {
    fc.assert(
      fc.property(text, text, text, fc.nat(60), fc.nat(60), (before, inserted, other, at, cut) => {
        const start = Math.min(at, before.length);
        const edited = before.slice(0, start) + inserted + before.slice(Math.min(start + cut, before.length));
        for (const now of [edited, other, before, '']) {
          expect([...keptUnitsAgainst(now, before, keptUnits(before), keptIndex(before))]).toEqual([...keptUnits(now)]);
        }
      }),
      { numRuns: 3000 },
    );
  });
});
