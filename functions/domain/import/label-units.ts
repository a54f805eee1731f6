/**
 * Units printed in a table's header or row label rather than in the cell: `本年收费金额（单位：元）`
 * over `75394432.52`, or a row `政府集中采购（元）`. The unit is attached to the plain numbers it
 * governs, so the cell reader converts them to 万元 like `75394432.52元`.
 */
import { unitInLabel, type AmountUnit } from './amount.js';
import { isNumericCell } from './cell-value.js';
import type { SourceLine } from './source-line.js';

const PLAIN_NUMBER = /^[\s\d０-９.．,，+\-－]+$/;

interface HeaderUnits {
  readonly byColumn: ReadonlyMap<number, AmountUnit>;
  /** the unit of the header's last cell, for rows padded differently from their header */
  readonly last: AmountUnit | undefined;
}

export function applyLabelUnits(lines: readonly SourceLine[]): SourceLine[] {
  let header: HeaderUnits | undefined;
  return lines.map((line) => {
    const filled = line.cells.flatMap((c, i) => (c.trim() ? [i] : []));
    // A heading, caption or paragraph starts another table.
    if (filled.length <= 1) {
      header = undefined;
      return line;
    }
    const units = new Map<number, AmountUnit>();
    for (const i of filled) {
      const unit = isNumericCell(line.cells[i]!) ? undefined : unitInLabel(line.cells[i]!);
      if (unit) units.set(i, unit);
    }
    const numbers = filled.filter((i) => isNumericCell(line.cells[i]!));
    if (numbers.length === 0) {
      if (units.size > 0) header = { byColumn: units, last: units.get(filled[filled.length - 1]!) };
      return line;
    }
    const rowUnit = [...units.values()][0];
    const lastNumber = numbers[numbers.length - 1];
    const cells = line.cells.map((cell, i) => {
      if (!numbers.includes(i) || !PLAIN_NUMBER.test(cell)) return cell;
      const unit = rowUnit ?? headerUnit(header, i, i === lastNumber);
      return unit && unit !== '万元' ? `${cell.trim()}${unit}` : cell;
    });
    return { ...line, cells };
  });
}

/**
 * The header's unit for a value. A unit in the header's last column governs the row's last
 * value, however the row is padded; any other unit governs its own column.
 */
function headerUnit(header: HeaderUnits | undefined, column: number, isLast: boolean): AmountUnit | undefined {
  if (!header) return undefined;
  if (header.last) return isLast ? header.last : undefined;
  return header.byColumn.get(column);
}
