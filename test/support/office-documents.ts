/**
 * Word, Excel and HTML documents of a report, made by the project itself for the importer's
 * tests: the report is laid out as the official template prints it (our published page has
 * that layout, merged header cells included), and that layout is written with the `docx`
 * library and with exceljs in the ways agencies write their files.
 */
import { AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Report } from '../../functions/domain/report.js';
import { renderReportPage } from '../../functions/render/site/report-page.js';
import { agencyId } from '../unit/site-fixtures.js';

export interface LayoutCell {
  readonly text: string;
  readonly colSpan: number;
  readonly rowSpan: number;
}

export type Block =
  | { readonly kind: 'title'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'table'; readonly caption?: string; readonly rows: readonly (readonly LayoutCell[])[] };

type Node = ReturnType<typeof parseDocument>['children'][number];
type Element = Extract<Node, { attribs: unknown }>;

/** The report as the official layout prints it: title, six headings, paragraphs, tables. */
export function reportBlocks(report: Report): Block[] {
  const page = renderReportPage({
    region: { code: '411325', name: '内乡县' },
    publication: {
      agencyId: agencyId(1),
      region: '411325',
      year: report.year,
      revisions: [{ revision: 1, publishedAt: '2024-01-11T02:00:00Z', report }],
    },
  });
  const article = DomUtils.findOne((e) => e.name === 'article', parseDocument(page).children)!;
  const blocks: Block[] = [];
  const walk = (node: Node): void => {
    if (!DomUtils.isTag(node) || node.name === 'dl' || node.name === 'aside') return;
    const text = DomUtils.textContent(node).trim();
    if (node.name === 'h1') blocks.push({ kind: 'title', text });
    else if (node.name === 'h2') blocks.push({ kind: 'heading', text });
    else if (node.name === 'p') blocks.push({ kind: 'paragraph', text });
    else if (node.name === 'table') blocks.push(layoutTable(node));
    else node.children.forEach(walk);
  };
  article.children.forEach(walk);
  return blocks;
}

function layoutTable(table: Element): Block {
  const caption = DomUtils.findOne((e) => e.name === 'caption', [table]);
  const rows = DomUtils.findAll((e) => e.name === 'tr', [table]).map((tr) =>
    tr.children.filter(DomUtils.isTag).map((cell) => ({
      text: DomUtils.textContent(cell).trim(),
      colSpan: Number(cell.attribs.colspan ?? 1),
      rowSpan: Number(cell.attribs.rowspan ?? 1),
    })),
  );
  return caption ? { kind: 'table', caption: DomUtils.textContent(caption).trim(), rows } : { kind: 'table', rows };
}

/** Cells placed on the grid: row, column (from 0) and spans, as a spreadsheet needs them. */
export function placeCells(rows: readonly (readonly LayoutCell[])[]): { row: number; column: number; cell: LayoutCell }[] {
  const taken: boolean[][] = rows.map(() => []);
  const placed: { row: number; column: number; cell: LayoutCell }[] = [];
  rows.forEach((cells, r) => {
    let column = 0;
    for (const cell of cells) {
      while (taken[r]![column]) column++;
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) taken[r + dr]![column + dc] = true;
      placed.push({ row: r, column, cell });
      column += cell.colSpan;
    }
  });
  return placed;
}

export interface DocxOptions {
  /** headings as Word heading styles, or as bold paragraphs */
  readonly headings: 'style' | 'bold';
  /** the title split after the agency's name, over two paragraphs */
  readonly titleOverTwoLines?: boolean;
  /** each paragraph and cell written as runs of two characters, as editing leaves them */
  readonly splitRuns?: boolean;
  /** a page header and a footer with page numbers */
  readonly headerFooter?: boolean;
  /** the six headings numbered by Word (一、 二、 …), their numerals not part of the text */
  readonly numberedHeadings?: boolean;
}

const HEADING_NUMBERS = 'section-headings';

function runs(text: string, options: DocxOptions, bold = false): TextRun[] {
  if (!options.splitRuns) return [new TextRun({ text, bold })];
  const parts = text.match(/[\s\S]{1,2}/g) ?? [];
  // Alternating sizes keep Word (and the library) from merging them back into one run.
  return parts.map((part, i) => new TextRun({ text: part, bold, size: i % 2 ? 24 : 23 }));
}

