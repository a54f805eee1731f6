/**
 * Word (.docx) → HTML for the HTML reader: paragraphs as <p> (Word heading styles as <h1>…<h6>,
 * bold runs as <strong>), tables as <table> with merged cells as colspan (gridSpan) and rowspan
 * (vMerge), each merged cell once. Only the main document part is read, so page headers,
 * footers and their page numbers, footnotes and comments are left out; text split over runs by
 * editing is joined; deleted or moved-away text of tracked changes and field instructions are
 * skipped; of alternative content (mc:AlternateContent) only one version is read.
 *
 * The zip is read with fflate and the XML with htmlparser2, both well kept. This replaced
 * mammoth (to HTML, then the same HTML reader), which read the same things but took 90 ms for a
 * report on the project machine against a 50 ms target (issue 13, `npm run bench:import`): its
 * DOM XML parser and document model were most of it. One paragraph or table row per HTML line,
 * so the importer's line numbers count blocks of the document.
 */
import { DomUtils } from 'htmlparser2';
import { ImportError } from '../import-error.js';
import { attribute, elements, localName, partRoot, relatedPath, xmlParts, type XmlElement, type XmlNode } from '../office-xml.js';

const WORD_NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const COMPATIBILITY_NAMESPACE = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const FALSE_VALUES = new Set(['0', 'false', 'off']);

export async function docxToHtml(bytes: Uint8Array): Promise<string> {
  let root: XmlElement | undefined;
  let headingStyles: Map<string, number>;
  let title: string;
  try {
    // Parts are inflated as they are read: a damaged one fails here too.
    const parts = xmlParts(bytes);
    const documentPath = relatedPath(parts, '', 'officeDocument') ?? 'word/document.xml';
    root = partRoot(parts, documentPath);
    headingStyles = readHeadingStyles(partRoot(parts, relatedPath(parts, documentPath, 'styles')));
    title = coreTitle(partRoot(parts, relatedPath(parts, '', 'core-properties') ?? 'docProps/core.xml'));
  } catch (error) {
    throw new ImportError(`Word 文件已损坏或无法读取：${(error as Error).message}`);
  }
  if (!root) throw new ImportError('Word 文件已损坏或无法读取：缺少正文（word/document.xml）');
  const body = new DocumentWriter(root, headingStyles).html();
  // The document's title property, like a page's <title>: used only when the text names no report.
  return title ? `<title>${escapeHtml(title)}</title>${body}` : body;
}

/** Paragraph style ids whose names are Word's built-in headings ("heading 1"…), with their level. */
function readHeadingStyles(root: XmlElement | undefined): Map<string, number> {
  const levels = new Map<string, number>();
  for (const style of elements(root?.children ?? [])) {
    if (localName(style.name) !== 'style') continue;
    const id = attribute(style, 'styleId');
    const name = elements(style.children).find((e) => localName(e.name) === 'name');
    const level = /^heading\s*([1-6])$/i.exec(name ? (attribute(name, 'val') ?? '') : '')?.[1];
    if (id && level) levels.set(id, Number(level));
  }
  return levels;
}

