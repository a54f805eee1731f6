/** One line of the report as the importer reads it: cells split on tabs, numbered from 1. */
export interface SourceLine {
  /** line number in the source file (for HTML, the line of the element it came from) */
  readonly no: number;
  readonly cells: readonly string[];
  /**
   * For table rows read from merged cells (HTML, Word, Excel): true where a cell only continues
   * the merged cell on its left. Such a row is read by its grid first and, if its values do not
   * fit there, by the cells as printed (see printedCells).
   */
  readonly continued?: readonly boolean[];
}

/** The number of a line that is no line of the document: its own title property (HTML <title>, workbook title). */
export const METADATA_LINE = 0;

/** The line's text when it is not a table row: its non-empty cells joined by a space. */
export function lineText(line: SourceLine): string {
  return line.cells
    .map((c) => c.trim())
    .filter(Boolean)
    .join(' ');
}

export function isBlankLine(line: SourceLine): boolean {
  return line.cells.every((c) => !c.trim());
}

/**
 * The row as printed, one cell per merged cell, with `start` (an index into the grid) moved to
 * match; undefined when no cell of the row is a continuation. A page may merge a value over
 * columns 2–3 under a header merged over 3–4: by the grid the row has one value too many, as
 * printed it has the right count.
 */
export function printedCells(line: SourceLine, start: number): { cells: string[]; start: number } | undefined {
  const continued = line.continued;
  if (!continued?.some(Boolean)) return undefined;
  const cells: string[] = [];
  let printedStart = 0;
  line.cells.forEach((cell, i) => {
    if (i === start) printedStart = cells.length;
    if (!continued[i]) cells.push(cell);
  });
  if (start >= line.cells.length) printedStart = cells.length;
  return { cells, start: printedStart };
}
