/** Everything printed around a table's numbers, indexed for lookup by label-match. */
import type { RowDef, TableDef } from '../report-template.js';
import { LabelIndex } from './label-match.js';

export type LabelTarget =
  | { readonly kind: 'row'; readonly table: TableDef; readonly row: RowDef }
  | { readonly kind: 'group' }
  | { readonly kind: 'column'; readonly index: number }
  | { readonly kind: 'header' };

const GROUP: LabelTarget = { kind: 'group' };
const HEADER: LabelTarget = { kind: 'header' };

/**
 * Rows, row groups, columns, column groups, corner and caption of the given tables. Column
 * labels are registered too so that a header cell such as 总计 can never pass for a row.
 */
export function tableLabelIndex(tables: readonly TableDef[], extraHeaders: readonly string[] = []): LabelIndex<LabelTarget> {
  const index = new LabelIndex<LabelTarget>();
  for (const table of tables) {
    for (const row of table.rows) {
      index.add(row.label, `row:${table.path}.${row.id}`, { kind: 'row', table, row });
      for (const group of row.groups) {
        index.add(group, `group:${group}`, GROUP);
        index.addPrefix(group);
      }
    }
    table.columns.forEach((column, i) => {
      index.add(column.label, `column:${i}:${column.label}`, { kind: 'column', index: i });
      for (const group of column.groups) index.add(group, `header:${group}`, HEADER);
    });
    for (const header of [table.corner, table.caption]) {
      if (header) index.add(header, `header:${header}`, HEADER);
    }
  }
  for (const header of extraHeaders) index.add(header, `header:${header}`, HEADER);
  return index;
}
