/** WebAssembly text to bytes with wabt (the WebAssembly Binary Toolkit, compiled to JavaScript). */
import wabt from 'wabt';

export async function compileTextScan(source: string): Promise<Uint8Array> {
  const toolkit = await wabt();
  const module = toolkit.parseWat('text-scan.wat', source, { simd: true, bulk_memory: true });
  try {
    module.validate();
    return module.toBinary({ log: false, write_debug_names: false }).buffer;
  } finally {
    module.destroy();
  }
}
