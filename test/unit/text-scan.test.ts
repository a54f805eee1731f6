/**
 * The WebAssembly scan (text-scan.wat, run by text-scan.ts under Node) against JavaScript's own
 * reading of the same units, and its bytes against its source.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { visibleLength } from '../../functions/domain/rules/section-text.js';
import { SENTENCE_BREAKS } from '../../functions/domain/rules/claim-words.js';
import { subjectSentences, subjectSentencesSteps } from '../../functions/domain/rules/narrative-claims.js';
import { certainlyBelowScan, kindEventsScan, scanIndexOf, subjectSentencesScan, uncountedUnits } from '../../functions/domain/rules/text-scan.js';
import { certainlyBelow, certainlyBelowSteps } from '../../functions/domain/rules/text-similarity.js';
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
  fc.array(unit, { minLength, maxLength, size: 'max' }).map((units) => String.fromCharCode(...units));

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

describe('text-scan: certainlyBelow', () => {
  const IGNORED = /[\s\p{P}\p{S}]/u;
  const classify = (unit: number) => (IGNORED.test(String.fromCharCode(unit)) ? 2 : 1);
  /** a text, and one made from it by a few edits (so the pair is sometimes alike) */
  const words = fc.array(fc.constantFrom('政府', '信息', '公开', '申请', '，', '。', ' ', '工作', '不足', '加强', '培训', '2024', '年', '\u3000', '“', '”', '𠮷'), {
    minLength: 0,
    maxLength: 400,
    size: 'max',
  });
  const edited = fc.tuple(words, fc.array(fc.tuple(fc.nat(400), fc.constantFrom('改进', '。', '问题', '')), { maxLength: 30 })).map(([w, edits]) => {
    const a = w.join('');
    const b: string[] = [...w];
    for (const [at, word] of edits) b.splice(at % (b.length + 1), word === '' ? 1 : 0, ...(word === '' ? [] : [word]));
    return [a, b.join('')] as const;
  });
  const unlike = fc.tuple(words, words).map(([a, b]) => [a.join(''), b.join('')] as const);
  const pair = fc.oneof(edited, unlike);

  it('answers as the JavaScript steps do, for alike and unlike pairs and any threshold', () => {
    let scanned = 0;
    const answers = new Set<boolean>();
    fc.assert(
      fc.property(pair, fc.constantFrom(0.9, 0.5, 0.99, 0.1, 1, 0), fc.boolean(), ([a, b], atLeast, swap) => {
        const [x, y] = swap ? [b, a] : [a, b];
        const fast = certainlyBelowScan(x, y, atLeast, classify);
        if (fast !== undefined) scanned++;
        expect(certainlyBelow(x, y, atLeast)).toBe(certainlyBelowSteps(x, y, atLeast));
        if (fast !== undefined) expect(fast).toBe(certainlyBelowSteps(x, y, atLeast));
        if (fast !== undefined && atLeast === 0.9) answers.add(fast);
      }),
      { numRuns: 400 },
    );
    // most pairs are long enough for the scan, and at the rule's threshold both answers come up
    expect(scanned).toBeGreaterThan(200);
    expect([...answers].sort()).toEqual([false, true]);
  });

  it('is certain for two unlike texts and not for a copy', () => {
    const a = '本机关政府信息公开工作仍存在一些不足，主要是信息发布的及时性有待提高，解读形式较为单一。'.repeat(6);
    const b = '下一步将加强业务培训，完善审核机制，丰富图解、视频等解读形式，提升公开质量和群众满意度。'.repeat(6);
    expect(certainlyBelowScan(a, b, 0.9, classify)).toBe(true);
    expect(certainlyBelowScan(a, `${a}另：`, 0.9, classify)).toBe(false);
  });
});

