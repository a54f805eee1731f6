/**
 * The predefined CJK character maps PDF.js needs for PDFs whose Chinese fonts are not embedded
 * (UniGB-UCS2-H…), from pdfjs-dist. esbuild makes each `.bcmap` a lazy chunk of its own under
 * chunks/ (build.ts: binary loader), so the form fetches only the maps a PDF names, served and
 * deployed like the readers' chunks. This module is itself loaded only when a PDF asks for a map.
 */
export async function loadCMap(name: string): Promise<Uint8Array> {
  if (!/^[\w-]+$/.test(name)) throw new Error(`Unknown CMap: ${name}`);
  const module = (await import(`../../node_modules/pdfjs-dist/cmaps/${name}.bcmap`)) as { default: Uint8Array };
  return module.default;
}
