/**
 * The layout of the report as a Word document, built with the docx library: type in paragraph
 * styles, the sections, the tables from table-grid.ts, the page, the footer and the seal block.
 * report-docx.ts says how it is used.
 */
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  HeightRule,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { SECTION_ORDER, TEMPLATES, type TableDef } from '../../domain/report-template.js';
import { tableData, type Report } from '../../domain/report.js';
import { formatCell } from '../site/format.js';
import { DOC_TEXT, FONTS, type DocFont } from './document-text.js';
import { fontTableXml } from './font-table.js';
import { gridRows, tableGrid, type GridCell, type TableGrid } from './table-grid.js';

// Sizes in half-points (Word's unit for type): 二号 22pt, 三号 16pt, 小五 9pt, 五号 10.5pt.
const SIZE = { title: 44, heading: 32, body: 32, caption: 21, table: 18 } as const;

// A4 portrait in twentieths of a point, with the margins of GB/T 9704 (37/35/28/26 mm).
const MM = 1440 / 25.4;
const PAGE = { width: 11906, height: 16838, top: Math.round(37 * MM), bottom: Math.round(35 * MM), left: Math.round(28 * MM), right: Math.round(26 * MM) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

const font = (f: DocFont) => ({ ascii: f.latin, hAnsi: f.latin, cs: f.latin, eastAsia: f.eastAsia, hint: 'eastAsia' });

// Type lives in paragraph styles, not on each run: the table cells are hundreds of paragraphs,
// and a run without properties is both what Word writes and several times faster to serialise.
export const STYLE = {
  body: 'ReportBody',
  table: 'ReportTable',
  head: 'ReportTableHead',
  number: 'ReportTableNumber',
  caption: 'ReportCaption',
  seal: 'ReportSeal',
} as const;
const EXACT_28PT = { line: 560, lineRule: LineRuleType.EXACT };

const PARAGRAPH_STYLES = [
  {
    id: STYLE.body,
    name: '报告正文',
    basedOn: 'Normal',
    run: { font: font(FONTS.body), size: SIZE.body },
    // two characters of first-line indent, 28 pt lines: the 公文 body layout
    paragraph: { indent: { firstLine: 2 * SIZE.body * 10 }, spacing: EXACT_28PT, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: STYLE.table,
    name: '报告表格',
    basedOn: 'Normal',
    run: { font: font(FONTS.table), size: SIZE.table },
    paragraph: { spacing: { before: 0, after: 0, line: 260, lineRule: LineRuleType.AT_LEAST } },
  },
  // a cell's alignment comes with its style: headers centred, numbers right-aligned, labels left
  { id: STYLE.head, name: '报告表头', basedOn: STYLE.table, paragraph: { alignment: AlignmentType.CENTER } },
  { id: STYLE.number, name: '报告表格数字', basedOn: STYLE.table, paragraph: { alignment: AlignmentType.RIGHT } },
  {
    id: STYLE.caption,
    name: '报告表题',
    basedOn: 'Normal',
    run: { font: font(FONTS.table), size: SIZE.caption, bold: true },
    paragraph: { keepNext: true, spacing: { before: 120, after: 60 } },
  },
  {
    id: STYLE.seal,
    name: '报告落款',
    basedOn: 'Normal',
    run: { font: font(FONTS.body), size: SIZE.body },
    paragraph: { alignment: AlignmentType.RIGHT, indent: { right: 4 * SIZE.body * 10 }, spacing: EXACT_28PT, keepNext: true },
  },
];

// Title and section headings are Word's Heading 1 and 2 (the outline, the navigation pane, and
// readers such as mammoth know them as headings), restyled in 黑体, black, not bold.
const headingStyle = (size: number, spacing: object, indent?: object) => ({
  run: { font: font(FONTS.heading), size, bold: false, italics: false, color: '000000' },
  paragraph: { keepNext: true, spacing, ...(indent ? { indent } : {}) },
});

const styled = (style: string, text: string) => new Paragraph({ style, children: [new TextRun(text)] });

function bodyParagraphs(text: string): Paragraph[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => styled(STYLE.body, line));
}

/**
 * Column widths: the number columns share a fixed part of the text width, the label columns
 * the rest in proportion to their longest label (the 勾稽 corner note aside).
 */
function columnWidths(grid: TableGrid): number[] {
  const numberColumns = grid.columnCount - grid.labelColumns;
  if (grid.labelColumns === 0) return Array(numberColumns).fill(Math.floor(TEXT_WIDTH / numberColumns));
  const numberWidth = Math.min(1300, Math.floor((TEXT_WIDTH * 0.55) / numberColumns));
  const weights = Array.from({ length: grid.labelColumns }, (_, c) => {
    const texts = grid.cells.filter((g) => g.c === c && g.colSpan === 1 && g.content.type === 'head' && g.content.role === 'row');
    return Math.max(2, ...texts.map((g) => (g.content.type === 'head' ? g.content.text.length : 0)));
  });
  const rest = TEXT_WIDTH - numberWidth * numberColumns;
  const sum = weights.reduce((a, b) => a + b, 0);
  return [...weights.map((w) => Math.floor((rest * w) / sum)), ...Array(numberColumns).fill(numberWidth)];
}

function gridCell(cell: GridCell, widths: readonly number[], keepNext: boolean): TableCell {
  const content = cell.content;
  const text = content.type === 'head' ? content.text : formatCell(content.value);
  const style =
    content.type === 'data'
      ? typeof content.value === 'string'
        ? STYLE.table
        : STYLE.number
      : content.role === 'row'
        ? STYLE.table
        : STYLE.head;
  const width = widths.slice(cell.c, cell.c + cell.colSpan).reduce((a, b) => a + b, 0);
  return new TableCell({
    // a blank cell stays blank: an empty paragraph, no 0 and no dash
    children: [new Paragraph({ style, keepNext: keepNext || undefined, children: text ? [new TextRun(text)] : [] })],
    columnSpan: cell.colSpan > 1 ? cell.colSpan : undefined,
    rowSpan: cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: VerticalAlignTable.CENTER,
    width: { size: width, type: WidthType.DXA },
  });
}

function reportTable(table: TableDef, report: Report): Table {
  const grid = tableGrid(table, tableData(report, table));
  const widths = columnWidths(grid);
  const rows = gridRows(grid);
  // A short table (二's sub-tables, 四) is kept on one page; 三 may break between rows.
  const keepTogether = rows.length <= 6;
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    margins: { left: 60, right: 60, top: 20, bottom: 20 },
    rows: rows.map(
      (cells, r) =>
        new TableRow({
          children: cells.map((cell) => gridCell(cell, widths, keepTogether && r < rows.length - 1)),
          // The column headers repeat at the top of every page the table runs onto. Other rows
          // carry no tblHeader at all: readers such as mammoth take `w:val="off"` for a header.
          ...(r < grid.headerRows ? { tableHeader: true } : {}),
          cantSplit: true,
          height: { value: 360, rule: HeightRule.ATLEAST },
        }),
    ),
  });
}

