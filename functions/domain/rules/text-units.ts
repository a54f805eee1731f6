/**
 * A text's UTF-16 units copied into a scratch buffer, to be read two at a time as 32-bit words.
 *
 * Why: reading a text by `charCodeAt`, one unit at a time, is the floor of every text rule that
 * must see each character (a length, a similarity). Under Node (the Lambdas, `npm start`),
 * `Buffer#write(text, 'utf16le')` copies a flat text's units at memory speed, and a loop over 32-bit
 * words then reads them. On the project machine, for a city overview of 3,500 characters
 * (bench:validate's 宿迁 case): the copy 0.5 µs, the count of its visible characters 5.2 µs in all,
 * against 11.4 µs by `charCodeAt`.
 *
 * A browser (the filing form) has no such copy: there `textWords` returns undefined and the callers
 * read by `charCodeAt`, with the same result. Neither does a big-endian machine, where the words'
 * halves would be the other way round.
 */

export interface NodeBufferLike extends Uint8Array {
  write(text: string, offset: number, encoding: 'utf16le'): number;
}
interface NodeBufferClass {
  allocUnsafeSlow(size: number): NodeBufferLike;
  /** a view of the memory, not a copy */
  from(memory: ArrayBuffer): NodeBufferLike;
  from(text: string, encoding: 'base64'): Uint8Array<ArrayBuffer>;
}

/** Node's Buffer, read off the global object: the domain imports nothing of Node's (it runs in the form too) */
export const NodeBuffer = (globalThis as { Buffer?: NodeBufferClass }).Buffer;
export const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** Shorter texts are read by charCodeAt: the copy's fixed cost is not worth it for them. */
export const FROM_LENGTH = 256;

let scratch: NodeBufferLike | undefined;
let words: Uint32Array = new Uint32Array(0);

/**
 * The text's units as 32-bit words, two units each (the first in the low half); a text of an odd
 * length has a 0 in the last word's high half. Valid until the next call: a scratch buffer shared by
 * every caller, none of which keeps it. undefined where there is no fast copy, or for a short text.
 */
export function textWords(text: string): Uint32Array | undefined {
  if (NodeBuffer === undefined || !LITTLE_ENDIAN || text.length < FROM_LENGTH) return undefined;
  const bytes = text.length * 2;
  // room for the odd length's padding unit
  if (scratch === undefined || scratch.length < bytes + 2) {
    let size = 16384;
    while (size < bytes + 2) size *= 2;
    scratch = NodeBuffer.allocUnsafeSlow(size);
    words = new Uint32Array(scratch.buffer, scratch.byteOffset, size >> 2);
  }
  scratch.write(text, 0, 'utf16le');
  if (text.length % 2 === 1) {
    scratch[bytes] = 0;
    scratch[bytes + 1] = 0;
  }
  return words.subarray(0, (text.length + 1) >> 1);
}
