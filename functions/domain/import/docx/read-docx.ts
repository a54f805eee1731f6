/**
 * Word (.docx) → HTML, by mammoth, for the HTML reader. mammoth was chosen because it reads
 * what the importer needs and nothing else: tables with merged cells as rowspan/colspan
 * (gridSpan, vMerge), Heading styles as <h1>…, bold runs as <strong>, text split over runs by
 * editing joined back; headers, footers and their page numbers are not part of its output.
 * Images are dropped unread (they would be inlined as data: URLs).
 */
import mammoth from 'mammoth';
import { ImportError } from '../import-error.js';

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  // Node's build reads `buffer`, the browser build `arrayBuffer`; both take the bytes.
  const input = { buffer: bytes, arrayBuffer: bytes } as unknown as { buffer: Buffer };
  try {
    const result = await mammoth.convertToHtml(input, {
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
    });
    return result.value;
  } catch (error) {
    throw new ImportError(`Word 文件已损坏或无法读取：${(error as Error).message}`);
  }
}
