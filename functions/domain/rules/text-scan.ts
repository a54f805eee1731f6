/**
 * The loops over every unit of a long text, run in WebAssembly (text-scan.wat) where the text's
 * units can be copied into its memory: under Node (the Lambdas, `npm start`), by `Buffer#write`, at
 * memory speed. A step through a text in JavaScript costs 3 to 5 ns a unit however it is written;
 * these take eight units at a time, or one without the engine's checks. On the project machine, for
 * the 宿迁 overview of 3,488 characters (docs/validation-speed.md):
 *
 * - uncountedUnits, for visibleLength (section-text.ts): 2.0 µs with the copy, against 5.0 µs by
 *   32-bit words (a copy read two units at a time, which this replaced) and 11 µs by `charCodeAt`;
 * - certainlyBelowScan, text.repeated's bound on two years' 五 (text-similarity.ts): 1.6 µs with
 *   the two copies, against 3.7 µs;
 * - subjectSentencesScan, the sentences the claims reader reads (narrative-claims.ts): 1.2 against 3.1 µs;
 * - kindEventsScan, the units of those sentences the claims reader must look at: the reader 12.7
 *   against 15.4 µs;
 * - scanIndexOf, `indexOf` of a word the engine searches slowly: the full-width sign ％, 0.15
 *   against 1.1 µs (text-scan.wat firstUnit says why).
 *
 * The text placed in the memory stays there while the next reading of the same text asks for it
 * (the overview, read by five readings in turn; text.repeated's two texts go after it).
 *
 * A browser (the filing form) has no such copy, and its content security policy may forbid
 * compiling WebAssembly: there every function here returns undefined and the callers keep their
 * JavaScript loops, with the same results (test/unit/text-scan.test.ts holds the two together).
 */
import { TEXT_SCAN_WASM } from './text-scan-wasm.js';

interface NodeBufferLike extends Uint8Array {
  write(text: string, offset: number, encoding: 'utf16le'): number;
}
interface NodeBufferClass {
  /** a view of the memory, not a copy */
  from(memory: ArrayBuffer): NodeBufferLike;
  from(text: string, encoding: 'base64'): Uint8Array<ArrayBuffer>;
}
/** Node's Buffer, read off the global object: the domain imports nothing of Node's (it runs in the form too) */
const NodeBuffer = (globalThis as { Buffer?: NodeBufferClass }).Buffer;
/** the units' bytes low first, as the module reads them (a big-endian machine keeps the JavaScript loops) */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
/** Shorter texts are read in JavaScript: the copy's fixed cost is not worth it for them. */
const FROM_LENGTH = 256;

interface Scanner {
  readonly memory: WebAssembly.Memory;
  readonly uncounted: (from: number, n: number) => number;
  readonly certainlyBelow: (a: number, na: number, b: number, nb: number, atLeast: number) => number;
  readonly subjectSentences: (text: number, n: number) => number;
  readonly kindEvents: (text: number, from: number, to: number, plain: number) => number;
  readonly firstUnit: (text: number, n: number, from: number, unit: number) => number;
  /** the memory as a Buffer, as units and its results as i32 (all made again when the memory grows, which detaches the old ones) */
  view: NodeBufferLike;
  units: Uint16Array;
  out: Int32Array;
}

/** Longer texts are counted in JavaScript: a lane of the vector count holds at most 2^16 − 1. */
const MAX_LENGTH = 1 << 18;
const PAGE = 65536;
/** where subjectSentences and kindEvents write (text-scan.wat), and how many of each fit */
const OUT = 73728;
const MAX_SENTENCES = 1024;
const MAX_EVENTS = 2048;
/** where the claims reader's table of kinds is copied (kindEvents) */
const KINDS = 81920;
/** where the texts' units go (text-scan.wat: two tables of 64 KB, 8 KB of bits and the results before them) */
const TEXT = 147456;
/** the table of kinds copied to KINDS, if one is */
let kindsLoaded: Uint8Array | undefined;
/** the text whose units are at TEXT now (the overview, read by two rules in turn), if one is */
let loaded: string | undefined;

