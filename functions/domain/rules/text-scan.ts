/**
 * The loops over every unit of a long text, run in WebAssembly (text-scan.wat: eight units at a
 * time) where the text's units can be copied into its memory: under Node (the Lambdas, `npm
 * start`), by `Buffer#write`, at memory speed. On the project machine, for the 宿迁 overview of
 * 3,488 characters: the count of its visible characters 2.2 µs with the copy, against 5.0 µs by
 * 32-bit words (text-units.ts) and 11 µs by `charCodeAt`; a validation of the 宿迁 case about
 * 4 µs less (bench:validate).
 *
 * A browser (the filing form) has no such copy, and its content security policy may forbid
 * compiling WebAssembly: there every function here returns undefined and the callers keep their
 * JavaScript loops, with the same results (test/unit/text-scan.test.ts holds the two together).
 */
import { FROM_LENGTH, LITTLE_ENDIAN, NodeBuffer, type NodeBufferLike } from './text-units.js';
import { TEXT_SCAN_WASM } from './text-scan-wasm.js';

interface Scanner {
  readonly memory: WebAssembly.Memory;
  readonly uncounted: (n: number) => number;
  /** the memory as a Buffer (made again when the memory grows, which detaches the old one) */
  view: NodeBufferLike;
}

/** Longer texts are counted in JavaScript: a lane of the vector count holds at most 2^16 − 1. */
const MAX_LENGTH = 1 << 18;
const PAGE = 65536;

/** undefined: not tried yet; null: not here (no Buffer, no WebAssembly, or no 128-bit vectors) */
let scanner: Scanner | null | undefined;

function load(): Scanner | null {
  if (NodeBuffer === undefined || !LITTLE_ENDIAN || typeof WebAssembly !== 'object') return null;
  try {
    const bytes = NodeBuffer.from(TEXT_SCAN_WASM, 'base64');
    if (!WebAssembly.validate(bytes)) return null;
    const { exports } = new WebAssembly.Instance(new WebAssembly.Module(bytes), {});
    const memory = exports.memory as WebAssembly.Memory;
    return { memory, uncounted: exports.uncounted as (n: number) => number, view: NodeBuffer.from(memory.buffer) };
  } catch {
    // compiling may be forbidden (a content security policy); the JavaScript loops do the same
    return null;
  }
}

/** Copies the text's units to the memory's start, then units 0 up to a multiple of 8; the units written. */
function write(scan: Scanner, text: string): number {
  const bytes = text.length * 2;
  const padded = (bytes + 15) & ~15;
  if (scan.view.length < padded) {
    scan.memory.grow(Math.ceil((padded - scan.view.length) / PAGE));
    scan.view = NodeBuffer!.from(scan.memory.buffer);
  }
  scan.view.write(text, 0, 'utf16le');
  scan.view.fill(0, bytes, padded);
  return padded >> 1;
}

/**
 * How many of the text's units are white space (JavaScript's \s) or the second half of a
 * surrogate pair; undefined where the scan does not run (a browser, a short text).
 */
export function uncountedUnits(text: string): number | undefined {
  if (text.length < FROM_LENGTH || text.length >= MAX_LENGTH) return undefined;
  const scan = (scanner ??= load());
  if (scan === null) return undefined;
  return scan.uncounted(write(scan, text));
}
