/**
 * The horizontal lines a page draws (table borders, as thin filled rectangles, stroked lines
 * or the edges of stroked rectangles), from PDF.js's operator list. They tell table rows
 * apart where text positions alone cannot: a label wrapped under top-aligned values, a row
 * printed blank.
 */

export interface Rule {
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/** A vertical line: a column border of a table. */
export interface VerticalRule {
  readonly x: number;
  readonly y0: number;
  readonly y1: number;
}

export interface RulingLines {
  readonly horizontal: Rule[];
  readonly vertical: VerticalRule[];
}

/** The operator codes this reader needs, from PDF.js's OPS. */
export interface PathOps {
  readonly save: number;
  readonly restore: number;
  readonly transform: number;
  readonly constructPath: number;
  readonly stroke: number;
  readonly closeStroke: number;
}

type Matrix = [number, number, number, number, number, number];

const THIN = 2.5;
const MIN_RULE = 8;
// PDF.js path data: an op code, then its coordinates.
const MOVE_TO = 0;
const LINE_TO = 1;
const CURVE_TO = 2;
const QUADRATIC_TO = 3;
const CLOSE = 4;
const ARITY: Record<number, number> = { [MOVE_TO]: 2, [LINE_TO]: 2, [CURVE_TO]: 6, [QUADRATIC_TO]: 4, [CLOSE]: 0 };

function multiply(m: Matrix, n: Matrix): Matrix {
  return [
    m[0] * n[0] + m[1] * n[2],
    m[0] * n[1] + m[1] * n[3],
    m[2] * n[0] + m[3] * n[2],
    m[2] * n[1] + m[3] * n[3],
    m[4] * n[0] + m[5] * n[2] + n[4],
    m[4] * n[1] + m[5] * n[3] + n[5],
  ];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

export function horizontalRules(fnArray: readonly number[], argsArray: readonly unknown[], ops: PathOps): Rule[] {
  return rulingLines(fnArray, argsArray, ops).horizontal;
}

/** Horizontal and vertical lines both: rows and columns of the page's tables. */
export function rulingLines(fnArray: readonly number[], argsArray: readonly unknown[], ops: PathOps): RulingLines {
  const rules: RulingLines = { horizontal: [], vertical: [] };
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore) ctm = stack.pop() ?? ctm;
    else if (fn === ops.transform && args) ctm = multiply(args as Matrix, ctm);
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const stroked = paint === ops.stroke || paint === ops.closeStroke;
      const data = (args[1] as ArrayLike<number>[] | undefined)?.[0];
      if (data) for (const box of subpathBoxes(data, ctm)) addRules(rules, box, stroked);
    }
  }
  return rules;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

function subpathBoxes(data: ArrayLike<number>, ctm: Matrix): Box[] {
  const boxes: Box[] = [];
  let box: Box | undefined;
  for (let i = 0; i < data.length; ) {
    const op = data[i]!;
    const arity = ARITY[op];
    if (arity === undefined) break;
    if (op === MOVE_TO) {
      box = { x0: Infinity, x1: -Infinity, y0: Infinity, y1: -Infinity };
      boxes.push(box);
    }
    for (let k = 0; k < arity; k += 2) {
      const [x, y] = apply(ctm, data[i + 1 + k]!, data[i + 2 + k]!);
      if (!box) boxes.push((box = { x0: x, x1: x, y0: y, y1: y }));
      box.x0 = Math.min(box.x0, x);
      box.x1 = Math.max(box.x1, x);
      box.y0 = Math.min(box.y0, y);
      box.y1 = Math.max(box.y1, y);
    }
    i += 1 + arity;
  }
  return boxes.filter((b) => Number.isFinite(b.x0));
}

function addRules(rules: RulingLines, box: Box, stroked: boolean): void {
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  if (width <= THIN && height >= MIN_RULE) {
    rules.vertical.push({ x: (box.x0 + box.x1) / 2, y0: box.y0, y1: box.y1 });
    return;
  }
  if (width < MIN_RULE) return;
  if (height <= THIN) rules.horizontal.push({ x0: box.x0, x1: box.x1, y: (box.y0 + box.y1) / 2 });
  else if (stroked) {
    // A stroked rectangle: a cell's border.
    rules.horizontal.push({ x0: box.x0, x1: box.x1, y: box.y0 }, { x0: box.x0, x1: box.x1, y: box.y1 });
    if (height >= MIN_RULE) rules.vertical.push({ x: box.x0, y0: box.y0, y1: box.y1 }, { x: box.x1, y0: box.y0, y1: box.y1 });
  }
}
