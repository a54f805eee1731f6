/**
 * Text items with positions → lines of tab-separated cells, the plain-text layout the text
 * importer reads. Pure geometry; the only report knowledge is `isRowLabel`, so that a row
 * printed with its label only (left blank) is never taken for the wrapped end of its neighbour.
 *
 * Coordinates are PDF user space: x to the right, y upwards, baseline of each item.
 */

import type { Rule, VerticalRule } from './ruling-lines.js';

export interface PdfTextItem {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** font size: the height of the item's text */
  readonly size: number;
}

export interface PdfPage {
  /** the page box: [left, bottom, right, top] */
  readonly box: readonly [number, number, number, number];
  readonly items: readonly PdfTextItem[];
  /** horizontal lines drawn on the page (table borders), if known */
  readonly rules?: readonly Rule[];
  /** vertical lines drawn on the page (column borders), if known */
  readonly columnRules?: readonly VerticalRule[];
}

interface Cell {
  text: string;
  x0: number;
  x1: number;
}

interface Line {
  page: number;
  y: number;
  size: number;
  cells: Cell[];
}

/** Items whose baselines differ by less than this share a line (a fraction of the font size). */
const SAME_LINE = 0.45;
/** A horizontal gap wider than this (in font sizes) separates two cells of a table row. */
const CELL_GAP = 0.6;
/** A gap wider than this (in font sizes) inside a cell is printed as a space. */
const WORD_GAP = 0.2;
/** Header and footer bands: this share of the page's height at the top and at the bottom. */
const MARGIN_BAND = 0.1;
/**
 * Without table borders, a label line this close (in font sizes) above or below a line of
 * values belongs to its row; with borders, any label line in the same row band up to the
 * farther reach does.
 */
const ROW_REACH = 2.2;
const BANDED_REACH = 8;

const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const PAGE_NUMBER =
  /^(?:[-－—–]\s*\d+\s*[-－—–]|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*\/\s*\d+|[Pp]age\s*\d+(?:\s*of\s*\d+)?)$/;
/** A bare number is a page number only as the page's first or last line: elsewhere it may be a value. */
const BARE_NUMBER = /^\d{1,3}$/;
/** Section headings and numbered sub-headings start a paragraph of their own. */
const HEADING = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十]+[)）])/;

export interface LayoutOptions {
  /**
   * Text that is a whole label of a table (row, group, column, caption): such a line is a row,
   * caption or header of its own, never the wrapped end of a neighbouring row's label.
   */
  readonly isTableLabel?: (text: string) => boolean;
}

export function layoutPages(pages: readonly PdfPage[], options: LayoutOptions = {}): string {
  const perPage = pages.map((page, index) => buildLines(page, index));
  const furniture = repeatedFurniture(pages, perPage);
  const lines: Line[] = [];
  perPage.forEach((pageLines, index) => {
    const edges = new Set([pageLines[0], pageLines[pageLines.length - 1]]);
    const kept = pageLines.filter((line) => !isFurniture(line, pages[index]!, furniture, edges.has(line)));
    lines.push(...mergeWrappedLabels(kept, pages[index]!.rules ?? [], options.isTableLabel ?? (() => false)));
  });
  const grid = valueGrid(lines, (line) => pages[line.page]!.columnRules ?? []);
  return joinParagraphs(lines, grid)
    .map((cells) => cells.join('\t'))
    .join('\n');
}

// ---- items → lines → cells ---------------------------------------------------------------

