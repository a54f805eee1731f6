/**
 * Reading a block copied from Excel or WPS: rows end in a newline, cells are separated by
 * tabs, and a cell that holds a tab, a newline or a quote comes wrapped in double quotes.
 */

/** The clipboard text as rows of cells; a trailing newline adds no empty row. */
export function parsePasteBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const source = text.replace(/\r\n?/g, '\n');
  while (i < source.length) {
    const ch = source[i]!;
    if (ch === '"' && cell === '') {
      // A quoted cell: "" inside is one quote; it ends at a quote followed by a tab, newline or the end.
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < source.length) {
        const c = source[j]!;
        if (c === '"') {
          if (source[j + 1] === '"') {
            value += '"';
            j += 2;
            continue;
          }
          const after = source[j + 1];
          if (after === undefined || after === '\t' || after === '\n') {
            closed = true;
            j += 1;
            break;
          }
        }
        value += c;
        j += 1;
      }
      if (closed) {
        cell = value;
        i = j;
        continue;
      }
      // An unmatched quote is just text.
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += ch;
    }
    i += 1;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Whether a paste should fill several cells rather than go into the one cell as text. */
export function isBlock(rows: readonly (readonly string[])[]): boolean {
  return rows.length > 1 || (rows[0]?.length ?? 0) > 1;
}
