/**
 * How alike two Chinese texts are: the Dice coefficient of their character bigrams, ignoring
 * white space and punctuation. Word-level measures need a segmenter; bigrams do well on Chinese
 * and catch a copied text with a few words changed.
 */
import { certainlyBelowScan } from './text-scan.js';

const IGNORED = /[\s\p{P}\p{S}]/u;

/** Per UTF-16 unit: 0 unknown, 1 kept, 2 ignored. Filled lazily; the regex runs once per distinct unit. */
const unitClass = new Uint8Array(65536);

function classify(unit: number): number {
  return (unitClass[unit] = IGNORED.test(String.fromCharCode(unit)) ? 2 : 1);
}
/** a unit's class, 1 kept or 2 left out (for the scan's table: text-scan.ts) */
const classOf = (unit: number): number => unitClass[unit] || classify(unit);

/** Does keptUnits keep this unit? */
function isKept(unit: number): boolean {
  const c = unitClass[unit]!;
  return c === 1 || (c === 0 && classify(unit) === 1);
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

/** where keptUnits writes before copying out exactly what it kept (one allocation per text) */
let scratch = new Uint16Array(4096);

/** The units of a text that bigrams are made of (white space and punctuation left out). */
export function keptUnits(text: string): Uint16Array {
  if (scratch.length < text.length) scratch = new Uint16Array(text.length);
  const units = scratch;
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isKept(unit)) units[n++] = unit;
  }
  return units.slice(0, n);
}

/** For each position i of a text, how many of its units before i keptUnits keeps (length + 1 entries). */
export function keptIndex(text: string): Uint32Array {
  const index = new Uint32Array(text.length + 1);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    if (isKept(text.charCodeAt(i))) n++;
    index[i + 1] = n;
  }
  return index;
}

/** how many units two texts share at their beginning, and then at their end (not overlapping) */
export interface CommonEnds {
  readonly prefix: number;
  readonly suffix: number;
}

export function commonEnds(a: string, b: string): CommonEnds {
  const shortest = Math.min(a.length, b.length);
  let prefix = 0;
  while (prefix < shortest && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && a.charCodeAt(a.length - 1 - suffix) === b.charCodeAt(b.length - 1 - suffix)) suffix++;
  return { prefix, suffix };
}

/** Do the texts keep a quarter of each other's beginning and end together: one copied from the other and edited? */
export function isEditedCopy(a: string, b: string, { prefix, suffix }: CommonEnds): boolean {
  return prefix + suffix >= Math.min(a.length, b.length) / 4;
}

/**
 * keptUnits(text), taking the units of the beginning and end it shares with `like` (a text
 * whose kept units and keptIndex are known: last year's) from those instead of classifying
 * them again. Exactly keptUnits(text): the units kept from a text are those kept from each of
 * its pieces, one after the other. A text copied from last year and edited costs its edits.
 */
export function keptUnitsAgainst(
  text: string,
  like: string,
  likeUnits: Uint16Array,
  /** keptIndex(like), asked for only when the two texts share enough to use it */
  likeIndex: () => Uint32Array,
  ends: CommonEnds = commonEnds(text, like),
): Uint16Array {
  if (!isEditedCopy(text, like, ends)) return keptUnits(text);
  const { prefix, suffix } = ends;
  const index = likeIndex();
  const head = index[prefix]!;
  const tail = likeUnits.length - index[like.length - suffix]!;
  const middle = keptUnits(text.slice(prefix, text.length - suffix));
  const units = new Uint16Array(head + middle.length + tail);
  units.set(likeUnits.subarray(0, head), 0);
  units.set(middle, head);
  units.set(likeUnits.subarray(likeUnits.length - tail), head + middle.length);
  return units;
}

/** 65,536 bits, one per hash of a bigram: set for the bigrams of one text (certainlyBelow) */
const bigramBits = new Int32Array(2048);
const bigramBit = (first: number, second: number) => Math.imul(((first << 16) | second) >>> 0, 0x9e3779b1) >>> 16;

/**
 * Is similarity(a, b) certainly below `atLeast`? Reads the texts once each, with no table and no
 * copy. A bigram of b whose bit a did not set is certainly not one of a's, so it cannot be shared:
 * 2 × (b's bigrams − those) / (all bigrams) bounds the score from above, and b is read only until
 * that bound, taking all of b's units as kept, falls below `atLeast`. false: not certain (the texts
 * may be alike; unitSimilarity decides). Most years' 五 differ at once.
 */
