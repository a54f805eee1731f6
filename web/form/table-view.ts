/**
 * Tables 二, 三 and 四 as the official template prints them: merged header cells (rowspan and
 * colspan from the template's row and column groups), an input in every cell, the computed
 * cells read-only. A last column, 核对提示, holds the findings of each row's cells next to them.
 */
import { APPLICANT_HEADER, APPLICATIONS_NOTE, PROACTIVE_CORNER } from '../../functions/domain/report-template.js';
import { cellName, type CellSlot, type TableGrid } from './cell-grid.js';
import { cellId, h } from './dom.js';

export interface RenderedTable {
  readonly element: HTMLElement;
  /** path → input */
  readonly inputs: Map<string, HTMLInputElement>;
  /** path → the notes list under the cell's row */
  readonly notes: Map<string, HTMLUListElement>;
}

/** Runs of equal keys: the length at each run's first index, 0 inside a run. */
function runLengths(keys: readonly string[]): number[] {
  const lengths = keys.map(() => 0);
  for (let i = 0; i < keys.length; ) {
    let j = i + 1;
    while (j < keys.length && keys[j] === keys[i]) j++;
    lengths[i] = j - i;
    i = j;
  }
  return lengths;
}

/** Header rows for labelled items with groups (columns, or 四's rows), each spanning `width` cells. */
function headerRows(items: readonly { label: string; groups: readonly string[] }[], width: (i: number) => number): HTMLTableCellElement[][] {
  const depth = Math.max(...items.map((c) => c.groups.length)) + 1;
  const rows: HTMLTableCellElement[][] = [];
  for (let level = 0; level < depth; level++) {
    const keys = items.map((c) => (c.groups.length > level ? c.groups.slice(0, level + 1).join('\u0000') : `\u0001${level}:${c.label}`));
    const runs = runLengths(keys);
    const row: HTMLTableCellElement[] = [];
    items.forEach((item, i) => {
      if (item.groups.length > level) {
        if (runs[i]) {
          let span = 0;
          for (let k = i; k < i + runs[i]!; k++) span += width(k);
          row.push(h('th', { scope: 'colgroup', colspan: span }, item.groups[level]!));
        }
      } else if (item.groups.length === level) {
        row.push(h('th', { scope: 'col', colspan: width(i), rowspan: depth - level }, item.label));
      }
    });
    rows.push(row);
  }
  return rows;
}

function cellInput(slot: CellSlot): HTMLInputElement {
  const { ref } = slot;
  return h('input', {
    type: 'text',
    id: cellId(ref.path),
    class: slot.computed ? 'cell computed' : 'cell',
    inputmode: ref.kind === 'count' ? 'numeric' : 'decimal',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-label': cellName(ref),
    'data-path': ref.path,
    readonly: slot.computed,
    tabindex: slot.computed ? -1 : undefined,
    title: slot.computed ? '自动计算' : undefined,
  });
}

const NOTES_HEADER = '核对提示';

function notesCell(): { td: HTMLTableCellElement; list: HTMLUListElement } {
  const list = h('ul', { class: 'notes' });
  return { td: h('td', { class: 'row-notes' }, list), list };
}

function notesHeader(rowspan: number): HTMLTableCellElement {
  return h('th', { scope: 'col', rowspan, class: 'notes-header' }, NOTES_HEADER);
}

export function renderTable(grid: TableGrid): RenderedTable {
  const { table } = grid;
  const inputs = new Map<string, HTMLInputElement>();
  const notes = new Map<string, HTMLUListElement>();
  const element = grid.transposed ? renderTransposed(grid, inputs, notes) : renderUpright(grid, inputs, notes);
  return { element: h('div', { class: `table-wrap table-${table.path.replace('.', '-')}` }, element), inputs, notes };
}

function renderUpright(grid: TableGrid, inputs: Map<string, HTMLInputElement>, notes: Map<string, HTMLUListElement>): HTMLTableElement {
  const { table } = grid;
  const rowDepth = Math.max(...table.rows.map((r) => r.groups.length)) + 1;
  const columnRows = headerRows(table.columns, () => 1);
  const isApplications = table.path === 'applications';
  const headerDepth = columnRows.length + (isApplications ? 1 : 0);
  const corner = h(
    'th',
    { scope: 'col', colspan: rowDepth, rowspan: headerDepth, class: 'corner' },
    isApplications ? APPLICATIONS_NOTE : (table.corner ?? PROACTIVE_CORNER),
  );
  const thead = h('thead');
  if (isApplications) {
    thead.append(
      h('tr', {}, corner, h('th', { scope: 'colgroup', colspan: table.columns.length }, APPLICANT_HEADER), notesHeader(headerDepth)),
    );
    columnRows.forEach((cells) => thead.append(h('tr', {}, cells)));
  } else {
    columnRows.forEach((cells, i) => thead.append(h('tr', {}, i === 0 ? corner : null, cells, i === 0 ? notesHeader(headerDepth) : null)));
  }

  const tbody = h('tbody');
  const groupKeys = (level: number) => table.rows.map((r, i) => (r.groups.length > level ? r.groups.slice(0, level + 1).join('\u0000') : `\u0001${i}`));
  const runsByLevel = Array.from({ length: rowDepth - 1 }, (_, level) => runLengths(groupKeys(level)));
  grid.rows.forEach((slots, i) => {
    const row = table.rows[i]!;
    const tr = h('tr', { class: row.computed ? 'computed-row' : undefined });
    row.groups.forEach((group, level) => {
      const run = runsByLevel[level]![i]!;
      if (run) tr.append(h('th', { scope: 'rowgroup', rowspan: run, class: 'group' }, group));
    });
    tr.append(h('th', { scope: 'row', colspan: rowDepth - row.groups.length, class: 'row-label' }, row.label));
    const { td, list } = notesCell();
    for (const slot of slots) {
      const input = cellInput(slot);
      inputs.set(slot.ref.path, input);
      notes.set(slot.ref.path, list);
      tr.append(h('td', { class: slot.computed ? 'computed' : undefined }, input));
    }
    tr.append(td);
    tbody.append(tr);
  });
  return h('table', { class: 'report-table' }, table.caption ? h('caption', {}, table.caption) : null, thead, tbody);
}

/** 四: 行政复议 | 行政诉讼 (未经复议直接起诉, 复议后起诉) across, each with its five results. */
function renderTransposed(grid: TableGrid, inputs: Map<string, HTMLInputElement>, notes: Map<string, HTMLUListElement>): HTMLTableElement {
  const { table } = grid;
  const perRow = table.columns.length;
  const thead = h('thead');
  const groupRows = headerRows(table.rows, () => perRow);
  groupRows.forEach((cells, i) => thead.append(h('tr', {}, cells, i === 0 ? notesHeader(groupRows.length + 1) : null)));
  thead.append(h('tr', {}, table.rows.flatMap(() => table.columns.map((c) => h('th', { scope: 'col' }, c.label)))));
  const slots = grid.rows[0] ?? [];
  const { td, list } = notesCell();
  const tr = h('tr');
  for (const slot of slots) {
    const input = cellInput(slot);
    inputs.set(slot.ref.path, input);
    notes.set(slot.ref.path, list);
    tr.append(h('td', { class: slot.computed ? 'computed' : undefined }, input));
  }
  tr.append(td);
  return h('table', { class: 'report-table' }, thead, h('tbody', {}, tr));
}
