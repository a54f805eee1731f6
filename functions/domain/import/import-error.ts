/** A source the importer cannot read. `message` is Chinese and names the line or section. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly line?: number;
  readonly section?: string;

  constructor(message: string, where: { line?: number; section?: string } = {}) {
    super(message);
    if (where.line !== undefined) this.line = where.line;
    if (where.section !== undefined) this.section = where.section;
  }
}
