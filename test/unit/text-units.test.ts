import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textWords } from '../../functions/domain/rules/text-units.js';

/** the units the words hold, low half first, as far as the text goes */
function unitsOf(words: Uint32Array, length: number): number[] {
  const units: number[] = [];
  for (let i = 0; i < length; i++) units.push((words[i >> 1]! >>> ((i & 1) * 16)) & 0xffff);
  return units;
}

const pieces = fc.constantFrom('政', '府', ' ', '\n', '\u3000', '𠀀', '1', '，', '\ud800', 'a');

describe('textWords', () => {
  it('holds a long text’s UTF-16 units two to a word, the first in the low half, a 0 after an odd length', () => {
    fc.assert(
      fc.property(fc.array(pieces, { minLength: 256, maxLength: 3000 }), (parts) => {
        const text = parts.join('');
        const words = textWords(text);
        expect(words).toBeDefined();
        expect(words!.length).toBe((text.length + 1) >> 1);
        expect(unitsOf(words!, text.length)).toEqual([...Array(text.length).keys()].map((i) => text.charCodeAt(i)));
        if (text.length % 2 === 1) expect(words![words!.length - 1]! >>> 16).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('reads a text over one read before it that was longer (the scratch buffer is reused, not cleared)', () => {
    textWords('长'.repeat(5001));
    const text = '短'.repeat(257);
    expect(unitsOf(textWords(text)!, text.length + 1)).toEqual([...Array(257).fill('短'.charCodeAt(0)), 0]);
  });

  it('leaves a short text to charCodeAt (the copy costs more than it saves)', () => {
    expect(textWords('政府信息公开')).toBeUndefined();
  });
});
