import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLength } from '../../functions/domain/rules/section-text.js';

/** the definition: characters (code points) that are not white space */
const byDefinition = (text: string) => [...text].filter((ch) => !/\s/u.test(ch)).length;

/** texts of CJK, white space of every kind, and characters outside the BMP, short and long */
const pieces = fc.constantFrom('政', '府', '信', '息', ' ', '\n', '\r', '\t', '\u3000', '\u00a0', '\u2003', '\ufeff', '𠀀', '😀', '1', '，', '\ud800');
const texts = fc.oneof(
  fc.array(pieces, { maxLength: 40 }).map((a) => a.join('')),
  fc.array(pieces, { minLength: 300, maxLength: 1500 }).map((a) => a.join('')),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
);

describe('visibleLength', () => {
  it('counts the characters that are not white space, in code points', () => {
    expect(visibleLength('总体情况 2023年\n共 3件')).toBe(12);
    expect(visibleLength('𠀀政\u3000府')).toBe(3);
    fc.assert(fc.property(texts, (text) => visibleLength(text) === byDefinition(text)), { numRuns: 2000 });
  });

  it('with a minimum, reaches it without counting past it', () => {
    fc.assert(
      fc.property(texts, fc.nat(1200), (text, atLeast) => {
        const n = visibleLength(text, atLeast);
        const all = byDefinition(text);
        return all >= atLeast ? n === atLeast : n === all;
      }),
      { numRuns: 2000 },
    );
  });
});
