/**
 * Reads tables whose rows carry their label (二's sub-tables, 三): each line is matched to a
 * row by its label cells, and the values after them are aligned to the table's columns.
 *
 * Text taken from PDFs breaks rows apart: a label wrapped over two or three lines, its values
 * on the line before, between or after the pieces, values separated by spaces instead of tabs.
 * A line of values with no label of its own is therefore given the label pieces around it
 * (see wrapped-labels.ts).
 */
import { setCell, type Report } from '../report.js';
import type { SectionId, TableDef } from '../report-template.js';
import { alignValues, type Alignment } from './align-values.js';
import { isBlankCell, isNumericCell, parseCellValue } from './cell-value.js';
import { ImportError } from './import-error.js';
import type { LabelIndex } from './label-match.js';
import { printedCells, type SourceLine } from './source-line.js';
import type { LabelTarget } from './table-labels.js';
import { labelPieces, splitSpacedValues, valueStart, WrappedLabels } from './wrapped-labels.js';

export interface LabelledRowsResult {
  /** lines recognised as rows of the tables, blank or not */
  readonly rows: number;
  /** of those, rows with at least one non-blank value */
  readonly filledRows: number;
}

type RowTarget = Extract<LabelTarget, { kind: 'row' }>;

const MAX_FOLLOWING_LINES = 8;

export function readLabelledRows(
  report: Report,
  lines: readonly SourceLine[],
  index: LabelIndex<LabelTarget>,
  section: SectionId,
  options: {
    rejectUnknownRows: boolean;
    /**
     * The table prints one column more than the template, at this index of a row's values (a
     * 小计 of 法人或其他组织 before 总计): a row with one value too many drops it. The template's
     * 总计 is checked by the rules; the printed subtotal adds nothing the model holds.
     */
    extraColumnAt?: number;
  },
): LabelledRowsResult {
  let rows = 0;
  let filledRows = 0;
  let expectedStart: number | undefined;
  const seen = new Map<string, number>();
  const wrapped = new WrappedLabels(index);

  const store = (line: SourceLine, target: RowTarget, valueCells: readonly string[], start: number) => {
    const { table, row } = target;
    rows++;
    const extra = options.extraColumnAt;
    const align = (cells: readonly string[], from: number, expected?: number): Alignment => {
      if (extra !== undefined) {
        // With the extra column a row is one value wider; a row too narrow for it (a PDF line
        // that left its blanks out) is read at the template's width.
        const wide = alignValues(cells, from, table.columns.length + 1, expected);
        if (wide.ok) return { ok: true, values: wide.values.filter((_, i) => i !== extra) };
      }
      return alignValues(cells, from, table.columns.length, expected);
    };
    let alignment = align(valueCells, start, expectedStart);
    const printed = alignment.ok ? undefined : printedCells(line, start);
    if (printed) {
      const retry = align(printed.cells, printed.start);
      if (retry.ok) alignment = retry;
    }
    if (!alignment.ok) throw wrongCount(line, row.label, table, alignment.found, section);
    if (alignment.values.every(isBlankCell)) return;
    filledRows++;
    const key = `${table.path}.${row.id}`;
    const previous = seen.get(key);
    if (previous !== undefined) {
      throw new ImportError(`第${line.no}行：“${row.label}”一行重复出现（已见于第${previous}行）`, {
        line: line.no,
        section,
      });
    }
    seen.set(key, line.no);
    table.columns.forEach((column, i) => setCell(report, table, row, column, parseCellValue(alignment.values[i]!)));
  };

  for (let i = 0; i < lines.length; i++) {
    const line = splitSpacedValues(lines[i]!);
    const targets = closeLabels(line, line.cells.map((cell) => index.find(cell)), index);
    const rowAt = findLastIndex(targets, (t) => t?.kind === 'row');
    const columns = targets.flatMap((t, position) => (t?.kind === 'column' ? [position - t.index] : []));
    if (columns.length > 0 && rowAt < 0) {
      // A header line: remember where it puts the first value column.
      expectedStart = mostCommon(columns);
      wrapped.clear();
      continue;
    }
    const labelEnd = findLastIndex(targets, (t) => t !== undefined);
    const target = targets[rowAt];
    if (target?.kind === 'row') {
      if (labelEnd === line.cells.length - 1 && line.cells.filter((c) => !isBlankCell(c)).length === 1) {
        // A label alone on its line: blank, unless a line of values without a label follows.
        rows++;
        wrapped.add(line.cells);
        continue;
      }
      wrapped.clear();
      store(line, target, line.cells, labelEnd + 1);
      continue;
    }
    const start = valueStart(line.cells);
    if (start < 0) {
      wrapped.add(line.cells);
      continue;
    }
    // Values without a label we know: the label may be wrapped around them.
    const found = wrapped.find(labelPieces(line.cells.slice(0, start)), following(lines, i + 1, index));
    if (!found) {
      wrapped.clear();
      if (options.rejectUnknownRows) rejectUnknownRow(line, Math.max(labelEnd, start - 1), section);
      continue;
    }
    i += found.consumed;
    wrapped.clear();
    store(line, found.target, line.cells, start);
  }
  return { rows, filledRows };
}

/**
 * A row of figures whose label is known to no row, read as the one row whose label differs by
 * a character (a typo), so that it is neither refused nor lost.
 */
function closeLabels(line: SourceLine, targets: (LabelTarget | undefined)[], index: LabelIndex<LabelTarget>): (LabelTarget | undefined)[] {
  if (targets.some((t) => t?.kind === 'row')) return targets;
  const start = valueStart(line.cells);
  if (start <= 0) return targets;
  return targets.map((t, i) => {
    if (i >= start || isBlankCell(line.cells[i]!)) return t;
    const close = index.findClose(line.cells[i]!);
    return close?.kind === 'row' ? close : t;
  });
}

/**
 * Lines after `from` that could end a wrapped label: no values, no row of their own. A label
 * printed three characters a line in a narrow column, and continued on the next page, runs to
 * several lines.
 */
function following(lines: readonly SourceLine[], from: number, index: LabelIndex<LabelTarget>): string[][] {
  const result: string[][] = [];
  for (let i = from; i < lines.length && result.length < MAX_FOLLOWING_LINES; i++) {
    const line = splitSpacedValues(lines[i]!);
    if (valueStart(line.cells) >= 0) break;
    if (line.cells.some((cell) => index.find(cell) !== undefined)) break;
    const pieces = labelPieces(line.cells);
    if (pieces.length === 0) break;
    result.push(pieces);
  }
  return result;
}

/** A line with numbers but no row we know would be data silently lost. */
function rejectUnknownRow(line: SourceLine, labelEnd: number, section: SectionId): void {
  if (line.cells.filter((c) => !isBlankCell(c)).length < 2) return;
  if (!line.cells.slice(labelEnd + 1).some(isNumericCell)) return;
  const label = line.cells.find((c) => !isBlankCell(c) && !isNumericCell(c));
  const message = label
    ? `第${line.no}行：无法识别的表格行“${label.trim()}”`
    : `第${line.no}行：表格行缺少行标题`;
  throw new ImportError(message, { line: line.no, section });
}

export function wrongCount(line: SourceLine, label: string, table: TableDef, found: number, section: SectionId): ImportError {
  const expected = table.columns.length;
  const actual = found < expected ? `实际只有${found}个` : `实际有${found}个`;
  return new ImportError(`第${line.no}行（${label}）：应有${expected}个数值，${actual}`, { line: line.no, section });
}

function mostCommon(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [value, count] of counts) if (count > (counts.get(best) ?? 0)) best = value;
  return best;
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