export function certainlyBelow(a: string, b: string, atLeast: number): boolean {
  // the same steps in WebAssembly under Node (text-scan.ts), with this module's classes
  return certainlyBelowScan(a, b, atLeast, classOf) ?? certainlyBelowSteps(a, b, atLeast);
}

/** certainlyBelow's steps in JavaScript (the form's; exported for text-scan.test.ts) */
export function certainlyBelowSteps(a: string, b: string, atLeast: number): boolean {
  const bits = bigramBits;
  bits.fill(0);
  let na = 0;
  let previous = -1;
  for (let i = 0; i < a.length; i++) {
    const unit = a.charCodeAt(i);
    if (!isKept(unit)) continue;
    if (previous >= 0) {
      const bit = bigramBit(previous, unit);
      bits[bit >> 5]! |= 1 << (bit & 31);
    }
    previous = unit;
    na++;
  }
  // all of b's units taken as kept: the bound only grows with b's bigrams, so this one is above
  // the bound with b's true count, and b need not be read to its end to be below `atLeast`
  const most = Math.max(b.length - 1, 0);
  const mostNeeded = atLeast * (Math.max(na - 1, 0) + most) - 1e-9; // never early for a score equal to atLeast
  let nb = 0;
  let missing = 0;
  previous = -1;
  for (let i = 0; i < b.length; i++) {
    const unit = b.charCodeAt(i);
    if (!isKept(unit)) continue;
    if (previous >= 0) {
      const bit = bigramBit(previous, unit);
      if ((bits[bit >> 5]! & (1 << (bit & 31))) === 0 && 2 * (most - ++missing) < mostNeeded) return true;
    }
    previous = unit;
    nb++;
  }
  const total = Math.max(na - 1, 0) + Math.max(nb - 1, 0);
  return total > 0 && 2 * (Math.max(nb - 1, 0) - missing) < atLeast * total - 1e-9;
}

/**
 * 1 for the same text, 0 for texts with no bigram in common. With `atLeast`, a score below it
 * may be returned as soon as it is certain (a figure under `atLeast`, not the exact score).
 */
export function similarity(a: string, b: string, atLeast = 0): number {
  return a === b ? 1 : unitSimilarity(keptUnits(a), keptUnits(b), atLeast);
}

/**
 * `similarity` of two texts' kept units (a text's are kept with its other readings in
 * section-text.ts, so last year's text is not taken apart again at every validation).
 *
 * A text copied from last year keeps most of its beginning and end. The bigrams of the common
 * beginning and end are shared bigram for bigram, and the multiset intersection splits exactly
 * (min(x + c, y + c) = c + min(x, y)), so only the two middles go through the hash table.
 */
export function unitSimilarity(A: Uint16Array, B: Uint16Array, atLeast = 0): number {
  const na = A.length;
  const nb = B.length;
  const total = Math.max(na - 1, 0) + Math.max(nb - 1, 0);
  if (total === 0) return 1;
  const shortest = Math.min(na, nb);
  let prefix = 0;
  while (prefix < shortest && A[prefix] === B[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shortest - prefix && A[na - 1 - suffix] === B[nb - 1 - suffix]) suffix++;
  let shared = Math.max(prefix - 1, 0) + Math.max(suffix - 1, 0);
  // the middles, as ranges of units [from, to]: their bigrams are the ones left to compare
  const from = Math.max(prefix - 1, 0);
  const toA = suffix > 0 ? na - suffix : na - 1;
  const toB = suffix > 0 ? nb - suffix : nb - 1;
  const middleA = Math.max(toA - from, 0);
  let left = Math.max(toB - from, 0);
  const needed = atLeast * total - 1e-9; // never early for a score equal to atLeast
  if (2 * (shared + Math.min(middleA, left)) < needed) return (2 * (shared + Math.min(middleA, left))) / total;
  if (middleA > 0 && left > 0) {
    counts.reset(middleA);
    for (let i = from; i < toA; i++) counts.add(((A[i]! << 16) | A[i + 1]!) >>> 0);
    for (let i = from; i < toB; i++, left--) {
      if (counts.take(((B[i]! << 16) | B[i + 1]!) >>> 0)) shared++;
      // the rest can no longer reach `atLeast`
      else if (2 * (shared + left - 1) < needed) return (2 * (shared + left - 1)) / total;
    }
  }
  return (2 * shared) / total;
}
