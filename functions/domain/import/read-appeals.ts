/**
 * Table 四 is printed as header lines and ONE line of 15 values: 行政复议, 未经复议直接起诉,
 * 复议后起诉, each 结果维持 / 结果纠正 / 其他结果 / 尚未审结 / 总计. Reports that print one
 * labelled line per group are read as labelled rows instead, and a table printed with rows and
 * columns swapped by read-transposed-appeals.ts.
 */
import { setCell, type Report } from '../report.js';
import type { TableDef } from '../report-template.js';
import { alignValues } from './align-values.js';
import { isBlankCell, isNumericCell, parseCellValue } from './cell-value.js';
import { ImportError } from './import-error.js';
import { normaliseLabel } from './label-match.js';
import { readLabelledRows } from './read-labelled-rows.js';
import { readTransposedAppeals } from './read-transposed-appeals.js';
import { sectionName } from './sections.js';
import { printedCells, type SourceLine } from './source-line.js';
import { tableLabelIndex } from './table-labels.js';

/** Words only the header cells of 四 contain. */
const HEADER_WORDS = ['行政复议', '行政诉讼', '维持', '纠正', '结果', '审结', '总计', '起诉'];

function isHeaderCell(cell: string): boolean {
  const label = normaliseLabel(cell);
  return HEADER_WORDS.some((w) => label.includes(w));
}

/** A line of exactly `width` numbers separated by spaces instead of tabs, read as cells. */
function spaceSeparated(line: SourceLine, width: number): SourceLine | undefined {
  if (line.cells.length !== 1) return undefined;
  const tokens = line.cells[0]!.trim().split(/\s+/);
  if (tokens.length !== width || !tokens.every((t) => /^-?[\d０-９][\d０-９.,]*$/.test(t))) return undefined;
  return { ...line, cells: tokens };
}

/** The table's column headers, whole or wrapped (结果 / 维持): every result column is named. */
function printsHeaders(lines: readonly SourceLine[]): boolean {
  const text = normaliseLabel(lines.map((l) => l.cells.join('')).join(''));
  return ['行政复议', '行政诉讼'].every((w) => text.includes(w)) && ['维持', '纠正', '审结'].every((w) => text.includes(w));
}

/** The cells of a row as printed: a cell merged over several columns once. */
function printed(line: SourceLine): readonly string[] {
  return printedCells(line, 0)?.cells ?? line.cells;
}

/**
 * 行政复议 (one group of values) and 行政诉讼 (two groups) as two tables whose value rows are
 * padded or merged differently: each row aligned to its own width, then joined.
 */
function twoTables(numberLines: readonly SourceLine[], group: number, width: number): string[] | undefined {
  const [first, second] = numberLines;
  if (!first || !second) return undefined;
  for (const [a, b] of [[group, width - group], [width - group, group]] as const) {
    const one = alignValues(printed(first), 0, a);
    const two = alignValues(printed(second), 0, b);
    if (one.ok && two.ok) return [...one.values, ...two.values];
  }
  return undefined;
}

export function readAppeals(report: Report, table: TableDef, lines: readonly SourceLine[]): void {
  if (readTransposedAppeals(report, table, lines)) return;
  const width = table.rows.length * table.columns.length;
  // The value line has cells (a tab) and no header words; prose lines have a single cell. A
  // line of empty cells as wide as the table is a table left blank.
  const candidates = lines
    .map((l) => spaceSeparated(l, width) ?? l)
    .filter((l) => l.cells.length >= 2 && !l.cells.some(isHeaderCell));
  // Mostly numbers first: a header wrapped in narrow columns leaves lines such as "持 正 果 结".
  const mostlyNumbers = (l: SourceLine) => {
    const filled = l.cells.filter((c) => !isBlankCell(c));
    return filled.length > 0 && filled.filter(isNumericCell).length * 2 >= filled.length;
  };
  const numberLines = candidates.filter(mostlyNumbers);
  const found =
    numberLines[0] ??
    candidates.find((l) => l.cells.some((c) => !isBlankCell(c))) ??
    candidates.find((l) => l.cells.length >= width);
  // 行政复议 and 行政诉讼 printed as two tables (5 values, then 10), or a value line wrapped:
  // the lines of numbers are read one after the other until the table's width is reached.
  let valueLine = found;
  if (found && found === numberLines[0]) {
    let cells = found.cells;
    for (const next of numberLines.slice(1)) {
      if (cells.length >= width) break;
      cells = [...cells, ...next.cells];
    }
    valueLine = cells === found.cells ? found : { no: found.no, cells };
    const split = twoTables(numberLines, table.columns.length, width);
    if (split && !alignValues(cells, 0, width, 0).ok) valueLine = { no: found.no, cells: split };
  }
  if (!valueLine) {
    const index = tableLabelIndex([table]);
    const { filledRows } = readLabelledRows(report, lines, index, 'appeals', { rejectUnknownRows: false });
    // A PDF prints nothing for a table left blank: its headers alone show it is there.
    if (filledRows === 0 && !printsHeaders(lines)) throw new ImportError(`${sectionName('appeals')}未找到表格`, { section: 'appeals' });
    return;
  }
  let alignment = alignValues(valueLine.cells, 0, width, 0);
  // A sheet whose columns other tables set: each value merged over a few of them.
  if (!alignment.ok && valueLine.continued) {
    const retry = alignValues(printed(valueLine), 0, width, 0);
    if (retry.ok) alignment = retry;
  }
  if (!alignment.ok) {
    const actual = alignment.found < width ? `实际只有${alignment.found}个` : `实际有${alignment.found}个`;
    throw new ImportError(`第${valueLine.no}行（${sectionName('appeals')}）：应有${width}个数值，${actual}`, {
      line: valueLine.no,
      section: 'appeals',
    });
  }
  table.rows.forEach((row, r) =>
    table.columns.forEach((column, c) =>
      setCell(report, table, row, column, parseCellValue(alignment.values[r * table.columns.length + c]!)),
    ),
  );
}
