/**
 * How alike two Chinese texts are: the Dice coefficient of their character bigrams, ignoring
 * white space and punctuation. Word-level measures need a segmenter; bigrams do well on Chinese
 * and catch a copied text with a few words changed.
 */
const IGNORED = /[\s\p{P}\p{S}]/u;

/** Per UTF-16 unit: 0 unknown, 1 kept, 2 ignored. Filled lazily; the regex runs once per distinct unit. */
const unitClass = new Uint8Array(65536);

function ignored(unit: number): boolean {
  let c = unitClass[unit]!;
  if (c === 0) unitClass[unit] = c = IGNORED.test(String.fromCharCode(unit)) ? 2 : 1;
  return c === 2;
}

/** The text's character bigrams as sorted numbers (two UTF-16 units packed in one number). */
function bigrams(text: string): Float64Array {
  const grams = new Float64Array(text.length);
  let n = 0;
  let previous = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (ignored(unit)) continue;
    if (previous >= 0) grams[n++] = previous * 65536 + unit;
    previous = unit;
  }
  return grams.subarray(0, n).sort();
}

/** 1 for the same text, 0 for texts with no bigram in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  const x = bigrams(a);
  const y = bigrams(b);
  if (x.length + y.length === 0) return 1;
  // both sorted: the multiset intersection in one merge
  let shared = 0;
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      shared++;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  return (2 * shared) / (x.length + y.length);
}
