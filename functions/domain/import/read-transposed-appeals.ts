/**
 * Table 四 printed with rows and columns swapped: one line per result (结果维持, 结果纠正,
 * 其他结果, 尚未审结, 总计), each with three values under 行政复议, 未经复议直接起诉 and 复议后起诉.
 */
import { setCell, type Report } from '../report.js';
import type { RowDef, TableDef } from '../report-template.js';
import { alignValues } from './align-values.js';
import { isBlankCell, parseCellValue } from './cell-value.js';
import { ImportError } from './import-error.js';
import { sectionName } from './sections.js';
import { printedCells, type SourceLine } from './source-line.js';
import { tableLabelIndex } from './table-labels.js';
import { splitSpacedValues } from './wrapped-labels.js';

/** Result lines needed before the table is taken as transposed (总计 may be left out). */
const MIN_RESULT_LINES = 4;

/** Reads a transposed 四; false (nothing set) when the lines are not laid out that way. */
export function readTransposedAppeals(report: Report, table: TableDef, lines: readonly SourceLine[]): boolean {
  const index = tableLabelIndex([table]);
  const results: { line: SourceLine; column: number; start: number }[] = [];
  let order: RowDef[] = [];
  for (const raw of lines) {
    const line = splitSpacedValues(raw);
    const first = line.cells.findIndex((c) => !isBlankCell(c));
    if (first < 0) continue;
    const target = index.find(line.cells[first]!);
    const rest = line.cells.slice(first + 1);
    if (target?.kind === 'column' && rest.some((c) => !isBlankCell(c) && index.find(c) === undefined)) {
      results.push({ line, column: target.index, start: first + 1 });
      continue;
    }
    // The header names the three groups in the order their values follow.
    if (results.length === 0) {
      const rows = line.cells.flatMap((c) => {
        const hit = isBlankCell(c) ? undefined : index.find(c);
        return hit?.kind === 'row' ? [hit.row] : [];
      });
      if (rows.length > 0) order = rows.length === table.rows.length ? rows : [...order, ...rows];
    }
  }
  if (new Set(results.map((r) => r.column)).size < MIN_RESULT_LINES) return false;
  const rows = new Set(order).size === table.rows.length ? order : table.rows;
  for (const { line, column, start } of results) {
    let alignment = alignValues(line.cells, start, rows.length);
    const printed = alignment.ok ? undefined : printedCells(line, start);
    if (printed) alignment = alignValues(printed.cells, printed.start, rows.length);
    if (!alignment.ok) {
      const actual = alignment.found < rows.length ? `实际只有${alignment.found}个` : `实际有${alignment.found}个`;
      throw new ImportError(
        `第${line.no}行（${sectionName('appeals')}，${table.columns[column]!.label}）：应有${rows.length}个数值，${actual}`,
        { line: line.no, section: 'appeals' },
      );
    }
    rows.forEach((row, i) => setCell(report, table, row, table.columns[column]!, parseCellValue(alignment.values[i]!)));
  }
  return true;
}
