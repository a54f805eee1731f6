/**
 * What PDF.js needs from its surroundings when it runs in Node (CLI, Lambda) rather than in a
 * browser; nothing changes in a browser.
 *
 * - Node 20 lacks ArrayBuffer#transferToFixedLength, which PDF.js's operator list calls: a
 *   copying stand-in does the same for PDF.js's use (a buffer it no longer reads).
 * - PDF.js inflates every content stream and every Type 3 glyph (Chromium prints CJK fonts as
 *   hundreds of them) through DecompressionStream when there is one. Node's is web streams over
 *   zlib's thread pool: a few hundred of them cost a third of reading a six-page report
 *   (`npm run bench:import`). While a PDF is read in Node, PDF.js is shown a DecompressionStream
 *   that declines at once, so it inflates synchronously in JavaScript, as it does wherever the
 *   API is missing. The global is put back when the last read in progress ends.
 * - PDF.js reads its data files (predefined CJK CMaps, standard fonts) in Node by path, while
 *   unpdf hands it `file:` URLs, which Node's readFile takes for relative paths and misses: a PDF
 *   naming a predefined CMap (UniGB-UCS2-H, non-embedded Chinese fonts) gave no text at all.
 *   nodeDataOptions() gives the paths of pdfjs-dist's data folders instead.
 */

type Constructor = new (...args: never[]) => unknown;

const isNode = (globalThis as { process?: { release?: { name?: string } } }).process?.release?.name === 'node';

/** Thrown by the stand-in: made once, since PDF.js catches it for every stream. */
const DECLINED = new TypeError('DecompressionStream declined: PDF.js inflates in JavaScript');
class DecliningDecompressionStream {
  constructor() {
    throw DECLINED;
  }
}

let readsInProgress = 0;
let nodeDecompressionStream: Constructor | undefined;

export async function withPdfJsEnvironment<T>(read: () => Promise<T>): Promise<T> {
  polyfillTransfer();
  if (!isNode) return read();
  const scope = globalThis as { DecompressionStream?: Constructor };
  if (readsInProgress++ === 0) {
    nodeDecompressionStream = scope.DecompressionStream;
    scope.DecompressionStream = DecliningDecompressionStream as unknown as Constructor;
  }
  try {
    return await read();
  } finally {
    if (--readsInProgress === 0) {
      if (nodeDecompressionStream) scope.DecompressionStream = nodeDecompressionStream;
      else delete scope.DecompressionStream;
    }
  }
}

/** getDocument options with pdfjs-dist's data folders as paths, in Node; nothing elsewhere. */
export function nodeDataOptions(): Record<string, unknown> {
  if (!isNode) return {};
  try {
    // Through process.getBuiltinModule, so that this module stays loadable in a browser.
    type ModuleBuiltin = { createRequire(from: string): { resolve(id: string): string } };
    const node = globalThis as unknown as { process: { getBuiltinModule(id: 'module'): ModuleBuiltin } };
    const manifest = node.process.getBuiltinModule('module').createRequire(import.meta.url).resolve('pdfjs-dist/package.json');
    const folder = (name: string) => manifest.replace(/package\.json$/, `${name}/`);
    return { cMapUrl: folder('cmaps'), cMapPacked: true, standardFontDataUrl: folder('standard_fonts') };
  } catch {
    return {};
  }
}

function polyfillTransfer(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & { transferToFixedLength?: (length?: number) => ArrayBuffer };
  if (typeof proto.transferToFixedLength === 'function') return;
  Object.defineProperty(proto, 'transferToFixedLength', {
    configurable: true,
    writable: true,
    value(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
      const copy = new ArrayBuffer(length);
      new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
      return copy;
    },
  });
}
