/**
 * Row labels as PDF text layers print them: wrapped over two or three lines, group labels
 * printed one character per line beside them, values on a line of their own before, between
 * or after the label's pieces, values separated by spaces.
 */
import { isBlankCell, isNumericCell, isValueCell } from './cell-value.js';
import { MAX_LABEL_LENGTH, type LabelIndex } from './label-match.js';
import type { SourceLine } from './source-line.js';
import type { LabelTarget } from './table-labels.js';

type RowTarget = Extract<LabelTarget, { kind: 'row' }>;

/**
 * "一、本年新收政府信息公开申请数量 3001 53 0 0 61 4 3119" → the label and seven cells. Only
 * a line that is one cell (no tabs) is split, and only its trailing numbers.
 */
export function splitSpacedValues(line: SourceLine): SourceLine {
  const filled = line.cells.filter((c) => !isBlankCell(c));
  if (filled.length > 1) return splitLabelValues(line);
  if (filled.length !== 1) return line;
  const tokens = filled[0]!.trim().split(/\s+/);
  let first = tokens.length;
  while (first > 0 && isValueCell(tokens[first - 1]!)) first--;
  if (first === tokens.length || tokens.length === 1 || !tokens.slice(first).some(isNumericCell)) return line;
  const label = tokens.slice(0, first).join(' ');
  return { no: line.no, cells: label ? [label, ...tokens.slice(first)] : tokens.slice(first) };
}

/**
 * A long label set close to its first value in a PDF shares a cell with it:
 * "其他对外管理服务事项 0 | 0 | 0" → "其他对外管理服务事项 | 0 | 0 | 0". Only the cell just before
 * the row's values is split, and only numbers after a space.
 */
function splitLabelValues(line: SourceLine): SourceLine {
  const start = valueStart(line.cells);
  if (start <= 0) return line;
  const cell = line.cells[start - 1]!;
  const tokens = cell.trim().split(/\s+/);
  let first = tokens.length;
  while (first > 1 && isValueCell(tokens[first - 1]!)) first--;
  if (first === tokens.length || isValueCell(tokens[first - 1]!)) return line;
  const cells = [...line.cells.slice(0, start - 1), tokens.slice(0, first).join(' '), ...tokens.slice(first), ...line.cells.slice(start)];
  return { no: line.no, cells };
}

/** Where the trailing run of value cells (numbers, blanks, dashes; at least one number) begins; -1 if none. */
export function valueStart(cells: readonly string[]): number {
  let start = cells.length;
  while (start > 0 && isValueCell(cells[start - 1]!)) start--;
  return cells.slice(start).some(isNumericCell) ? start : -1;
}

/** The words of label cells: cells split on spaces ("社 会 公 益" is letter-spaced, not four labels). */
export function labelPieces(cells: readonly string[]): string[] {
  return cells.flatMap((c) => c.trim().split(/\s+/)).filter(Boolean);
}

export interface WrappedMatch {
  readonly target: RowTarget;
  /** lines after the value line that held the label's end */
  readonly consumed: number;
}

/** The label pieces seen since the last row, and the search for a row label among them. */
export class WrappedLabels {
  private pieces: string[] = [];

  constructor(private readonly index: LabelIndex<LabelTarget>) {}

  add(cells: readonly string[]): void {
    this.pieces.push(...labelPieces(cells));
  }

  clear(): void {
    this.pieces = [];
  }

  /**
   * The row whose label is the value line's own words, extended backwards over the pieces
   * before it and then forwards over the label lines after it. The shortest extension wins,
   * so that a group label printed above (（三）不 / 予公开) or a column header never joins.
   */
  find(own: readonly string[], after: readonly (readonly string[])[]): WrappedMatch | undefined {
    for (let consumed = 0; consumed <= after.length; consumed++) {
      const tail = after.slice(0, consumed).flat();
      if (consumed > 0 && tail.length === 0) break;
      for (let back = 0; back <= this.pieces.length; back++) {
        const before = this.pieces.slice(this.pieces.length - back);
        if (before.join('').length > MAX_LABEL_LENGTH) break;
        // The value line's own words, longest first: "（四）无 1.本机关不掌握…" is the row
        // 1.本机关…, and "他处理 求缴纳费用…" continues "2、申请人逾期…" above it.
        for (let start = 0; start < Math.max(own.length, 1); start++) {
          const hit = this.row([...before, ...own.slice(start), ...tail]);
          if (hit) return { target: hit, consumed };
        }
      }
    }
    return undefined;
  }

  private row(words: readonly string[]): RowTarget | undefined {
    if (words.length === 0) return undefined;
    const target = this.index.find(words.join(' '));
    return target?.kind === 'row' ? target : undefined;
  }
}