/** the class of a unit not seen before, which the scan asks while certainlyBelow runs (text-similarity.ts's) */
let classifyUnit: (unit: number) => number = () => 1;

/** undefined: not tried yet; null: not here (no Buffer, no WebAssembly, or no 128-bit vectors) */
let scanner: Scanner | null | undefined;

function load(): Scanner | null {
  if (NodeBuffer === undefined || !LITTLE_ENDIAN || typeof WebAssembly !== 'object') return null;
  try {
    const bytes = NodeBuffer.from(TEXT_SCAN_WASM, 'base64');
    if (!WebAssembly.validate(bytes)) return null;
    // the scan's table of classes is filled as text-similarity.ts's is, one unit at a time, on first sight
    const classify = (unit: number) => (scanner!.view[unit] = classifyUnit(unit));
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { text: { classify } });
    const memory = exports.memory as WebAssembly.Memory;
    return {
      memory,
      uncounted: exports.uncounted as Scanner['uncounted'],
      certainlyBelow: exports.certainlyBelow as Scanner['certainlyBelow'],
      subjectSentences: exports.subjectSentences as Scanner['subjectSentences'],
      kindEvents: exports.kindEvents as Scanner['kindEvents'],
      firstUnit: exports.firstUnit as Scanner['firstUnit'],
      view: NodeBuffer.from(memory.buffer),
      units: new Uint16Array(memory.buffer),
      out: new Int32Array(memory.buffer, OUT, MAX_EVENTS),
    };
  } catch {
    // compiling may be forbidden (a content security policy); the JavaScript loops do the same
    return null;
  }
}

/**
 * Copies the text's units to byte offset `at`, then units 0 up to a multiple of 8; the bytes
 * written (a multiple of 16, so a text written after it is aligned too).
 */
function write(scan: Scanner, text: string, at = TEXT): number {
  const bytes = text.length * 2;
  const padded = (bytes + 15) & ~15;
  // and 16 bytes after, which subjectSentences may load (and pass by) at the text's end
  if (scan.view.length < at + padded + 16) {
    scan.memory.grow(Math.ceil((at + padded + 16 - scan.view.length) / PAGE));
    scan.view = NodeBuffer!.from(scan.memory.buffer);
    scan.units = new Uint16Array(scan.memory.buffer);
    scan.out = new Int32Array(scan.memory.buffer, OUT, MAX_EVENTS);
  }
  scan.view.write(text, at, 'utf16le');
  // units 0 up to the multiple of 8, stored one by one (at most seven: Buffer#fill's call costs more)
  const units = scan.units;
  for (let k = (at + bytes) >> 1; k < (at + padded) >> 1; k++) units[k] = 0;
  // (a text written after the one at TEXT leaves it whole)
  if (at === TEXT) loaded = text;
  return padded;
}

/** the text at TEXT, written there unless it is already; its length in units, padded to 8 */
function place(scan: Scanner, text: string): number {
  return loaded === text ? ((text.length + 7) & ~7) : write(scan, text) >> 1;
}

/**
 * How many of the text's units are white space (JavaScript's \s) or the second half of a
 * surrogate pair; undefined where the scan does not run (a browser, a short text).
 */
export function uncountedUnits(text: string): number | undefined {
  if (text.length < FROM_LENGTH || text.length >= MAX_LENGTH) return undefined;
  const scan = (scanner ??= load());
  if (scan === null) return undefined;
  return scan.uncounted(TEXT, place(scan, text));
}

/**
 * text-similarity.ts's certainlyBelow(a, b, atLeast), run in the scan; `classify` is its class of
 * a unit (1 kept, 2 left out). undefined where the scan does not run (a browser, short texts).
 */
