/**
 * A PDF report → the plain-text layout importReport reads.
 *
 * PDF.js through unpdf (pinned in package.json): unpdf ships a serverless build of PDF.js
 * with its worker inlined, so the same code runs in Node (CLI, Lambda) and in the browser
 * (the form loads it only when a PDF is chosen) without setting up a worker file. Only the
 * text layer is read: items with their positions, laid out by page-lines.ts.
 */
import { TEMPLATES, TEMPLATE_IDS } from '../../report-template.js';
import { ImportError } from '../import-error.js';
import { tableLabelIndex } from '../table-labels.js';
import { layoutPages, type PdfPage, type PdfTextItem } from './page-lines.js';
import { rulingLines, type RulingLines } from './ruling-lines.js';
import { normaliseRadicals } from './cjk-radicals.js';
import { nodeDataOptions, withPdfJsEnvironment } from './pdfjs-environment.js';
import { cMapOptions, type PdfReadOptions } from './cmap-loader.js';

export const NO_TEXT_LAYER = '该 PDF 没有文字层（可能是扫描件），无法读取。请上传 Word、Excel 或带文字层的 PDF。';

/** Fewer readable characters than this in the whole file: a scan, perhaps with a stamp or page numbers. */
const MIN_TEXT_CHARACTERS = 20;
const FIGURE = /^[\d,.]+$/;
/** A page with fewer items that are figures alone has no table worth reading borders for. */
const MIN_TABLE_FIGURES = 6;

/** A PDF's text layer laid out as lines, and its Title property (empty when it has none). */
export interface PdfText {
  readonly text: string;
  readonly title: string;
}

export async function pdfToText(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<string> {
  return (await readPdf(bytes, options)).text;
}

export async function readPdf(bytes: Uint8Array, options: PdfReadOptions = {}): Promise<PdfText> {
  const { pages, title } = await withPdfJsEnvironment(() => readPages(bytes, options));
  const characters = pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.text.replace(/\s+/g, '').length, 0), 0);
  if (characters < MIN_TEXT_CHARACTERS) throw new ImportError(NO_TEXT_LAYER);
  return { text: layoutPages(pages, { isTableLabel }), title };
}

async function readPages(bytes: Uint8Array, options: PdfReadOptions): Promise<{ pages: PdfPage[]; title: string }> {
  const { getDocumentProxy, getResolvedPDFJS } = await import('unpdf');
  const { OPS } = await getResolvedPDFJS();
  let document: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // PDF.js takes ownership of (detaches) the buffer it is given: pass a copy. System fonts
    // only matter for drawing glyphs, and looking them up slows every non-embedded font.
    // textOnly (added to unpdf's PDF.js at install by local/install/patch-pdfjs.mjs) skips the
    // glyph programs of Type 3 fonts, which only drawing needs.
    const textOnly = { textOnly: true } as object;
    document = await getDocumentProxy(new Uint8Array(bytes), {
      ...textOnly,
      useSystemFonts: false,
      ...nodeDataOptions(),
      ...(options.cMaps ? cMapOptions(options.cMaps) : {}),
    });
  } catch (error) {
    const name = (error as { name?: string } | undefined)?.name;
    if (name === 'PasswordException') throw new ImportError('该 PDF 有密码保护，无法读取。请上传未加密的文件。');
    throw new ImportError('无法读取该 PDF 文件（文件已损坏或不是 PDF）。');
  }
  try {
    const pages: PdfPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const items: PdfTextItem[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const [a, b, c, d, x, y] = item.transform as number[];
        const size = Math.hypot(c!, d!) || Math.hypot(a!, b!);
        items.push({ text: normaliseRadicals(item.str), x: x!, y: y!, width: item.width, size });
      }
      const [left, bottom, right, top] = page.view as [number, number, number, number];
      // Borders only matter where there are tables, and reading the drawing costs as much as
      // reading the text: pages without a run of figures skip it.
      const figures = items.filter((i) => FIGURE.test(i.text.trim())).length;
      let rules: RulingLines = { horizontal: [], vertical: [] };
      if (figures >= MIN_TABLE_FIGURES) {
        const operators = await page.getOperatorList();
        rules = rulingLines(operators.fnArray, operators.argsArray, OPS);
      }
      pages.push({ box: [left, bottom, right, top], items, rules: rules.horizontal, columnRules: rules.vertical });
      page.cleanup();
    }
    return { pages, title: await titleProperty(document) };
  } finally {
    await document.loadingTask.destroy();
  }
}

/**
 * The document's Title (its information dictionary, else its XMP dc:title), as Word and WPS
 * fill it from the file's title when they export: like a page's <title>, used only when the
 * printed text names no report. A damaged or missing entry gives ''.
 */
async function titleProperty(document: { getMetadata(): Promise<{ info: object; metadata: { get(name: string): unknown } | null }> }): Promise<string> {
  try {
    const { info, metadata } = await document.getMetadata();
    const title = (info as { Title?: unknown }).Title;
    const xmpTitle = metadata?.get('dc:title');
    return normaliseRadicals(typeof title === 'string' && title.trim() ? title.trim() : typeof xmpTitle === 'string' ? xmpTitle.trim() : '');
  } catch {
    return '';
  }
}

/** Loads PDF.js (unpdf's build, with its worker's code), as the first read does. */
export async function loadPdfJs(): Promise<void> {
  await (await import('unpdf')).getResolvedPDFJS();
}

/** Any label of either template's tables (row, group, column, caption), as printed whole. */
function isTableLabel(text: string): boolean {
  return ROW_LABELS().some((index) => index.find(text) !== undefined);
}

let rowIndexes: ReturnType<typeof tableLabelIndex>[] | undefined;
function ROW_LABELS(): ReturnType<typeof tableLabelIndex>[] {
  rowIndexes ??= TEMPLATE_IDS.flatMap((id) =>
    (['proactive', 'applications', 'appeals'] as const).map((section) =>
      tableLabelIndex(TEMPLATES[id].tables.filter((t) => t.section === section)),
    ),
  );
  return rowIndexes;
}