function sealBlock(): Paragraph[] {
  // two blank lines above the seal, room for the head of the agency to sign
  return [new Paragraph({ style: STYLE.seal, children: [new TextRun(DOC_TEXT.seal)], spacing: { before: 1120 } }), styled(STYLE.seal, DOC_TEXT.sealDate)];
}

function sectionBody(report: Report, id: (typeof SECTION_ORDER)[number]): (Paragraph | Table)[] {
  const template = TEMPLATES[report.template];
  if (template.textSections.some((s) => s.id === id)) {
    return bodyParagraphs(String((report.sections as Record<string, unknown>)[id] ?? ''));
  }
  return template.tables
    .filter((t) => t.section === id)
    .flatMap((t) => [...(t.caption ? [styled(STYLE.caption, t.caption)] : []), reportTable(t, report), new Paragraph({ style: STYLE.table })]);
}

function pageNumberFooter(): Footer {
  // 公文 page numbers: "— 1 —", centred
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.body), size: 28 })],
      }),
    ],
  });
}

/** The library's document of a report under a title, before packing. */
export function docxDocument(report: Report, title: string, creator: string): Document {
  return new Document({
    title,
    creator,
    styles: {
      default: {
        // The defaults are the tables' type: the empty paragraphs docx writes in the cells under a
        // vertical merge take them, and at body size they would stretch every row of 三.
        document: { run: { font: font(FONTS.table), size: SIZE.table } },
        heading1: headingStyle(SIZE.title, { after: 360, line: 720, lineRule: LineRuleType.EXACT }),
        heading2: headingStyle(SIZE.heading, { before: 240, after: 120, ...EXACT_28PT }, { firstLine: 2 * SIZE.heading * 10 }),
      },
      paragraphStyles: PARAGRAPH_STYLES,
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right },
          },
        },
        footers: { default: pageNumberFooter() },
        children: [
          new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, children: [new TextRun(title)] }),
          ...SECTION_ORDER.flatMap((id) => [
            new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(TEMPLATES[report.template].sectionTitles[id])] }),
            ...sectionBody(report, id),
          ]),
          ...sealBlock(),
        ],
      },
    ],
  });
}

/** The library's .docx of a document (with the font table that names each font's substitute). */
export const packDocx = (doc: Document): Promise<Uint8Array> =>
  Packer.pack(doc, 'uint8array', false, [{ path: 'word/fontTable.xml', data: fontTableXml(Object.values(FONTS)) }]);
