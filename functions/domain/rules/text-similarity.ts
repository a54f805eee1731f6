/**
 * How alike two Chinese texts are: the Dice coefficient of their character bigrams, ignoring
 * white space and punctuation. Word-level measures need a segmenter; bigrams do well on Chinese
 * and catch a copied text with a few words changed.
 */
const IGNORED = /[\s\p{P}\p{S}]/gu;

function bigrams(text: string): Map<string, number> {
  const chars = Array.from(text.replace(IGNORED, ''));
  const grams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const gram = chars[i]! + chars[i + 1]!;
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** 1 for the same text, 0 for texts with no bigram in common. */
export function similarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  let sizeX = 0;
  let sizeY = 0;
  let shared = 0;
  for (const n of x.values()) sizeX += n;
  for (const [gram, n] of y) {
    sizeY += n;
    shared += Math.min(n, x.get(gram) ?? 0);
  }
  return sizeX + sizeY === 0 ? 1 : (2 * shared) / (sizeX + sizeY);
}
