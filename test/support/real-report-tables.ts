/**
 * The hand-checked tables of a real report (test/fixtures/real-reports/*.tables.tsv) as
 * expected cell values keyed by cell path, in the 2021 template's order: 表二's six rows, 三's
 * 25 rows of 7 values, 表四's three rows of 5.
 */
import { readFileSync } from 'node:fs';
import { cellRefs, cellValue, type Report } from '../../functions/domain/report.js';
import { TEMPLATES } from '../../functions/domain/report-template.js';

export function readRealReport(name: string): { text: string; tables: Map<string, number> } {
  const dir = new URL('../fixtures/real-reports/', import.meta.url);
  return {
    text: readFileSync(new URL(`${name}.txt`, dir), 'utf8'),
    tables: expectedTables(readFileSync(new URL(`${name}.tables.tsv`, dir), 'utf8')),
  };
}

function expectedTables(tsv: string): Map<string, number> {
  const lines = tsv.split('\n').filter((l) => l.trim() && !l.startsWith('#'));
  const numbers = (cells: readonly string[]) => cells.map((c) => Number(/-?\d+(?:\.\d+)?\s*$/.exec(c)![0]));
  const proactive = lines.filter((l) => l.startsWith('表二\t')).map((l) => numbers(l.split('\t').slice(2)));
  const appeals = lines.filter((l) => l.startsWith('表四\t')).map((l) => numbers(l.split('\t').slice(2)));
  const applications = lines.filter((l) => !/^表[二四]\t/.test(l)).map((l) => numbers(l.split('\t').slice(1)));
  const tables = TEMPLATES['2021'].tables;
  const rowsOf = (section: string) => tables.filter((t) => t.section === section).flatMap((t) => t.rows.map((row) => ({ t, row })));
  const expected = new Map<string, number>();
  const fill = (section: string, values: number[][]) => {
    const rows = rowsOf(section);
    if (rows.length !== values.length) throw new Error(`${section}: ${values.length} rows in the tsv, ${rows.length} in the template`);
    rows.forEach(({ t, row }, r) => {
      if (values[r]!.length !== t.columns.length) throw new Error(`${section} row ${row.id}: ${values[r]!.length} values`);
      t.columns.forEach((column, c) => expected.set(`${t.path}.${row.id}.${column.id}`, values[r]![c]!));
    });
  };
  fill('proactive', proactive);
  fill('applications', applications);
  fill('appeals', appeals);
  return expected;
}

/** Every table cell of a 2021 report, by path, for a cell-by-cell comparison. */
export function reportCells(report: Report): Map<string, unknown> {
  return new Map(cellRefs('2021').map((ref) => [ref.path, cellValue(report, ref.table, ref.row, ref.column)]));
}
