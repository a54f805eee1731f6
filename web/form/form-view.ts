/**
 * The report's six sections in template order: text areas for 一、五、六 with their live character
 * count, tables for 二、三、四. Returns the fields and note lists so findings can be placed, and
 * reports the filer's actions through callbacks; it holds no state of its own.
 */
import { SECTION_ORDER, TEMPLATES, type TemplateId } from '../../functions/domain/report-template.js';
import { visibleLength } from '../../functions/domain/rules/section-text.js';
import { OVERVIEW_LIMIT } from '../../functions/domain/rules/text-rules.js';
import { buildGrids, moveFrom, positionsByPath, type GridPosition, type Move, type TableGrid } from './cell-grid.js';
import { h } from './dom.js';
import type { TextSectionId } from './report-editor.js';
import { renderTable } from './table-view.js';

export interface FormCallbacks {
  cellInput(path: string, text: string): void;
  textInput(id: TextSectionId, text: string): void;
  /** a multi-cell block was pasted at a cell */
  paste(at: GridPosition, text: string): boolean;
}

export interface RenderedForm {
  readonly element: HTMLElement;
  readonly grids: TableGrid[];
  readonly inputs: Map<string, HTMLInputElement>;
  readonly fields: Map<string, HTMLInputElement | HTMLTextAreaElement>;
  readonly notes: Map<string, HTMLUListElement>;
  readonly counters: Map<TextSectionId, HTMLElement>;
  readonly positions: Map<string, GridPosition>;
}


export function counterText(id: TextSectionId, text: string): string {
  const n = visibleLength(text);
  if (id !== 'overview') return `${n} 字`;
  return n > OVERVIEW_LIMIT ? `${n} 字，超过建议的 ${OVERVIEW_LIMIT} 字` : `${n} / ${OVERVIEW_LIMIT} 字（建议不超过 ${OVERVIEW_LIMIT} 字）`;
}

const KEY_MOVES: Record<string, Move> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

export function renderForm(template: TemplateId, callbacks: FormCallbacks): RenderedForm {
  const def = TEMPLATES[template];
  const grids = buildGrids(template);
  const positions = positionsByPath(grids);
  const inputs = new Map<string, HTMLInputElement>();
  const fields = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
  const notes = new Map<string, HTMLUListElement>();
  const counters = new Map<TextSectionId, HTMLElement>();
  const form = h('form', { id: 'report-form', novalidate: true, 'aria-label': '年度报告内容' });

  for (const section of SECTION_ORDER) {
    const title = def.sectionTitles[section];
    const box = h('section', { class: 'report-section', id: `section-${section}`, 'aria-labelledby': `title-${section}` }, h('h2', { id: `title-${section}` }, title));
    const text = def.textSections.find((t) => t.id === section);
    if (text) {
      const id = text.id;
      const area = h('textarea', { id: `text-${id}`, rows: id === 'overview' ? 10 : 6, 'aria-labelledby': `title-${section}`, 'aria-describedby': `hint-${id} count-${id}` });
      const counter = h('p', { id: `count-${id}`, class: 'count' });
      const list = h('ul', { class: 'notes' });
      area.addEventListener('input', () => callbacks.textInput(id, area.value));
      box.append(h('p', { id: `hint-${id}`, class: 'hint' }, text.hint), area, counter, h('div', { class: 'text-notes' }, list));
      fields.set(id, area);
      notes.set(id, list);
      counters.set(id, counter);
    }
    for (const grid of grids.filter((g) => g.table.section === section)) {
      const table = renderTable(grid);
      for (const [path, input] of table.inputs) {
        inputs.set(path, input);
        fields.set(path, input);
      }
      for (const [path, list] of table.notes) notes.set(path, list);
      box.append(table.element);
    }
    form.append(box);
  }

  const focusAt = (p: GridPosition) => {
    const slot = grids[p.grid]?.rows[p.row]?.[p.col];
    const input = slot ? inputs.get(slot.ref.path) : undefined;
    input?.focus();
  };
  form.addEventListener('input', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.dataset.path && !target.readOnly) callbacks.cellInput(target.dataset.path, target.value);
  });
  // Spreadsheet habit: entering a cell selects its content, so typing replaces the 0.
  form.addEventListener('focusin', (event) => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.dataset.path) target.select();
  });
  form.addEventListener('keydown', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.dataset.path) return;
    const at = positions.get(target.dataset.path);
    if (!at || event.altKey || event.ctrlKey || event.metaKey) return;
    let move: Move | undefined;
    if (event.key === 'Enter') move = event.shiftKey ? 'up' : 'down';
    else move = KEY_MOVES[event.key];
    if (!move) return;
    const length = target.value.length;
    const wholeSelected = target.selectionStart === 0 && target.selectionEnd === length;
    // Left and right move the caret inside the text first, as in a spreadsheet's edit mode.
    if (move === 'left' && !wholeSelected && target.selectionStart !== 0) return;
    if (move === 'right' && !wholeSelected && target.selectionEnd !== length) return;
    event.preventDefault();
    focusAt(moveFrom(grids, at, move));
  });
  form.addEventListener('paste', (event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement) || !target.dataset.path) return;
    const at = positions.get(target.dataset.path);
    const text = event.clipboardData?.getData('text/plain') ?? '';
    if (at && callbacks.paste(at, text)) event.preventDefault();
  });
  form.addEventListener('submit', (event) => event.preventDefault());

  return { element: form, grids, inputs, fields, notes, counters, positions };
}
