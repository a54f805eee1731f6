/**
 * The report's tables laid out as the official template prints them: multi-level headers as
 * merged cells (rowspan/colspan), the 勾稽 note in the corner of 三, numbers right-aligned
 * (class `num`), blanks left blank. Every header text comes from report-template.ts.
 */
import { APPLICANT_HEADER, type TableDef, type TemplateId, TEMPLATES, type SectionId } from '../../domain/report-template.js';
import type { Cell, TableData } from '../../domain/report.js';
import { cellPath } from '../../domain/report-template.js';
import { html, type SafeHtml } from './html.js';
import { formatCell } from './format.js';

/** The data a table reads from: a report, or a region's totals. */
export type TableSource = (table: TableDef) => TableData;

interface HeaderColumn {
  /** header texts from the outermost down to the leaf */
  readonly heads: readonly string[];
}

interface BodyCell {
  readonly path: string;
  readonly value: Cell;
  readonly computed: boolean;
}

// 三's columns all sit under 申请人情况 in the official template; 四 is printed with its rows
// (行政复议, 行政诉讼 → 两类) across the top and the 15 numbers in a single row.
const TOP_HEADER: Readonly<Record<string, string>> = { applications: APPLICANT_HEADER };
const TRANSPOSED = new Set(['appeals']);

const samePrefix = (a: readonly string[], b: readonly string[], n: number): boolean => {
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Header rows for columns with nested group labels: a run of columns sharing a group is one cell. */
function columnHeaderRows(columns: readonly HeaderColumn[], corner: SafeHtml | null): SafeHtml[] {
  const depth = Math.max(...columns.map((c) => c.heads.length));
  const rows: SafeHtml[] = [];
  for (let level = 0; level < depth; level++) {
    const cells: SafeHtml[] = [];
    if (level === 0 && corner) cells.push(corner);
    columns.forEach((col, j) => {
      const leafLevel = col.heads.length - 1;
      if (level > leafLevel) return;
      const prev = columns[j - 1];
      if (prev && prev.heads.length - 1 > level && level < leafLevel && samePrefix(prev.heads, col.heads, level + 1)) return;
      if (level === leafLevel) {
        const rowspan = depth - level;
        cells.push(html`<th scope="col"${rowspan > 1 ? html` rowspan="${rowspan}"` : ''}>${col.heads[level]}</th>`);
        return;
      }
      let span = 1;
      for (let k = j + 1; k < columns.length; k++) {
        const next = columns[k]!;
        if (next.heads.length - 1 > level && samePrefix(next.heads, col.heads, level + 1)) span++;
        else break;
      }
      cells.push(html`<th scope="colgroup"${span > 1 ? html` colspan="${span}"` : ''}>${col.heads[level]}</th>`);
    });
    rows.push(html`<tr>${cells}</tr>`);
  }
  return rows;
}

function dataCell(cell: BodyCell): SafeHtml {
  const kind = cell.value === null ? 'blank' : typeof cell.value === 'number' ? 'num' : 'text';
  const cls = cell.computed ? `${kind} computed` : kind;
  return html`<td class="${cls}" data-path="${cell.path}">${formatCell(cell.value)}</td>`;
}

function renderStandard(table: TableDef, data: TableData): SafeHtml {
  const top = TOP_HEADER[table.path];
  const columns = table.columns.map((c) => ({ heads: [...(top ? [top] : []), ...c.groups, c.label] }));
  const colDepth = Math.max(...columns.map((c) => c.heads.length));
  const rowDepth = Math.max(...table.rows.map((r) => r.groups.length)) + 1;
  // scope="col": the corner heads the row labels' column(s) below it
  const corner = html`<th class="corner" scope="col"${rowDepth > 1 ? html` colspan="${rowDepth}"` : ''}${
    colDepth > 1 ? html` rowspan="${colDepth}"` : ''
  }>${table.corner ?? ''}</th>`;

  const body = table.rows.map((row, i) => {
    const prev = table.rows[i - 1];
    const cells: SafeHtml[] = [];
    row.groups.forEach((group, level) => {
      if (prev && prev.groups.length > level && samePrefix(prev.groups, row.groups, level + 1)) return;
      let span = 1;
      for (let k = i + 1; k < table.rows.length; k++) {
        const next = table.rows[k]!;
        if (next.groups.length > level && samePrefix(next.groups, row.groups, level + 1)) span++;
        else break;
      }
      cells.push(html`<th scope="rowgroup"${span > 1 ? html` rowspan="${span}"` : ''}>${group}</th>`);
    });
    const colspan = rowDepth - row.groups.length;
    cells.push(html`<th scope="row"${colspan > 1 ? html` colspan="${colspan}"` : ''}>${row.label}</th>`);
    for (const column of table.columns) {
      cells.push(
        dataCell({
          path: cellPath(table, row, column),
          value: data[row.id]?.[column.id] ?? null,
          computed: Boolean(row.computed || column.computed),
        }),
      );
    }
    return html`<tr${row.computed ? html` class="computed"` : ''}>${cells}</tr>`;
  });

  return html`<table class="report-table" data-table="${table.path}">
${table.caption ? html`<caption>${table.caption}</caption>` : ''}
<thead>${columnHeaderRows(columns, corner)}</thead>
<tbody>${body}</tbody>
</table>`;
}

function renderTransposed(table: TableDef, data: TableData): SafeHtml {
  const pairs = table.rows.flatMap((row) => table.columns.map((column) => ({ row, column })));
  const columns = pairs.map(({ row, column }) => ({ heads: [...row.groups, row.label, ...column.groups, column.label] }));
  const cells = pairs.map(({ row, column }) =>
    dataCell({
      path: cellPath(table, row, column),
      value: data[row.id]?.[column.id] ?? null,
      computed: Boolean(row.computed || column.computed),
    }),
  );
  return html`<table class="report-table transposed" data-table="${table.path}">
${table.caption ? html`<caption>${table.caption}</caption>` : ''}
<thead>${columnHeaderRows(columns, null)}</thead>
<tbody><tr>${cells}</tr></tbody>
</table>`;
}

export function renderTable(table: TableDef, data: TableData): SafeHtml {
  return TRANSPOSED.has(table.path) ? renderTransposed(table, data) : renderStandard(table, data);
}

/** The tables of one section (二 has four, 三 and 四 one each). */
export function renderSectionTables(template: TemplateId, section: SectionId, source: TableSource): SafeHtml {
  const tables = TEMPLATES[template].tables.filter((t) => t.section === section);
  return html`${tables.map((t) => html`<div class="table-wrap">${renderTable(t, source(t))}</div>\n`)}`;
}
