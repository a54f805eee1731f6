import { isBlankCell } from './cell-value.js';

export type Alignment =
  | { readonly ok: true; readonly values: readonly string[] }
  | { readonly ok: false; readonly found: number };

/**
 * Picks a row's `count` values out of the cells after its label.
 *
 * Exported tables pad rows with empty cells at either end, and not consistently: in the
 * reference, "一、本年新收…" has one empty cell before its values and one after, "（七）总计"
 * two after, "1.属于国家秘密" none. A blank value is an empty cell too, so:
 * 0. no filled cell → all blank (a row printed with its label only);
 * 1. fewer cells than `count` → too few values;
 * 2. every window of `count` consecutive cells with only empty cells outside it is a candidate;
 *    none → too many values;
 * 3. one candidate → it; several (a blank value at the window's edge) → the one whose first
 *    value sits at `expectedStart`, the column where the table's header puts the first value
 *    column, or failing that the nearest to it, else the earliest.
 */
export function alignValues(
  cells: readonly string[],
  start: number,
  count: number,
  expectedStart?: number,
): Alignment {
  const region = cells.slice(start);
  const filled = region.map((c) => !isBlankCell(c));
  const first = filled.indexOf(true);
  const last = filled.lastIndexOf(true);
  if (first === -1) return { ok: true, values: Array.from({ length: count }, () => '') };
  if (region.length < count) return { ok: false, found: region.length };
  if (last - first + 1 > count) return { ok: false, found: last - first + 1 };
  // Candidate offsets keep every filled cell inside the window.
  const lowest = Math.max(0, last - count + 1);
  const highest = Math.min(first, region.length - count);
  let best = lowest;
  if (expectedStart !== undefined) {
    let bestDistance = Infinity;
    for (let offset = lowest; offset <= highest; offset++) {
      const distance = Math.abs(start + offset - expectedStart);
      if (distance < bestDistance) {
        best = offset;
        bestDistance = distance;
      }
    }
  }
  return { ok: true, values: region.slice(best, best + count) };
}
