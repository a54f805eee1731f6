/** Reading rendered pages back as a DOM (htmlparser2), and the HTML table layout algorithm. */
import { DomUtils, parseDocument } from 'htmlparser2';

export type Doc = ReturnType<typeof parseDocument>;
export type Element = ReturnType<typeof DomUtils.findAll>[number];

export const parse = (html: string): Doc => parseDocument(html);

export function elements(root: Doc | Element, name?: string): Element[] {
  return DomUtils.findAll((e) => name === undefined || e.name === name, [root]);
}

export function text(node: Element): string {
  return DomUtils.textContent(node);
}

export function attr(node: Element, name: string): string | undefined {
  return DomUtils.getAttributeValue(node, name);
}

export interface GridCell {
  readonly element: Element;
  readonly row: number;
  readonly column: number;
  readonly inHead: boolean;
}

/**
 * Places a table's cells on a grid as a browser does (rowspan/colspan), so a data cell's
 * headers can be read off the column above it and the row before it.
 */
export function tableGrid(table: Element): { cells: GridCell[]; at: (r: number, c: number) => GridCell | undefined } {
  const rows = elements(table, 'tr');
  const occupied = new Map<string, GridCell>();
  const cells: GridCell[] = [];
  rows.forEach((tr, r) => {
    const inHead = tr.parent !== null && (tr.parent as Element).name === 'thead';
    let c = 0;
    for (const cell of tr.children.filter((n): n is Element => 'name' in n && (n.name === 'td' || n.name === 'th'))) {
      while (occupied.has(`${r},${c}`)) c++;
      const rowspan = Number(attr(cell, 'rowspan') ?? 1);
      const colspan = Number(attr(cell, 'colspan') ?? 1);
      const placed = { element: cell, row: r, column: c, inHead };
      cells.push(placed);
      for (let i = 0; i < rowspan; i++) for (let j = 0; j < colspan; j++) occupied.set(`${r + i},${c + j}`, placed);
      c += colspan;
    }
  });
  return { cells, at: (r, c) => occupied.get(`${r},${c}`) };
}
