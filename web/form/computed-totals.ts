/**
 * The cells the form computes as the filer types: the 总计 column of 三 and 四 and the （七）总计
 * row of 三. A part that is blank or not a number counts as 0 here; that part carries its own
 * `required.missing` or `number.format` finding, so the total stays quiet rather than echoing it.
 */
import { TEMPLATES, resultRows, type TableDef } from '../../functions/domain/report-template.js';
import { tableData, type Cell, type Report, type TableData } from '../../functions/domain/report.js';

const asNumber = (cell: Cell | undefined): number => (typeof cell === 'number' && Number.isFinite(cell) ? cell : 0);

/** Sums without float noise (0.1 + 0.2), to six decimals like the printed tables. */
function sum(cells: readonly (Cell | undefined)[]): number {
  const total = cells.reduce<number>((s, c) => s + asNumber(c), 0);
  return Number(total.toFixed(6));
}

function fillColumnTotals(table: TableDef, data: TableData): void {
  const total = table.columns.find((c) => c.computed);
  if (!total) return;
  const parts = table.columns.filter((c) => !c.computed);
  for (const row of table.rows) {
    const cells = data[row.id];
    if (cells) cells[total.id] = sum(parts.map((c) => cells[c.id]));
  }
}

function fillResultsTotal(table: TableDef, data: TableData): void {
  const totalRow = table.rows.find((r) => r.computed);
  const target = totalRow ? data[totalRow.id] : undefined;
  if (!target) return;
  const leaves = resultRows(table);
  for (const column of table.columns) target[column.id] = sum(leaves.map((r) => data[r.id]?.[column.id]));
}

/** Recomputes every computed cell of the report, in place. */
export function fillComputedCells(report: Report): void {
  for (const table of TEMPLATES[report.template].tables) {
    const data = tableData(report, table);
    if (table.path === 'applications') {
      // The row first, then the column: （七）'s own 总计 is then the sum of its six parts.
      fillResultsTotal(table, data);
      fillColumnTotals(table, data);
    } else if (table.path === 'appeals') {
      fillColumnTotals(table, data);
    }
  }
}