function coreTitle(root: XmlElement | undefined): string {
  const title = elements(root?.children ?? []).find((e) => localName(e.name) === 'title');
  return title ? DomUtils.textContent(title).trim() : '';
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

interface Cell {
  readonly element: XmlElement;
  readonly column: number;
  readonly span: number;
  /** 'restart' begins a vertical merge, 'continue' is covered by the cell above */
  readonly merge: 'restart' | 'continue' | undefined;
}

class DocumentWriter {
  private readonly word: string;
  private readonly compatibility: string | undefined;
  constructor(
    private readonly root: XmlElement,
    private readonly headingStyles: ReadonlyMap<string, number>,
  ) {
    const prefixes = Object.entries(root.attribs).filter(([key]) => key === 'xmlns' || key.startsWith('xmlns:'));
    const prefixOf = (test: (uri: string) => boolean) => {
      const found = prefixes.find(([, uri]) => test(uri));
      return found ? (found[0] === 'xmlns' ? '' : found[0].slice(6)) : undefined;
    };
    this.word = prefixOf((uri) => WORD_NAMESPACES.has(uri)) ?? 'w';
    this.compatibility = prefixOf((uri) => uri === COMPATIBILITY_NAMESPACE);
  }

  html(): string {
    const out: string[] = [];
    this.blocks(this.root.children, out);
    return out.join('');
  }

  /** The element's name in the Word namespace, or undefined for other namespaces. */
  private wordName(element: XmlElement): string | undefined {
    const colon = element.name.indexOf(':');
    const prefix = colon < 0 ? '' : element.name.slice(0, colon);
    return prefix === this.word ? element.name.slice(colon + 1) : undefined;
  }

  private child(element: XmlElement, name: string): XmlElement | undefined {
    return elements(element.children).find((e) => this.wordName(e) === name);
  }

  /** Of mc:AlternateContent, the fallback (what any reader shows), or else its first choice. */
  private alternative(element: XmlElement): XmlElement[] | undefined {
    if (this.compatibility === undefined || element.name !== `${this.compatibility}:AlternateContent`) return undefined;
    const options = elements(element.children);
    const chosen = options.find((e) => e.name === `${this.compatibility}:Fallback`) ?? options[0];
    return chosen ? elements(chosen.children) : [];
  }

  /** Block content (body, cell, text box, content control): paragraphs and tables in order. */
  private blocks(nodes: readonly XmlNode[], out: string[]): void {
    for (const element of elements(nodes)) {
      const alternative = this.alternative(element);
      if (alternative) {
        this.blocks(alternative, out);
        continue;
      }
      const name = this.wordName(element);
      if (name === 'p') this.paragraph(element, out);
      else if (name === 'tbl') this.table(element, out);
      else if (name === 'del' || name === 'moveFrom' || name === 'sectPr') continue;
      else this.blocks(element.children, out);
    }
  }

  private paragraph(paragraph: XmlElement, out: string[]): void {
    const style = this.child(this.child(paragraph, 'pPr') ?? paragraph, 'pStyle');
    const level = style ? this.headingStyles.get(attribute(style, 'val') ?? '') : undefined;
    const tag = level ? `h${level}` : 'p';
    // Text boxes anchored in the paragraph hold paragraphs of their own: they follow it.
    const nested: string[] = [];
    const text = this.inline(paragraph.children, nested);
    if (text.trim()) out.push(`<${tag}>${text}</${tag}>\n`);
    out.push(...nested);
  }

  /** A paragraph's runs as inline HTML; block content found inside goes to `nested`. */
  private inline(nodes: readonly XmlNode[], nested: string[]): string {
    let html = '';
    for (const element of elements(nodes)) {
      const alternative = this.alternative(element);
      if (alternative) {
        html += this.inline(alternative, nested);
        continue;
      }
      const name = this.wordName(element);
      if (name === 'r') html += this.run(element, nested);
      else if (name === 'txbxContent') this.blocks(element.children, nested);
      else if (name === 'pPr' || name === 'rPr' || name === 'del' || name === 'moveFrom') continue;
      else html += this.inline(element.children, nested);
    }
    return html;
  }

  private run(run: XmlElement, nested: string[]): string {
    let text = '';
    for (const element of elements(run.children)) {
      const alternative = this.alternative(element);
      if (alternative) {
        text += this.inline(alternative, nested);
        continue;
      }
      const name = this.wordName(element);
      if (name === 't') text += escapeHtml(element.children.map((c) => (DomUtils.isText(c) ? c.data : '')).join(''));
      else if (name === 'tab' || name === 'ptab') text += '\t';
      else if (name === 'cr' || (name === 'br' && (attribute(element, 'type') ?? 'textWrapping') === 'textWrapping')) text += '<br>';
      else if (name === 'noBreakHyphen') text += '-';
      else if (name !== 'rPr' && name !== 'instrText' && name !== 'delText') text += this.inline(element.children, nested);
    }
    if (!text) return '';
    const bold = this.child(this.child(run, 'rPr') ?? run, 'b');
    return bold && !FALSE_VALUES.has(attribute(bold, 'val') ?? '') ? `<strong>${text}</strong>` : text;
  }

  private table(table: XmlElement, out: string[]): void {
    const rows = this.rows(table).map((row) => this.cells(row));
    out.push('<table>\n');
    rows.forEach((cells, r) => {
      out.push('<tr>');
      for (const cell of cells) {
        if (cell.merge === 'continue') continue;
        let rowSpan = 1;
        if (cell.merge === 'restart') {
          while (rows[r + rowSpan]?.some((c) => c.column === cell.column && c.merge === 'continue')) rowSpan++;
        }
        const spans = `${cell.span > 1 ? ` colspan="${cell.span}"` : ''}${rowSpan > 1 ? ` rowspan="${rowSpan}"` : ''}`;
        const content: string[] = [];
        this.blocks(cell.element.children, content);
        out.push(`<td${spans}>${content.join('').replace(/\n/g, '')}</td>`);
      }
      out.push('</tr>\n');
    });
    out.push('</table>\n');
  }

  /** A table's rows, also those wrapped in content controls or custom XML. */
  private rows(table: XmlElement): XmlElement[] {
    const rows: XmlElement[] = [];
    const collect = (nodes: readonly XmlNode[]) => {
      for (const element of elements(nodes)) {
        const name = this.wordName(element);
        if (name === 'tr') rows.push(element);
        else if (name !== 'tblPr' && name !== 'tblGrid' && name !== 'del') collect(this.alternative(element) ?? element.children);
      }
    };
    collect(table.children);
    return rows;
  }

  /** A row's cells at their grid columns (after any columns the row skips, gridBefore). */
  private cells(row: XmlElement): Cell[] {
    const rowProperties = this.child(row, 'trPr');
    const before = rowProperties ? this.child(rowProperties, 'gridBefore') : undefined;
    let column = Number(before ? attribute(before, 'val') : 0) || 0;
    const cells: Cell[] = [];
    const collect = (nodes: readonly XmlNode[]) => {
      for (const element of elements(nodes)) {
        const name = this.wordName(element);
        if (name === 'tc') {
          const properties = this.child(element, 'tcPr');
          const gridSpan = properties ? this.child(properties, 'gridSpan') : undefined;
          const vMerge = properties ? this.child(properties, 'vMerge') : undefined;
          const span = Math.max(1, Number(gridSpan ? attribute(gridSpan, 'val') : 1) || 1);
          const merge = vMerge ? (attribute(vMerge, 'val') === 'restart' ? 'restart' : 'continue') : undefined;
          cells.push({ element, column, span, merge });
          column += span;
        } else if (name !== 'trPr' && name !== 'tblPrEx' && name !== 'del') collect(this.alternative(element) ?? element.children);
      }
    };
    collect(row.children);
    return cells;
  }
}