export async function reportDocx(report: Report, options: DocxOptions): Promise<Uint8Array> {
  const children: (Paragraph | Table)[] = [];
  for (const block of reportBlocks(report)) {
    if (block.kind === 'title') {
      const split = block.text.indexOf(String(report.year));
      const lines = options.titleOverTwoLines ? [block.text.slice(0, split), block.text.slice(split)] : [block.text];
      for (const line of lines) {
        children.push(
          options.headings === 'style'
            ? new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: runs(line, options) })
            : new Paragraph({ alignment: AlignmentType.CENTER, children: runs(line, options, true) }),
        );
      }
    } else if (block.kind === 'heading') {
      const text = options.numberedHeadings ? block.text.replace(/^[一二三四五六]、/, '') : block.text;
      const numbering = options.numberedHeadings ? { numbering: { reference: HEADING_NUMBERS, level: 0 } } : {};
      children.push(
        options.headings === 'style'
          ? new Paragraph({ heading: HeadingLevel.HEADING_2, children: runs(text, options), ...numbering })
          : new Paragraph({ children: runs(text, options, true), ...numbering }),
      );
    } else if (block.kind === 'paragraph') {
      children.push(new Paragraph({ children: runs(block.text, options) }));
    } else {
      if (block.caption) children.push(new Paragraph({ children: runs(block.caption, options) }));
      children.push(
        new Table({
          rows: block.rows.map(
            (cells) =>
              new TableRow({
                children: cells.map(
                  (cell) =>
                    new TableCell({
                      children: [new Paragraph({ children: runs(cell.text, options) })],
                      ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
                      ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                    }),
                ),
              }),
          ),
        }),
      );
    }
  }
  const pageNumbers = new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] })],
  });
  const document = new Document({
    numbering: {
      config: [
        {
          reference: HEADING_NUMBERS,
          levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: '%1、', alignment: AlignmentType.LEFT }],
        },
      ],
    },
    sections: [
      {
        ...(options.headerFooter
          ? {
              headers: { default: new Header({ children: [new Paragraph(`${report.agencyName}文件`)] }) },
              footers: { default: new Footer({ children: [pageNumbers] }) },
            }
          : {}),
        children,
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

export interface XlsxOptions {
  /** the text sections (一, 五, 六) written too; without, the sheet has the tables only */
  readonly textSections?: boolean;
  /** the 总计 column of 三 as SUM formulas with their saved results */
  readonly formulas?: boolean;
}

const NUMBER = /^-?\d+(?:\.\d+)?$/;

/** The report in one sheet laid out as the official tables, merged cells merged. */
export async function reportXlsx(report: Report, options: XlsxOptions = {}): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('年度报告');
  let row = 1;
  const blocks = reportBlocks(report);
  const textHeadings = new Set(['一、', '五、', '六、']);
  let inTextSection = false;
  for (const block of blocks) {
    if (block.kind === 'heading') inTextSection = textHeadings.has(block.text.slice(0, 2));
    if (!options.textSections && inTextSection) continue;
    if (block.kind === 'title' || block.kind === 'heading' || block.kind === 'paragraph') {
      sheet.getCell(row, 1).value = block.text;
      sheet.mergeCells(row, 1, row, 10);
      row++;
      continue;
    }
    if (block.caption) sheet.getCell(row++, 1).value = block.caption;
    const placed = placeCells(block.rows);
    const width = Math.max(...placed.map((p) => p.column + p.cell.colSpan));
    for (const { row: r, column, cell } of placed) {
      const target = sheet.getCell(row + r, column + 1);
      const isTotal = options.formulas && width === 10 && column === 9 && r >= 3;
      if (isTotal && NUMBER.test(cell.text)) {
        const range = `${sheet.getCell(row + r, 4).address}:${sheet.getCell(row + r, 9).address}`;
        target.value = { formula: `SUM(${range})`, result: Number(cell.text) };
      } else {
        target.value = NUMBER.test(cell.text) ? Number(cell.text) : cell.text;
      }
      if (cell.colSpan > 1 || cell.rowSpan > 1) {
        sheet.mergeCells(row + r, column + 1, row + r + cell.rowSpan - 1, column + cell.colSpan);
      }
    }
    row += block.rows.length + 1;
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The same layout as a bare HTML page, as a CMS would publish it: <p> headings, no chrome. */
export function reportHtml(report: Report, cellAttributes: (cell: LayoutCell) => string = () => ''): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const parts = reportBlocks(report).map((block) => {
    if (block.kind !== 'table') return `<p>${escape(block.text)}</p>`;
    const rows = block.rows.map(
      (cells) =>
        `<tr>${cells
          .map((c) => {
            const span = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
            return `<td${span}${cellAttributes(c)}>${escape(c.text)}</td>`;
          })
          .join('')}</tr>`,
    );
    return `${block.caption ? `<p>${escape(block.caption)}</p>` : ''}<table border="1">${rows.join('\n')}</table>`;
  });
  return `<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n${parts.join('\n')}\n</body></html>`;
}