function buildLines(page: PdfPage, pageIndex: number): Line[] {
  const items = page.items
    .filter((item) => item.text.trim() && item.size > 0)
    .slice()
    .sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: PdfTextItem[][] = [];
  for (const item of items) {
    const group = groups.find((g) => Math.abs(g[0]!.y - item.y) <= SAME_LINE * Math.min(g[0]!.size, item.size));
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups
    .map((group) => toLine(group, pageIndex))
    .sort((a, b) => b.y - a.y);
}

function toLine(items: PdfTextItem[], page: number): Line {
  items.sort((a, b) => a.x - b.x);
  const size = Math.max(...items.map((i) => i.size));
  const cells: Cell[] = [];
  for (const item of items) {
    const text = item.text.trim();
    const x0 = item.x + (item.text.length - item.text.trimStart().length) * item.size * 0.25;
    const x1 = item.x + item.width;
    const last = cells[cells.length - 1];
    const gap = last ? x0 - last.x1 : Infinity;
    if (last && gap <= CELL_GAP * item.size) {
      last.text += gap > WORD_GAP * item.size ? ` ${text}` : text;
      last.x1 = Math.max(last.x1, x1);
    } else {
      cells.push({ text, x0, x1 });
    }
  }
  const y = items.reduce((sum, i) => sum + i.y, 0) / items.length;
  return { page, y, size, cells };
}

function lineText(line: Line): string {
  return line.cells.map((c) => c.text).join(' ');
}

// ---- page headers, footers and page numbers ---------------------------------------------

function inMarginBand(line: Line, page: PdfPage): boolean {
  const [, bottom, , top] = page.box;
  const band = (top - bottom) * MARGIN_BAND;
  return line.y < bottom + band || line.y > top - band;
}

/** Text (digits ignored) of lines in the margin bands found on most pages: running headers and footers. */
function repeatedFurniture(pages: readonly PdfPage[], perPage: readonly Line[][]): Set<string> {
  const counts = new Map<string, number>();
  perPage.forEach((lines, index) => {
    const seen = new Set(lines.filter((l) => inMarginBand(l, pages[index]!)).map(furnitureKey));
    for (const key of seen) counts.set(key, (counts.get(key) ?? 0) + 1);
  });
  const needed = Math.max(2, Math.ceil(pages.length * 0.6));
  // Lines of numbers only are left out: a table row may sit at the same place on several pages.
  return new Set([...counts].filter(([key, n]) => n >= needed && /[^#.,\s]/.test(key)).map(([key]) => key));
}

function furnitureKey(line: Line): string {
  return lineText(line).replace(/\s+/g, '').replace(/\d+/g, '#');
}

function isFurniture(line: Line, page: PdfPage, repeated: ReadonlySet<string>, atEdge: boolean): boolean {
  if (!inMarginBand(line, page)) return false;
  const text = lineText(line).trim();
  return PAGE_NUMBER.test(text) || (atEdge && BARE_NUMBER.test(text)) || repeated.has(furnitureKey(line));
}

// ---- table rows: wrapped labels joined to their values ----------------------------------

function isNumeric(text: string): boolean {
  return NUMBER.test(text.normalize('NFKC').replace(/\s+/g, ''));
}

/** What agencies print in a cell left blank: a dash or a slash. */
const BLANK_MARK = /^[—－\-–/／]+$/;

/** A number, or a blank mark among numbers. */
function isValueCell(text: string): boolean {
  return isNumeric(text) || BLANK_MARK.test(text.trim());
}

const valuesXCache = new WeakMap<Line, number | null>();

/** The x where a line's trailing run of values (numbers and blank marks, one number at least) begins, if it has one. */
function valuesX(line: Line): number | undefined {
  let x = valuesXCache.get(line);
  if (x === undefined) {
    let start = line.cells.length;
    while (start > 0 && isValueCell(line.cells[start - 1]!.text)) start--;
    const run = line.cells.slice(start);
    x = run.some((c) => isNumeric(c.text)) ? line.cells[start]!.x0 : null;
    valuesXCache.set(line, x);
  }
  return x ?? undefined;
}

/**
 * A wrapped row label prints as lines of label text above and below the line that carries
 * the row's values (cells centred vertically, or top-aligned). Each line without values whose
 * text lies left of a value line's numbers goes to the nearest such line in the same row band
 * (no table border between them), cell by cell (a piece joins the cell it lines up with), so
 * that the row reads as one. Without borders, only lines within ROW_REACH are joined.
 */
function mergeWrappedLabels(lines: readonly Line[], rules: readonly Rule[], isLabel: (text: string) => boolean): Line[] {
  const valueLines = lines.filter((l) => valuesX(l) !== undefined);
  const absorbed = new Set<Line>();
  const pieces = new Map<Line, Line[]>();
  for (const line of lines) {
    if (valuesX(line) !== undefined) continue;
    const right = Math.max(...line.cells.map((c) => c.x1));
    const whole = isLabel(lineText(line));
    let best: Line | undefined;
    for (const candidate of valueLines) {
      if (right > valuesX(candidate)! + 0.5 * line.size) continue;
      // A wrapped label is in its row's type; a line in larger type (a heading after a block of
      // figures, as 一、总体情况 under the printed report page's 年度 2023) is not one.
      if (line.size > 1.25 * candidate.size) continue;
      const distance = Math.abs(candidate.y - line.y);
      const size = Math.max(line.size, candidate.size);
      if (rules.length > 0 ? distance > BANDED_REACH * size || separated(line, candidate, rules) : distance > ROW_REACH * size) continue;
      // A whole label (a caption, a row left blank) beside a row that has its own label is not part of it.
      if (whole && candidate.cells.some((c) => c.x0 < valuesX(candidate)! && isLabel(c.text))) continue;
      if (!best || distance < Math.abs(best.y - line.y)) best = candidate;
    }
    if (!best) continue;
    absorbed.add(line);
    pieces.set(best, [...(pieces.get(best) ?? []), line]);
  }
  const result: Line[] = [];
  for (const line of lines) {
    if (absorbed.has(line)) continue;
    const extra = pieces.get(line);
    result.push(extra ? joinPieces(line, extra) : line);
  }
  return result;
}

/**
 * A border runs between the two lines under most of the label's width. Borders are often
 * drawn in pieces, one per grid column: the pieces at one height are taken together.
 */
function separated(label: Line, values: Line, rules: readonly Rule[]): boolean {
  const cell = label.cells[label.cells.length - 1]!;
  const middle = (l: Line) => l.y + 0.35 * l.size;
  const [low, high] = [Math.min(middle(label), middle(values)), Math.max(middle(label), middle(values))];
  const heights = new Map<number, Rule[]>();
  for (const rule of rules) {
    if (rule.y <= low || rule.y >= high || rule.x1 <= cell.x0 || rule.x0 >= cell.x1) continue;
    const key = Math.round(rule.y);
    heights.set(key, [...(heights.get(key) ?? []), rule]);
  }
  const width = cell.x1 - cell.x0;
  return [...heights.values()].some((pieces) => covered(pieces, cell.x0, cell.x1) >= 0.6 * width);
}

/** How much of [x0, x1] the rules cover. */
function covered(rules: readonly Rule[], x0: number, x1: number): number {
  const spans = rules.map((r) => [Math.max(r.x0, x0), Math.min(r.x1, x1)] as const).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let end = x0;
  for (const [from, to] of spans) {
    const start = Math.max(from, end);
    if (to > start) total += to - start;
    end = Math.max(end, to);
  }
  return total;
}

function joinPieces(valueLine: Line, pieces: readonly Line[]): Line {
  // Top to bottom, the value line among its pieces.
  const ordered = [...pieces, valueLine].sort((a, b) => b.y - a.y);
  const cells: Cell[] = [];
  const start = valuesX(valueLine)!;
  for (const line of ordered) {
    for (const cell of line.cells) {
      if (line === valueLine && cell.x0 >= start) continue;
      const column = cells.find((c) => overlaps(c, cell, line.size));
      if (column) {
        column.text += ` ${cell.text}`;
        column.x0 = Math.min(column.x0, cell.x0);
        column.x1 = Math.max(column.x1, cell.x1);
      } else {
        cells.push({ ...cell });
      }
    }
  }
  cells.sort((a, b) => a.x0 - b.x0);
  const values = valueLine.cells.filter((c) => c.x0 >= start);
  return { ...valueLine, cells: [...cells, ...values] };
}

/** Two cells are in the same column when they start together or one lies over the other. */
function overlaps(a: Cell, b: Cell, size: number): boolean {
  if (Math.abs(a.x0 - b.x0) <= size) return true;
  const inner = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
  return inner > 0.5 * Math.min(a.x1 - a.x0, b.x1 - b.x0);
}

// ---- value columns: blank cells kept in place -------------------------------------------

/**
 * A PDF prints nothing for a blank cell. The value lines of one table share their columns:
 * their numbers' x ranges, merged, give the columns, and a line missing one gets an empty
 * cell there. A table ends where a line reaches into the columns without being a value line
 * (a header, a caption, a heading, prose).
 */
function valueGrid(lines: readonly Line[], columnRules: (line: Line) => readonly VerticalRule[]): Map<Line, string[]> {
  const grid = new Map<Line, string[]>();
  let block: Line[] = [];
  let columns: Column[] = [];
  let headers: Line[] = [];
  const flush = () => {
    if (block.length > 0) fillBlock(block, columns, headerColumns(headers, block), grid, columnRules);
    block = [];
    columns = [];
  };
  for (const line of lines) {
    const start = valuesX(line);
    if (start !== undefined) {
      // A table continued on another page, or the next table, may place its columns elsewhere.
      if (!fits(valueCells(line), columns)) {
        flush();
        headers = [];
      }
      block.push(line);
      columns = addColumns(columns, valueCells(line));
      continue;
    }
    const left = Math.min(...block.map((l) => valuesX(l)!));
    if (block.length > 0 && Math.max(...line.cells.map((c) => c.x1)) > left) {
      flush();
      headers = [];
    }
    if (block.length === 0) headers = [...headers.slice(-5), line];
  }
  flush();
  return grid;
}

/**
 * The leaf column headers over a block of values (自然人, 商业企业 …, 总计), from the lines just
 * above it: the narrowest header cells in the value area that overlap no narrower one, so that
 * a header spanning several columns (法人或其他组织, 行政诉讼) and a header's wrapped second
 * line are left out.
 */
function headerColumns(headers: readonly Line[], block: readonly Line[]): Column[] {
  const left = Math.min(...block.map((l) => valuesX(l)!));
  const size = block[0]!.size;
  const cells = headers
    .flatMap((l) => l.cells)
    .filter((c) => c.x0 >= left - size)
    .sort((a, b) => a.x1 - a.x0 - (b.x1 - b.x0));
  const leaves: Column[] = [];
  for (const cell of cells) {
    if (leaves.some((leaf) => cell.x0 < leaf.x1 && cell.x1 > leaf.x0)) continue;
    leaves.push({ x0: cell.x0, x1: cell.x1 });
  }
  return leaves.sort((a, b) => a.x0 - b.x0);
}

interface Column {
  x0: number;
  x1: number;
}

function valueCells(line: Line): Cell[] {
  return line.cells.filter((c) => c.x0 >= valuesX(line)!);
}

function addColumns(columns: readonly Column[], cells: readonly Cell[]): Column[] {
  const merged: Column[] = [];
  for (const span of [...columns, ...cells].map((c) => ({ x0: c.x0, x1: c.x1 })).sort((a, b) => a.x0 - b.x0)) {
    const last = merged[merged.length - 1];
    if (last && span.x0 <= last.x1) last.x1 = Math.max(last.x1, span.x1);
    else merged.push(span);
  }
  return merged;
}

/** Each cell under one column of its own; cells under no column only as many as the block lacks. */
function fits(cells: readonly Cell[], columns: readonly Column[]): boolean {
  if (columns.length === 0) return true;
  const used = new Set<number>();
  let outside = 0;
  for (const cell of cells) {
    const hits = columns.flatMap((c, i) => (cell.x0 <= c.x1 && cell.x1 >= c.x0 ? [i] : []));
    if (hits.length > 1 || (hits.length === 1 && used.has(hits[0]!))) return false;
    if (hits.length === 0) outside++;
    else used.add(hits[0]!);
  }
  return outside <= Math.max(0, cells.length - columns.length);
}

function fillBlock(
  block: readonly Line[],
  columns: readonly Column[],
  headers: readonly Column[],
  grid: Map<Line, string[]>,
  columnRules: (line: Line) => readonly VerticalRule[],
): void {
  const byHeader = headers.length >= Math.max(...block.map((l) => valueCells(l).length)) ? headers : undefined;
  for (const line of block) {
    const own = valueCells(line);
    const labelCells = line.cells.filter((c) => c.x0 < valuesX(line)!);
    const labels = labelCells.map((c) => c.text);
    // Between the row's own column borders when the table has them; else under the headers
    // when every number has a header of its own, else under the columns the numbers
    // themselves line up in; failing all, as printed.
    const ruled = ruledColumns(line, labelCells, columnRules(line));
    const cells =
      (ruled && placeUnder(own, ruled, centreInside)) ??
      (byHeader && placeUnder(own, byHeader, nearestCentre)) ??
      placeUnder(own, columns, inside) ??
      own.map((c) => c.text);
    grid.set(line, [...labels, ...cells]);
  }
}

/** Borders closer than this (points) are one border drawn twice (two cells' edges). */
const SAME_BORDER = 1.5;

/**
 * The value columns of one row from the vertical borders crossing it: the spaces between
 * borders right of the row's label. A column blank in every row (科研机构 with no applicants)
 * leaves no figure to line up under, and narrow headers wrap into one another; the borders
 * still mark it.
 */
function ruledColumns(line: Line, labels: readonly Cell[], rules: readonly VerticalRule[]): Column[] | undefined {
  const middle = line.y + 0.35 * line.size;
  const xs: number[] = [];
  for (const x of rules.filter((r) => r.y0 - SAME_BORDER <= middle && r.y1 + SAME_BORDER >= middle).map((r) => r.x).sort((a, b) => a - b)) {
    if (xs.length === 0 || x - xs[xs.length - 1]! > SAME_BORDER) xs.push(x);
  }
  const labelEnd = Math.max(-Infinity, ...labels.map((c) => c.x1));
  const columns: Column[] = [];
  for (let i = 0; i + 1 < xs.length; i++) {
    // Narrower than a character: the spacing between two cells' own borders (cellspacing).
    if (xs[i]! >= labelEnd - SAME_BORDER && xs[i + 1]! - xs[i]! >= line.size) columns.push({ x0: xs[i]!, x1: xs[i + 1]! });
  }
  return columns.length > 0 ? columns : undefined;
}

function centreInside(cell: Cell, columns: readonly Column[]): number {
  const centre = (cell.x0 + cell.x1) / 2;
  return columns.findIndex((c) => centre > c.x0 && centre < c.x1);
}

function placeUnder(own: readonly Cell[], columns: readonly Column[], pick: (cell: Cell, columns: readonly Column[]) => number): string[] | undefined {
  const cells = columns.map(() => '');
  for (const cell of own) {
    const at = pick(cell, columns);
    if (at < 0 || cells[at]) return undefined;
    cells[at] = cell.text;
  }
  return cells;
}

function inside(cell: Cell, columns: readonly Column[]): number {
  return columns.findIndex((c) => cell.x0 >= c.x0 && cell.x1 <= c.x1);
}

/** The header whose centre is nearest the number's, if the number lies within its column's reach. */
function nearestCentre(cell: Cell, columns: readonly Column[]): number {
  const centre = (c: { x0: number; x1: number }) => (c.x0 + c.x1) / 2;
  let best = -1;
  columns.forEach((column, i) => {
    if (best < 0 || Math.abs(centre(column) - centre(cell)) < Math.abs(centre(columns[best]!) - centre(cell))) best = i;
  });
  if (best < 0) return -1;
  // Halfway to the neighbouring headers at most.
  const neighbours = [columns[best - 1], columns[best + 1]].filter((c): c is Column => c !== undefined);
  const reach = Math.min(...neighbours.map((n) => Math.abs(centre(n) - centre(columns[best]!)) / 2), Infinity);
  return Math.abs(centre(columns[best]!) - centre(cell)) <= reach ? best : -1;
}

// ---- prose: lines of one paragraph joined ------------------------------------------------

/**
 * Running text wraps at the right margin; a line that reaches it continues on the next line
 * unless that one is indented (a new paragraph) or starts a heading.
 */
function joinParagraphs(lines: readonly Line[], grid: ReadonlyMap<Line, string[]>): string[][] {
  const margins = textMargins(lines, grid);
  const out: string[][] = [];
  let previous: Line | undefined;
  for (const line of lines) {
    const cells = grid.get(line) ?? line.cells.map((c) => c.text);
    if (previous && continues(previous, line, margins, grid)) {
      const last = out[out.length - 1]!;
      const joint = /[A-Za-z0-9]$/.test(last[0]!) && /^[A-Za-z0-9]/.test(cells[0]!) ? ' ' : '';
      last[0] += joint + cells[0]!;
    } else {
      out.push([...cells]);
    }
    previous = line;
  }
  return out;
}

/**
 * Each page's text margins, from its running text (single-cell lines of ten characters or
 * more): the most common left edge, the rightmost right edge.
 */
function textMargins(lines: readonly Line[], grid: ReadonlyMap<Line, string[]>): Map<number, { left: number; right: number }> {
  const byPage = new Map<number, Cell[]>();
  for (const line of lines) {
    if (line.cells.length !== 1 || grid.has(line) || line.cells[0]!.text.length < 10) continue;
    byPage.set(line.page, [...(byPage.get(line.page) ?? []), line.cells[0]!]);
  }
  const margins = new Map<number, { left: number; right: number }>();
  for (const [page, cells] of byPage) {
    const lefts = new Map<number, number>();
    for (const c of cells) lefts.set(Math.round(c.x0), (lefts.get(Math.round(c.x0)) ?? 0) + 1);
    const left = [...lefts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
    margins.set(page, { left, right: Math.max(...cells.map((c) => c.x1)) });
  }
  return margins;
}

function continues(
  previous: Line,
  line: Line,
  margins: ReadonlyMap<number, { left: number; right: number }>,
  grid: ReadonlyMap<Line, string[]>,
): boolean {
  if (previous.cells.length !== 1 || line.cells.length !== 1 || grid.has(previous) || grid.has(line)) return false;
  if (Math.abs(previous.size - line.size) > 0.1 * line.size) return false;
  const before = margins.get(previous.page);
  const here = margins.get(line.page);
  if (!before || !here) return false;
  const full = previous.cells[0]!.x1 >= before.right - 1.5 * previous.size;
  const flush = Math.abs(line.cells[0]!.x0 - here.left) <= 0.5 * line.size;
  return full && flush && !HEADING.test(line.cells[0]!.text);
}
