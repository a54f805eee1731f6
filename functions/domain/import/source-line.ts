/** One line of the report as the importer reads it: cells split on tabs, numbered from 1. */
export interface SourceLine {
  /** line number in the source file (for HTML, the line of the element it came from) */
  readonly no: number;
  readonly cells: readonly string[];
}

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
