/**
 * The PDF reader, loaded only when a PDF is imported (its library is large). It lives in
 * ./pdf/read-pdf.ts, `pdfToText(bytes)`: the text layer laid out as the text importer reads it.
 *
 * The path is held in a variable so that this module compiles while ./pdf/ is being written
 * on another branch; once it is merged, `import('./pdf/read-pdf.js')` with a literal path lets
 * the form's bundler give the reader its own chunk.
 */
import { ImportError } from './import-error.js';

const READER = './pdf/read-pdf.js';

interface PdfReader {
  pdfToText(bytes: Uint8Array): Promise<string>;
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  let reader: PdfReader;
  try {
    reader = (await import(/* @vite-ignore */ READER)) as PdfReader;
  } catch {
    throw new ImportError('暂不能读取 PDF 文件：请改用 Word（.docx）、Excel（.xlsx）或网页版本');
  }
  return reader.pdfToText(bytes);
}
