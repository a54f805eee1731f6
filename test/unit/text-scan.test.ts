/**
 * The WebAssembly scan (text-scan.wat, run by text-scan.ts under Node) against JavaScript's own
 * reading of the same units, and its bytes against its source.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLength } from '../../functions/domain/rules/section-text.js';
import { uncountedUnits } from '../../functions/domain/rules/text-scan.js';
import { TEXT_SCAN_WASM } from '../../functions/domain/rules/text-scan-wasm.js';
import { compileTextScan } from '../../local/wasm/compile.js';

/** the units visibleLength leaves out, by JavaScript's own \s and the surrogate range */
const expectedUncounted = (text: string) => {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (/\s/u.test(String.fromCharCode(c)) || (c >= 0xdc00 && c <= 0xdfff)) n++;
  }
  return n;
};

/** every white space unit, each range's neighbours, surrogates, and the text's usual units */
const EDGES = [
  0, 8, 9, 10, 11, 12, 13, 14, 0x1f, 0x20, 0x21, 0x9f, 0xa0, 0xa1, 0x167f, 0x1680, 0x1681, 0x1fff, 0x2000, 0x2005, 0x200a, 0x200b,
  0x2027, 0x2028, 0x2029, 0x202a, 0x202e, 0x202f, 0x2030, 0x205e, 0x205f, 0x2060, 0x2fff, 0x3000, 0x3001, 0xd800, 0xdbff, 0xdc00,
  0xdd00, 0xdfff, 0xe000, 0xfefe, 0xfeff, 0xff00, 0xffff, 0x4e00, 0x7533, 0x8bf7, 0x31, 0xff0c,
];
const unit = fc.oneof(fc.constantFrom(...EDGES), fc.integer({ min: 0, max: 0xffff }));
const text = (minLength: number, maxLength: number) =>
  fc.array(unit, { minLength, maxLength }).map((units) => String.fromCharCode(...units));

describe('text-scan', () => {
  it('holds the bytes its source compiles to (npm run build:wasm after an edit of text-scan.wat)', async () => {
    const source = readFileSync(new URL('../../functions/domain/rules/text-scan.wat', import.meta.url), 'utf8');
    expect(Buffer.from(await compileTextScan(source)).toString('base64')).toBe(TEXT_SCAN_WASM);
  });

  it('runs under Node for a long text (the Lambdas and npm start)', () => {
    expect(uncountedUnits('政府信息公开 '.repeat(64))).toBe(64);
    // short texts are left to JavaScript
    expect(uncountedUnits('政府信息公开 ')).toBeUndefined();
  });

  it('counts what JavaScript counts, unit for unit, at every length and alignment', () => {
    fc.assert(
      fc.property(text(256, 1200), (t) => {
        expect(uncountedUnits(t)).toBe(expectedUncounted(t));
        expect(visibleLength(t)).toBe(t.length - expectedUncounted(t));
      }),
      { numRuns: 300 },
    );
  });

  it('grows its memory for a long text and reads a short one after it', () => {
    const long = `${'　申请\u2028\ud83d\ude00件 '.repeat(20_000)}x`;
    expect(long.length * 2).toBeGreaterThan(65536 * 2);
    expect(uncountedUnits(long)).toBe(expectedUncounted(long));
    const after = '二〇二四年 '.repeat(60);
    expect(uncountedUnits(after)).toBe(60);
  });

  it('leaves a text too long for its counters to JavaScript, with the same length', () => {
    const huge = '公开 '.repeat(90_000);
    expect(uncountedUnits(huge)).toBeUndefined();
    expect(visibleLength(huge)).toBe(180_000);
  });
});
