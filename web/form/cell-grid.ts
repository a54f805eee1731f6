/**
 * The tables as the form lays them out: a grid of cells per table, in the official template's
 * orientation, and movement between cells the way a spreadsheet moves (arrows, Enter).
 * Table 四 is printed as one row of fifteen cells (行政复议 | 行政诉讼 × 2), so its grid is the
 * template's 3 × 5 rows and columns laid side by side.
 */
import { TEMPLATES, type TableDef, type TemplateId } from '../../functions/domain/report-template.js';
import { cellRefs, type CellRef } from '../../functions/domain/report.js';

export interface CellSlot {
  readonly ref: CellRef;
  /** computed by the form (总计 column, （七） row): read-only, skipped by the arrows */
  readonly computed: boolean;
}

export interface TableGrid {
  readonly table: TableDef;
  /** rows of cells as shown on screen */
  readonly rows: readonly (readonly CellSlot[])[];
  /** whether rows and columns of the template are laid out side by side (table 四) */
  readonly transposed: boolean;
}

export interface GridPosition {
  readonly grid: number;
  readonly row: number;
  readonly col: number;
}

/** Table 四 is printed as one wide row. */
export function isTransposed(table: TableDef): boolean {
  return table.path === 'appeals';
}

export function buildGrids(template: TemplateId): TableGrid[] {
  const refs = cellRefs(template);
  return TEMPLATES[template].tables.map((table) => {
    const slot = (rowId: string, columnId: string): CellSlot => {
      const ref = refs.find((r) => r.table === table && r.row.id === rowId && r.column.id === columnId)!;
      return { ref, computed: Boolean(ref.row.computed || ref.column.computed) };
    };
    const transposed = isTransposed(table);
    const rows = transposed
      ? [table.rows.flatMap((r) => table.columns.map((c) => slot(r.id, c.id)))]
      : table.rows.map((r) => table.columns.map((c) => slot(r.id, c.id)));
    return { table, rows, transposed };
  });
}

/** Where each cell path sits. */
export function positionsByPath(grids: readonly TableGrid[]): Map<string, GridPosition> {
  const positions = new Map<string, GridPosition>();
  grids.forEach((g, grid) =>
    g.rows.forEach((cells, row) => cells.forEach((s, col) => positions.set(s.ref.path, { grid, row, col }))),
  );
  return positions;
}

export type Move = 'up' | 'down' | 'left' | 'right';

function slotAt(grids: readonly TableGrid[], p: GridPosition): CellSlot | undefined {
  return grids[p.grid]?.rows[p.row]?.[p.col];
}

/**
 * The next editable cell from `from` in a direction, skipping computed cells. Up and down cross
 * into the table above or below (keeping the column where it exists); left and right wrap to
 * the previous or next row. Returns `from` at the very edge.
 */
export function moveFrom(grids: readonly TableGrid[], from: GridPosition, move: Move): GridPosition {
  let p = from;
  for (;;) {
    const next = step(grids, p, move);
    if (!next) return from;
    p = next;
    if (!slotAt(grids, p)?.computed) return p;
  }
}

function step(grids: readonly TableGrid[], p: GridPosition, move: Move): GridPosition | undefined {
  const grid = grids[p.grid];
  if (!grid) return undefined;
  const width = (row: number) => grid.rows[row]?.length ?? 0;
  switch (move) {
    case 'left':
      if (p.col > 0) return { ...p, col: p.col - 1 };
      if (p.row > 0) return { ...p, row: p.row - 1, col: width(p.row - 1) - 1 };
      return lastOf(grids, p.grid - 1);
    case 'right':
      if (p.col < width(p.row) - 1) return { ...p, col: p.col + 1 };
      if (p.row < grid.rows.length - 1) return { ...p, row: p.row + 1, col: 0 };
      return firstOf(grids, p.grid + 1);
    case 'up':
      if (p.row > 0) return { ...p, row: p.row - 1, col: Math.min(p.col, width(p.row - 1) - 1) };
      if (p.grid === 0) return undefined;
      return clampTo(grids, p.grid - 1, 'last', p.col);
    case 'down':
      if (p.row < grid.rows.length - 1) return { ...p, row: p.row + 1, col: Math.min(p.col, width(p.row + 1) - 1) };
      if (p.grid >= grids.length - 1) return undefined;
      return clampTo(grids, p.grid + 1, 'first', p.col);
  }
}

function clampTo(grids: readonly TableGrid[], grid: number, which: 'first' | 'last', col: number): GridPosition {
  const rows = grids[grid]!.rows;
  const row = which === 'first' ? 0 : rows.length - 1;
  return { grid, row, col: Math.min(col, (rows[row]?.length ?? 1) - 1) };
}

function firstOf(grids: readonly TableGrid[], grid: number): GridPosition | undefined {
  return grids[grid] ? { grid, row: 0, col: 0 } : undefined;
}

function lastOf(grids: readonly TableGrid[], grid: number): GridPosition | undefined {
  const g = grids[grid];
  if (!g) return undefined;
  const row = g.rows.length - 1;
  return { grid, row, col: (g.rows[row]?.length ?? 1) - 1 };
}

/**
 * Spreads a pasted block over the grid from `at`, as a spreadsheet does: block cell (i, j) goes
 * to (row + i, col + j) of the same table. Cells that land on computed slots are ignored (the
 * form computes them), those past the table's edge are counted as dropped.
 */
export function spreadBlock(
  grids: readonly TableGrid[],
  at: GridPosition,
  block: readonly (readonly string[])[],
): { writes: { path: string; text: string }[]; dropped: number } {
  const grid = grids[at.grid];
  const writes: { path: string; text: string }[] = [];
  let dropped = 0;
  block.forEach((cells, i) =>
    cells.forEach((text, j) => {
      const slot = grid?.rows[at.row + i]?.[at.col + j];
      if (!slot) dropped += 1;
      else if (!slot.computed) writes.push({ path: slot.ref.path, text });
    }),
  );
  return { writes, dropped };
}

/** The accessible name of a cell: the row's labels then the column's, as printed. */
export function cellName(ref: CellRef): string {
  const parts = [
    ...(ref.table.caption ? [ref.table.caption] : []),
    ...ref.row.groups,
    ref.row.label,
    ...ref.column.groups,
    ref.column.label,
  ];
  return parts.join(' ');
}