describe('text-scan: subjectSentences', () => {
  /** pieces that make sentences: the three words, their halves, every break, blanks and plain words */
  const piece = fc.constantFrom('申请', '复议', '诉讼', '申', '请', '复', '议', '诉', '讼', ...SENTENCE_BREAKS, '，', ' ', '件', '公开', '2024年', '政府信息', '办理', '行政');
  const text = fc.array(piece, { minLength: 0, maxLength: 600, size: 'max' }).map((pieces) => pieces.join(''));

  it('finds the sentences the JavaScript steps find, at every length and alignment', () => {
    let scanned = 0;
    fc.assert(
      fc.property(text, fc.nat(7), (t, shift) => {
        const shifted = '无'.repeat(shift) + t;
        const fast = subjectSentencesScan(shifted);
        if (fast !== undefined) scanned++;
        expect(subjectSentences(shifted)).toEqual(subjectSentencesSteps(shifted));
        if (fast !== undefined) expect(fast).toEqual(subjectSentencesSteps(shifted));
      }),
      { numRuns: 400 },
    );
    expect(scanned).toBeGreaterThan(200);
  });

  it('reads a text written after a longer one, not what is left of it', () => {
    const long = `${'收到申请5件。'.repeat(100)}行政复议1件。`;
    expect(subjectSentencesScan(long)).toEqual(subjectSentencesSteps(long));
    const short = `${'工作'.repeat(150)}申`;
    expect(subjectSentencesScan(short)).toEqual([]);
    const ending = `${'工作'.repeat(150)}诉讼`;
    expect(subjectSentencesScan(ending)).toEqual([[0, 302]]);
  });

  it('leaves a text of more sentences than its room holds to JavaScript', () => {
    const many = '申请。'.repeat(1100);
    expect(subjectSentencesScan(many)).toBeUndefined();
    expect(subjectSentences(many)).toHaveLength(1100);
  });
});

describe('text-scan: kindEvents', () => {
  /** a table of kinds like the claims reader's: most units plain (0), some of each kind above */
  const table = (seed: number) => {
    const kinds = new Uint8Array(65536);
    let x = seed;
    for (let u = 0; u < 65536; u++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      kinds[u] = x % 5 === 0 ? x % 40 : 0;
    }
    return kinds;
  };
  const expected = (text: string, from: number, to: number, kinds: Uint8Array, plain: number) => {
    const events: number[] = [];
    for (let i = from; i < to; i++) if (kinds[text.charCodeAt(i)]! > plain) events.push(i | (kinds[text.charCodeAt(i)]! << 24));
    return events;
  };
  const into = { events: new Int32Array(4) };

  it('gives the positions above plain with their kinds, in order, in any range, with the table given', () => {
    const tables = [table(1), table(2)];
    fc.assert(
      fc.property(text(256, 900), fc.nat(), fc.nat(), fc.nat(1), fc.integer({ min: 0, max: 12 }), (t, a, b, which, plain) => {
        const from = a % (t.length + 1);
        const to = from + (b % (t.length - from + 1));
        const kinds = tables[which]!;
        const count = kindEventsScan(t, from, to, kinds, plain, into);
        expect(count).toBeDefined();
        expect([...into.events.subarray(0, count)]).toEqual(expected(t, from, to, kinds, plain));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves more than 2,048 positions to JavaScript', () => {
    const kinds = new Uint8Array(65536).fill(9);
    expect(kindEventsScan('公'.repeat(3000), 0, 3000, kinds, 3, into)).toBeUndefined();
    expect(kindEventsScan('公'.repeat(3000), 0, 2048, kinds, 3, into)).toBe(2048);
  });
});

describe('text-scan: scanIndexOf', () => {
  /** words made of the units the tests' texts hold most: a sign, a word's halves, an edge unit */
  const word = fc.oneof(
    fc.constantFrom('％', '时间点', '特', '统计', '\n', '\uff0c', '申请'),
    fc.array(unit, { minLength: 1, maxLength: 3 }).map((units) => String.fromCharCode(...units)),
  );

  it('finds what indexOf finds, from any position, by any of the word\'s units, in the text it holds', () => {
    fc.assert(
      fc.property(text(256, 900), word, fc.nat(), fc.nat(), fc.integer({ min: -3, max: 1000 }), (t, w, at, which, from) => {
        // the word placed somewhere in the text half the time
        const i = at % t.length;
        const withWord = which % 2 === 0 ? t.slice(0, i) + w + t.slice(i + w.length) : t;
        uncountedUnits(withWord); // places the text in the scan's memory
        expect(scanIndexOf(withWord, w, from, which % w.length)).toBe(withWord.indexOf(w, from));
      }),
      { numRuns: 500 },
    );
  });

  it('reads only a text already in its memory, and nothing past its end', () => {
    const long = `${'政府信息公开％'.repeat(100)}`;
    const short = `${'政府信息公开'.repeat(50)}政府`; // 302 units: its last step passes the end
    expect(uncountedUnits(long)).toBe(0);
    expect(scanIndexOf(short, '％')).toBeUndefined();
    expect(uncountedUnits(short)).toBe(0);
    // the units after the short text are the long one's (a ％ at 307, which a step from 300 loads): not the short text's
    expect(scanIndexOf(short, '％')).toBe(-1);
    expect(scanIndexOf(short, '％', 300)).toBe(-1);
    expect(scanIndexOf(short, '政府', 300)).toBe(300);
    expect(scanIndexOf(short, '政府', 301)).toBe(-1);
    expect(scanIndexOf(long, '％')).toBeUndefined();
  });
});
