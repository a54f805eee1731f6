/**
 * A table's cells read once into a flat array of numbers, NaN where a cell holds no finite
 * number (blank, text). The arithmetic rules add and compare these instead of looking each
 * cell up by its row and column ids again (a lookup per cell per rule was most of the cost of a
 * validation). NaN carries through a sum, so "a cell is not a number" needs no separate check.
 */
import type { TableData } from '../report.js';
import type { TableDef } from '../report-template.js';

export interface Grid {
  readonly def: TableDef;
  /** columns per row */
  readonly width: number;
  /** row-major: row i, column j at i * width + j (a plain array: a typed array costs more to allocate than to fill) */
  readonly values: readonly number[];
}

interface GridIndex {
  readonly rows: ReadonlyMap<string, number>;
  readonly columns: ReadonlyMap<string, number>;
}

const indexes = new WeakMap<TableDef, GridIndex>();

function indexOf(def: TableDef): GridIndex {
  let index = indexes.get(def);
  if (!index) {
    index = {
      rows: new Map(def.rows.map((r, i) => [r.id, i])),
      columns: new Map(def.columns.map((c, j) => [c.id, j])),
    };
    indexes.set(def, index);
  }
  return index;
}

/** the position of a row in the table's grid (-1 when the template has no such row) */
export function rowIndex(def: TableDef, id: string): number {
  return indexOf(def).rows.get(id) ?? -1;
}

export function columnIndex(def: TableDef, id: string): number {
  return indexOf(def).columns.get(id) ?? -1;
}

const lists = new WeakMap<TableDef, Map<string, readonly number[]>>();

/** positions the rules compute from a table's definition, kept per table under a name */
export function indexesOf(def: TableDef, name: string, compute: () => readonly number[]): readonly number[] {
  let named = lists.get(def);
  if (!named) lists.set(def, (named = new Map()));
  let list = named.get(name);
  if (!list) named.set(name, (list = compute()));
  return list;
}

/**
 * Reads `data` along the rows and columns of `def` (last year's data is read along this year's
 * table). A row whose keys come in the table's column order (every report parsed by the Report
 * schema) is read by walking its keys, which cost a third less than looking each column's id up
 * in it; any other row (keys in another order, missing or extra) is read by id.
 */
export function readGrid(def: TableDef, data: TableData): Grid {
  const columns = def.columns;
  const rows = def.rows;
  const width = columns.length;
  // every cell is written below: made at its size, it never grows (a third faster for table 三)
  const values: number[] = new Array<number>(rows.length * width);
  let k = 0;
  for (let i = 0; i < rows.length; i++) {
    const cells = data[rows[i]!.id];
    let j = 0;
    if (cells) {
      for (const key in cells) {
        if (j === width || key !== columns[j]!.id) {
          j = -1;
          break;
        }
        values[k + j] = gridNumber(cells[key]);
        j++;
      }
    }
    if (j !== width) {
      for (let c = 0; c < width; c++) values[k + c] = gridNumber(cells?.[columns[c]!.id]);
    }
    k += width;
  }
  return { def, width, values };
}

/** a cell as the grid holds it: its number, NaN when blank or not a finite number */
function gridNumber(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : NaN;
}

/** the number in a row and column given by ids; NaN when blank, not a number, or not in the table */
export function gridValue(grid: Grid, rowId: string, columnId: string): number {
  const i = rowIndex(grid.def, rowId);
  const j = columnIndex(grid.def, columnId);
  return i < 0 || j < 0 ? NaN : grid.values[i * grid.width + j]!;
}

/** NaN → undefined, for the findings' figures */
export function defined(n: number): number | undefined {
  return Number.isNaN(n) ? undefined : n;
}
