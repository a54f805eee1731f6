/**
 * The PDF reader, loaded only when a PDF is imported (its library is large): a literal dynamic
 * import, so the form's bundler gives ./pdf/read-pdf.ts (`pdfToText(bytes)`: the text layer
 * laid out as the text importer reads it) its own chunk.
 */
import type { PdfReadOptions } from './pdf/cmap-loader.js';
import type { PdfText } from './pdf/read-pdf.js';

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  const reader = await import('./pdf/read-pdf.js');
  return reader.readPdf(bytes, options);
}

/** Loads the reader and PDF.js without reading anything (see loadReader in import-document.ts). */
export async function loadPdfReader(): Promise<void> {
  await (await import('./pdf/read-pdf.js')).loadPdfJs();
}
