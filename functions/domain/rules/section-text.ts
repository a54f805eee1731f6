/**
 * What the text rules read off one section's text (its visible length, its sentences, the
 * figures and shares it states), each worked out once per distinct text, on first use.
 * Several rules read the overview, and the form validates again on every edit of a table while
 * the texts stay the same; so the last few texts' readings are kept, keyed by the text itself
 * (never by the report object, which the form edits in place).
 */
import { BLANKS } from './claim-words.js';
import { narrativeClaims, subjectSentences, type Claim } from './narrative-claims.js';
import { narrativeShares, type ShareClaim } from './narrative-shares.js';
import { keptIndex, keptUnits, keptUnitsAgainst, type CommonEnds } from './text-similarity.js';
import { uncountedUnits } from './text-scan.js';

/** JavaScript's `\s` (the readers' blanks and the line break): a code unit table, so counting never builds a copy of the text. */
const SPACE = new Uint8Array(65536);
for (const ch of `${BLANKS}\n`) SPACE[ch.charCodeAt(0)] = 1;

/** 1 for a unit that is not counted: white space, or the second half of a surrogate pair */
const UNCOUNTED = SPACE.slice();
UNCOUNTED.fill(1, 0xdc00, 0xe000);

/**
 * Characters that count toward a length: everything but white space, in code points (not UTF-16
 * units). With `atLeast`, counting stops there (a text reaches a minimum without being read through).
 */
export function visibleLength(text: string, atLeast = Infinity): number {
  if (atLeast === Infinity) {
    // eight units at a time in WebAssembly under Node (text-scan.ts)
    const uncounted = uncountedUnits(text);
    if (uncounted !== undefined) return text.length - uncounted;
    // else the units not counted, added up without a branch (a third faster on a long text)
    let skipped = 0;
    for (let i = 0; i < text.length; i++) skipped += UNCOUNTED[text.charCodeAt(i)]!;
    return text.length - skipped;
  }
  let n = 0;
  for (let i = 0; i < text.length && n < atLeast; i++) {
    const c = text.charCodeAt(i);
    // a low surrogate is the second half of a character already counted
    if (SPACE[c] === 0 && (c < 0xdc00 || c > 0xdfff)) n++;
  }
  return n;
}

export class SectionText {
  private subjectBounds?: readonly (readonly [number, number])[];
  private claimList?: readonly Claim[];
  private shareList?: readonly ShareClaim[];
  private units?: Uint16Array;
  private index?: Uint32Array;
  private readings?: Map<(text: string, reading: SectionText) => unknown, unknown>;
  private lineBreak?: number;

  constructor(readonly text: string) {}

  /**
   * `read(f)` is f(text, this), worked out on the first call for this text: the readings other
   * modules define (text-statements.ts, narrative-rules.ts) without this one importing them.
   */
  read<T>(reader: (text: string, reading: SectionText) => T): T {
    const readings = (this.readings ??= new Map());
    if (readings.has(reader)) return readings.get(reader) as T;
    const value = reader(this.text, this);
    readings.set(reader, value);
    return value;
  }

  /** where the first line break is (-1: none): the readers of the first paragraph and of the others ask it */
  get firstLineBreak(): number {
    return (this.lineBreak ??= this.text.indexOf('\n'));
  }

  /** visibleLength(text) >= n, without counting past n */
  hasVisibleLength(n: number): boolean {
    return visibleLength(this.text, n) >= n;
  }

  /** the units `text.repeated` compares, punctuation and white space left out (text-similarity.ts) */
  get keptUnits(): Uint16Array {
    return (this.units ??= keptUnits(this.text));
  }

  /**
   * keptUnits, worked out from `like`'s where the two texts begin and end alike (last year's
   * text); `ends` when the caller has them (commonEnds(this.text, like.text))
   */
  keptUnitsLike(like: SectionText, ends?: CommonEnds): Uint16Array {
    return (this.units ??= keptUnitsAgainst(this.text, like.text, like.keptUnits, () => like.keptIndex, ends));
  }

  /** for each position, how many units before it are kept (text-similarity.ts keptIndex) */
  get keptIndex(): Uint32Array {
    return (this.index ??= keptIndex(this.text));
  }

  /**
   * [start, end) of the sentences that name 申请, 复议 or 诉讼, in order (narrative-claims.ts): the
   * only ones the narrative rules read. A line break ends a sentence too (a paragraph of the
   * form's text box).
   */
  get subjectSentences(): readonly (readonly [number, number])[] {
    return (this.subjectBounds ??= subjectSentences(this.text));
  }

  /** figures and statements of none the text makes about its tables (narrative-claims.ts) */
  get claims(): readonly Claim[] {
    return (this.claimList ??= narrativeClaims(this.text, this.subjectSentences));
  }

  /** shares the text states ("予以公开…占45.2%") */
  get shares(): readonly ShareClaim[] {
    return (this.shareList ??= narrativeShares(this.text));
  }
}

/** this year's three texts and last year's, with room to spare */
const KEPT = 8;
/**
 * The last texts read, least recently read first, found by `===`: two strings of different
 * lengths compare at once, two of the same length by the engine's own comparison of their
 * characters (a tenth of a microsecond per thousand). A Map would hash every new text first,
 * character by character: 7 µs for a city's overview, more than the rest of its lookup's work,
 * and every text a server validates is new.
 */
const kept: SectionText[] = [];

/**
 * The reading of a text, shared by every rule (and every validation) that reads the same text.
 * The rules ask RuleInput.section, which looks each text up here once per validation.
 */
export function sectionText(text: string): SectionText {
  for (let k = kept.length - 1; k >= 0; k--) {
    const reading = kept[k]!;
    if (reading.text !== text) continue;
    // the most recently read goes last: last year's texts stay while this year's change
    if (k !== kept.length - 1) {
      kept.splice(k, 1);
      kept.push(reading);
    }
    return reading;
  }
  if (kept.length >= KEPT) kept.shift();
  const reading = new SectionText(text);
  kept.push(reading);
  return reading;
}
