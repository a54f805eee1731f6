/**
 * One importer for every file people bring: Word (.docx), Excel (.xlsx), PDF, HTML and plain
 * text, told apart by content (file-kind.ts); pages in traditional characters are converted to
 * simplified first (traditional.ts). Used by the CLI and by the form; the Word, Excel
 * and PDF readers are loaded only when such a file comes, so the form's first load stays small.
 */
import { decodeReportBytes } from './decode-bytes.js';
import { fileKind, type FileKind } from './file-kind.js';
import { htmlToLines, looksLikeHtml } from './html-to-lines.js';
import { importLines, sourceLines, type LinesImport, type LinesImportOptions } from './import-report.js';
import { METADATA_LINE, type SourceLine } from './source-line.js';
import { looksTraditional, toSimplified } from './traditional.js';
import type { CMapLoader } from './pdf/cmap-loader.js';

export type DocumentKind = Exclude<FileKind, 'text'> | 'html' | 'text';

export interface DocumentImportOptions extends LinesImportOptions {
  /**
   * Where PDF.js gets the predefined CJK character maps (UniGB-UCS2-H…) that PDFs with
   * non-embedded Chinese fonts name: the packed `.bcmap` bytes by name. Node needs none (they
   * are read from pdfjs-dist); the form passes a loader of its own chunks (web/form/pdf-cmaps.ts).
   */
  readonly pdfCMaps?: CMapLoader;
}

export interface DocumentImport extends LinesImport {
  readonly kind: DocumentKind;
}

/** Chinese names of the kinds, for messages. */
export const KIND_NAMES: Readonly<Record<DocumentKind, string>> = {
  docx: 'Word 文档',
  xlsx: 'Excel 工作簿',
  pdf: 'PDF 文件',
  html: '网页',
  text: '文本',
};

/**
 * Loads the reader of a kind of file and its library (its own chunk in the form), which
 * importDocument does on the first such file; the plain-text and HTML readers are always
 * there. Exported for `npm run bench:import`, which times loading apart from reading.
 */
export async function loadReader(kind: FileKind): Promise<void> {
  if (kind === 'docx') await import('./docx/read-docx.js');
  else if (kind === 'xlsx') await import('./xlsx/read-xlsx.js');
  else if (kind === 'pdf') await (await import('./pdf-entry.js')).loadPdfReader();
}

/**
 * Reads a report from a file's bytes. Strict by default (a missing table section throws an
 * ImportError naming it); `partial: true` returns what was read and lists the rest in `missing`.
 */
export async function importDocument(bytes: Uint8Array, options: DocumentImportOptions = {}): Promise<DocumentImport> {
  const kind = fileKind(bytes);
  let lines: SourceLine[];
  let documentKind: DocumentKind = kind === 'text' ? 'text' : kind;
  if (kind === 'docx') {
    const { docxToHtml } = await import('./docx/read-docx.js');
    lines = htmlToLines(await docxToHtml(bytes));
  } else if (kind === 'xlsx') {
    const { xlsxToLines } = await import('./xlsx/read-xlsx.js');
    lines = await xlsxToLines(bytes);
  } else if (kind === 'pdf') {
    const { readPdf } = await import('./pdf-entry.js');
    const pdf = await readPdf(bytes, options.pdfCMaps ? { cMaps: options.pdfCMaps } : {});
    lines = sourceLines(pdf.text);
    // The Title property, as a page's <title>: read only when the printed text names no report.
    if (pdf.title) lines.unshift({ no: METADATA_LINE, cells: [pdf.title] });
  } else {
    const text = decodeReportBytes(bytes);
    if (looksLikeHtml(text, options.filename)) documentKind = 'html';
    lines = sourceLines(text, options.filename);
  }
  if (looksTraditional(lines)) lines = await toSimplified(lines);
  return { kind: documentKind, ...importLines(lines, options) };
}
