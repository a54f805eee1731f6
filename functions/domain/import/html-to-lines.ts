/**
 * HTML as agencies publish it → the same lines and tab-separated cells as the text layout, so
 * one reader serves both. Tables become grids (rowspan/colspan expanded into empty cells, so a
 * row's values keep their columns); paragraphs, headings, list items and <br> become lines;
 * page chrome (<head>, scripts, navigation, footers, hidden elements) is dropped.
 */
import { DomUtils, parseDocument } from 'htmlparser2';
import { METADATA_LINE, type SourceLine } from './source-line.js';

type HtmlDocument = ReturnType<typeof parseDocument>;
type HtmlNode = HtmlDocument['children'][number];
type HtmlElement = Extract<HtmlNode, { attribs: unknown }>;

const SKIPPED = new Set([
  'head', 'title', 'meta', 'link', 'script', 'style', 'noscript', 'template', 'nav', 'footer', 'aside',
  'form', 'select', 'button', 'input', 'textarea', 'iframe', 'object', 'embed', 'svg', 'canvas', 'map',
]);
const BLOCKS = new Set([
  'html', 'body', 'main', 'article', 'section', 'header', 'div', 'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption',
  'hr', 'br', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption',
]);
/** class/id words of site chrome around the report */
const CHROME = /(?:^|[\s_-])(?:foot|footer|nav|navbar|menu|breadcrumbs?|crumbs?|share|copyright|sidebar|toolbar)(?:$|[\s_-])/i;
const CJK = '[\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef]';
const CJK_LINE_BREAK = new RegExp(`(${CJK})[ \\t\\r\\n]*\\n[ \\t\\r\\n]*(?=${CJK})`, 'g');
const MAX_SPAN = 100;

/** By content: a file named .html may hold text, and text files may hold HTML. */
export function looksLikeHtml(source: string, filename?: string): boolean {
  if (/<(?:!doctype\s+html|html|body|table|p|div|h[1-6]|br|span)[\s>/]/i.test(source)) return true;
  return filename !== undefined && /\.x?html?$/i.test(filename) && /<[a-z!][^>]*>/i.test(source);
}

export function htmlToLines(source: string): SourceLine[] {
  const document = parseDocument(source, { withStartIndices: true });
  const lineStarts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const lineOf = (node: HtmlNode): number => {
    const index = node.startIndex ?? 0;
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (lineStarts[mid]! <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };

  const lines: SourceLine[] = [];
  let buffer = '';
  let bufferLine = 0;
  const flush = () => {
    const text = inlineText(buffer);
    if (text) lines.push({ no: bufferLine, cells: [text] });
    buffer = '';
  };

  const walk = (node: HtmlNode): void => {
    if (DomUtils.isText(node)) {
      if (!buffer.trim()) bufferLine = lineOf(node);
      buffer += node.data;
      return;
    }
    if (!DomUtils.isTag(node) || isSkipped(node)) return;
    const block = BLOCKS.has(node.name);
    if (block) flush();
    if (node.name === 'table' && !DomUtils.findOne((e) => e.name === 'table', node.children)) {
      for (const { element, ...row } of tableRows(node)) lines.push({ no: lineOf(element), ...row });
      return;
    }
    // A table holding tables is page layout: its cells are read as blocks.
    for (const child of node.children) walk(child);
    if (block) flush();
  };

  // The page's <title> often names the report when the article does not print it.
  const title = DomUtils.findOne((e) => e.name === 'title', document.children);
  const titleText = title ? inlineText(DomUtils.textContent(title)) : '';
  if (titleText) lines.push({ no: METADATA_LINE, cells: [titleText] });
  for (const child of document.children) walk(child);
  flush();
  return lines;
}

function isSkipped(element: HtmlElement): boolean {
  if (SKIPPED.has(element.name)) return true;
  const { class: className = '', id = '', style = '', hidden } = element.attribs;
  if (hidden !== undefined || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return CHROME.test(className) || CHROME.test(id);
}

function inlineText(text: string): string {
  return text.replace(CJK_LINE_BREAK, '$1').replace(/\s+/g, ' ').trim();
}

/** A cell's text: its blocks and <br>s joined by a space. */
function cellText(element: HtmlElement): string {
  let text = '';
  const walk = (node: HtmlNode): void => {
    if (DomUtils.isText(node)) text += node.data;
    else if (DomUtils.isTag(node) && !isSkipped(node)) {
      if (BLOCKS.has(node.name)) text += ' ';
      for (const child of node.children) walk(child);
      if (BLOCKS.has(node.name)) text += ' ';
    }
  };
  for (const child of element.children) walk(child);
  return inlineText(text);
}

interface GridRow {
  readonly element: HtmlElement;
  readonly cells: string[];
  readonly continued?: boolean[];
}

function tableRows(table: HtmlElement): GridRow[] {
  const trs: HtmlElement[] = [];
  const caption: HtmlElement[] = [];
  const collect = (node: HtmlNode): void => {
    if (!DomUtils.isTag(node) || isSkipped(node)) return;
    if (node.name === 'tr') trs.push(node);
    else if (node.name === 'caption') caption.push(node);
    else for (const child of node.children) collect(child);
  };
  for (const child of table.children) collect(child);

  const grid: (string | undefined)[][] = trs.map(() => []);
  /** true where a cell continues, to the right, a cell merged over several columns of its own row */
  const continuation: boolean[][] = trs.map(() => []);
  /** columns where some cell begins; the others only continue a spanning cell */
  const starts: boolean[] = [];
  trs.forEach((tr, r) => {
    let column = 0;
    for (const td of tr.children) {
      if (!DomUtils.isTag(td) || (td.name !== 'td' && td.name !== 'th') || isSkipped(td)) continue;
      const row = grid[r]!;
      while (row[column] !== undefined) column++;
      const rowSpan = span(td.attribs.rowspan, trs.length - r);
      const colSpan = span(td.attribs.colspan, MAX_SPAN);
      const text = cellText(td);
      starts[column] = true;
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          grid[r + dr]![column + dc] = dr === 0 && dc === 0 ? text : '';
          continuation[r + dr]![column + dc] = dc > 0;
        }
      }
      column += colSpan;
    }
  });
  // A value spanning the same columns as its header (colspan="2" under colspan="2") is one
  // value: columns no cell begins in are dropped, so it is not followed by a stray blank.
  const kept = starts.flatMap((start, column) => (start ? [column] : []));
  const rows = trs.map((element, r) => {
    const columns = kept.filter((column) => column < grid[r]!.length);
    const continued = columns.map((column) => continuation[r]![column] === true);
    const cells = columns.map((column) => grid[r]![column] ?? '');
    return continued.some(Boolean) ? { element, cells, continued } : { element, cells };
  });
  const captions = caption.map((element) => ({ element, cells: [cellText(element)] }));
  return [...captions, ...rows];
}

function span(value: string | undefined, max: number): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}
