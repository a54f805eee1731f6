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

/**
 * A bigram multiset as an open-addressing hash table reused across calls: a generation stamp
 * marks live slots, so nothing is cleared between texts (this runs on every validation).
 */
class BigramCounts {
  private size = 0;
  private keys = new Uint32Array(0);
  private counts = new Int32Array(0);
  private stamps = new Uint32Array(0);
  private generation = 0;

  reset(capacity: number): void {
    let size = 16;
    while (size < capacity * 2) size <<= 1;
    if (size > this.size) {
      this.size = size;
      this.keys = new Uint32Array(size);
      this.counts = new Int32Array(size);
      this.stamps = new Uint32Array(size);
      this.generation = 0;
    }
    this.generation++;
  }

  private slot(key: number): number {
    const mask = this.size - 1;
    let i = Math.imul(key, 0x9e3779b1) >>> 0 & mask;
    while (this.stamps[i] === this.generation && this.keys[i] !== key) i = (i + 1) & mask;
    return i;
  }

  add(key: number): void {
    const i = this.slot(key);
    if (this.stamps[i] !== this.generation) {
      this.stamps[i] = this.generation;
      this.keys[i] = key;
      this.counts[i] = 0;
    }
    this.counts[i]!++;
  }

  /** Takes one occurrence of the key if there is one left; true if it did. */
  take(key: number): boolean {
    const i = this.slot(key);
    if (this.stamps[i] !== this.generation || this.counts[i] === 0) return false;
    this.counts[i]!--;
    return true;
  }
}

const counts = new BigramCounts();

/** 1 for the same text, 0 for texts with no bigram in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return 1;
  counts.reset(a.length);
  // the bigrams of the kept units, each packed into one unsigned 32-bit number; the loops are
  // written out (no callback) because this runs on every validation with last year's report
  let sizeA = 0;
  let previous = -1;
  for (let i = 0; i < a.length; i++) {
    const unit = a.charCodeAt(i);
    if (ignored(unit)) continue;
    if (previous >= 0) {
      counts.add(((previous << 16) | unit) >>> 0);
      sizeA++;
    }
    previous = unit;
  }
  let sizeB = 0;
  let shared = 0;
  previous = -1;
  for (let i = 0; i < b.length; i++) {
    const unit = b.charCodeAt(i);
    if (ignored(unit)) continue;
    if (previous >= 0) {
      if (counts.take(((previous << 16) | unit) >>> 0)) shared++;
      sizeB++;
    }
    previous = unit;
  }
  return sizeA + sizeB === 0 ? 1 : (2 * shared) / (sizeA + sizeB);
}