export function certainlyBelowScan(a: string, b: string, atLeast: number, classify: (unit: number) => number): boolean | undefined {
  if (a.length + b.length < FROM_LENGTH || a.length >= MAX_LENGTH || b.length >= MAX_LENGTH) return undefined;
  const scan = (scanner ??= load());
  if (scan === null) return undefined;
  // after the text at TEXT (the overview, which the stale-year reading searches after this): it stays
  const start = loaded === undefined ? TEXT : TEXT + ((loaded.length * 2 + 15) & ~15) + 16;
  const at = start + write(scan, a, start);
  write(scan, b, at);
  classifyUnit = classify;
  return scan.certainlyBelow(start, a.length, at, b.length, atLeast) === 1;
}

/**
 * narrative-claims.ts subjectSentences(text), run in the scan: the [start, end) of the sentences
 * that name 申请, 复议 or 诉讼, in order. undefined where the scan does not run (a browser, a short
 * text) or for more sentences than its room holds.
 */
export function subjectSentencesScan(text: string): (readonly [number, number])[] | undefined {
  if (text.length < FROM_LENGTH || text.length >= MAX_LENGTH) return undefined;
  const scan = (scanner ??= load());
  if (scan === null) return undefined;
  place(scan, text);
  const count = scan.subjectSentences(TEXT, text.length);
  if (count < 0 || count > MAX_SENTENCES) return undefined;
  const bounds = scan.out;
  const sentences: (readonly [number, number])[] = [];
  for (let k = 0; k < count; k++) sentences.push([bounds[2 * k]!, bounds[2 * k + 1]!]);
  return sentences;
}

/**
 * The units from `from` to `to` of the text whose kind in `kinds` (a table of 65,536, one per
 * UTF-16 unit: narrative-claims.ts KIND) is above `plain`, in order, each as its position with its
 * kind in the top byte (position | kind << 24); their count, or undefined where the scan does not
 * run (a browser, a short text) or for more than 2,048. `into.events` is set to the scan's own
 * results, not a copy: they stay until the next call of a scan that writes results (kindEventsScan,
 * subjectSentencesScan).
 */
export function kindEventsScan(text: string, from: number, to: number, kinds: Uint8Array, plain: number, into: { events: Int32Array }): number | undefined {
  if (text.length < FROM_LENGTH || text.length >= MAX_LENGTH || kinds.length !== 65536) return undefined;
  const scan = (scanner ??= load());
  if (scan === null) return undefined;
  if (kindsLoaded !== kinds) {
    scan.view.set(kinds, KINDS);
    kindsLoaded = kinds;
  }
  place(scan, text);
  const count = scan.kindEvents(TEXT, from, to, plain);
  if (count < 0 || count > MAX_EVENTS) return undefined;
  into.events = scan.out;
  return count;
}

/**
 * text.indexOf(word, from), the word's unit at `key` (the rarest of its units in a Chinese text)
 * looked for in the scan, 32 units a step (text-scan.wat firstUnit), the others checked here. For
 * words whose search the engine makes slow: a full-width sign (％), a unit whose higher byte is
 * common in Chinese text (the engine stops at each such byte). undefined where the text is not in
 * the scan's memory (a browser, a short text, or one no other reading placed there).
 */
export function scanIndexOf(text: string, word: string, from = 0, key = 0): number | undefined {
  // only a text in the memory already (the overview, once its length is read): a copy costs more
  // than the engine's searches of a short text, and the long one is there
  if (loaded !== text || scanner == null) return undefined;
  const scan = scanner;
  const unit = word.charCodeAt(key);
  for (let at = Math.max(from, 0) + key; at < text.length; at++) {
    at = scan.firstUnit(TEXT, text.length, at, unit);
    if (at < 0) return -1;
    if (word.length === 1 || text.startsWith(word, at - key)) return at - key;
  }
  return -1;
}
