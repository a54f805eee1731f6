import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter, creditCodeProblem, isValidCreditCode, withCheckCharacter } from '../../functions/domain/credit-code.js';

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('统一社会信用代码 check character (GB 32100-2015)', () => {
  it.each(['91110108551385082Q', '9144030071526726XG', '91330100799655058B', '91350100M000100Y43'])(
    'accepts the published code %s',
    (code) => expect(creditCodeProblem(code)).toBeUndefined(),
  );

  it('names the check character a mistyped code should have had', () => {
    expect(creditCodeProblem('91110108551385082R')).toBe('check');
    expect(creditCodeCheckCharacter('91110108551385082')).toBe('Q');
  });

  it('computes 0 when the weighted sum is a multiple of 31', () => {
    // 17 zeros sum to 0: (31 - 0) mod 31 = 0, not the out-of-range 31.
    expect(creditCodeCheckCharacter('0'.repeat(17))).toBe('0');
  });

  it('refuses wrong lengths and letters outside the alphabet (I, O, Z, S, V, lower case)', () => {
    expect(creditCodeProblem('9111010855138508')).toBe('length');
    expect(creditCodeProblem('91110108551385082QQ')).toBe('length');
    for (const letter of ['I', 'O', 'Z', 'S', 'V', 'q']) {
      expect(creditCodeProblem(`91110108551385082${letter}`), letter).not.toBeUndefined();
    }
    expect(creditCodeProblem('9111A108551385082Q')).toBe('characters');
  });

  it('detects every single-character substitution', () => {
    const body = fc.array(fc.constantFrom(...ALPHABET), { minLength: 17, maxLength: 17 }).map((c) => c.join(''));
    fc.assert(
      fc.property(body, fc.nat({ max: 16 }), fc.constantFrom(...ALPHABET), (raw, position, replacement) => {
        const first17 = `${raw.slice(0, 2)}${'123456'}${raw.slice(8)}`;
        const code = withCheckCharacter(first17);
        fc.pre(code[position] !== replacement && !(position >= 2 && position < 8 && !/\d/.test(replacement)));
        const changed = code.slice(0, position) + replacement + code.slice(position + 1);
        expect(isValidCreditCode(code)).toBe(true);
        expect(isValidCreditCode(changed)).toBe(false);
      }),
    );
  });
});
