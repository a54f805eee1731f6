/** WebAssembly text to bytes with wabt (the WebAssembly Binary Toolkit, compiled to JavaScript). */
import wabt from 'wabt';

export async function compileTextScan(source: string): Promise<Uint8Array> {
  const toolkit = await wabt();
  // as UTF-8 bytes (a string is read as ASCII, one byte per character: the comments are in Chinese
  // too), in an ArrayBuffer of their own (wabt copies a view's whole buffer)
  const module = toolkit.parseWat('text-scan.wat', new TextEncoder().encode(source), { simd: true, bulk_memory: true });
  try {
    module.validate();
    return module.toBinary({ log: false, write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}
