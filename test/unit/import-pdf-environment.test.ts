/**
 * PDF.js's surroundings in Node (pdf/pdfjs-environment.ts): while a PDF is read, PDF.js is shown
 * a DecompressionStream that declines, and Node's own comes back when the last read ends, even
 * when a read fails.
 */
import { describe, expect, it } from 'vitest';
import { withPdfJsEnvironment } from '../../functions/domain/import/pdf/pdfjs-environment.js';

describe('withPdfJsEnvironment in Node', () => {
  const nodes = globalThis.DecompressionStream;

  it('declines DecompressionStream during a read and restores it after', async () => {
    const seen = await withPdfJsEnvironment(async () => {
      expect(globalThis.DecompressionStream).not.toBe(nodes);
      return () => new globalThis.DecompressionStream('deflate');
    });
    expect(() => seen()).not.toThrow();
    expect(globalThis.DecompressionStream).toBe(nodes);
  });

  it('restores it only when overlapping reads have all ended, failed ones included', async () => {
    let release!: () => void;
    const first = withPdfJsEnvironment(() => new Promise<void>((resolve) => (release = resolve)));
    const second = withPdfJsEnvironment(async () => {
      throw new Error('damaged');
    });
    await expect(second).rejects.toThrow('damaged');
    expect(() => new globalThis.DecompressionStream('deflate')).toThrow(/declined/);
    release();
    await first;
    expect(globalThis.DecompressionStream).toBe(nodes);
  });

  it('gives ArrayBuffer#transferToFixedLength, copying', async () => {
    await withPdfJsEnvironment(async () => undefined);
    const buffer = new Uint8Array([1, 2, 3]).buffer as ArrayBuffer & { transferToFixedLength(n?: number): ArrayBuffer };
    expect([...new Uint8Array(buffer.transferToFixedLength(2))]).toEqual([1, 2]);
  });
});
