/**
 * Findings on the page: each cell or text section marked, its message beside it (and tied to the
 * input by aria-describedby), a summary of every finding linking to its cell, errors and
 * warnings apart, and new errors announced to screen readers.
 */
import { EXPLANATION_MAX_LENGTH, type Explanations, type Finding } from '../../functions/domain/finding.js';
import { clear, cellId, h, noteId } from './dom.js';

export interface FindingTargets {
  /** path → the input or textarea */
  readonly fields: Map<string, HTMLInputElement | HTMLTextAreaElement>;
  /** path → where its messages are listed */
  readonly notes: Map<string, HTMLUListElement>;
}

export interface SummaryParts {
  readonly heading: HTMLElement;
  readonly errors: HTMLOListElement;
  readonly warnings: HTMLOListElement;
  /** polite live region for new errors */
  readonly announcer: HTMLElement;
}

const key = (f: Finding) => `${f.rule}|${f.path}`;

export class FindingsView {
  private shown = new Set<string>();
  private marked: (HTMLInputElement | HTMLTextAreaElement)[] = [];
  private listed: HTMLUListElement[] = [];
  private started = false;
  /** one box per warning key, kept across re-renders so typing in it is never interrupted */
  private readonly boxes = new Map<string, HTMLTextAreaElement>();

  constructor(
    private readonly targets: FindingTargets,
    private readonly summary: SummaryParts,
    /** the filer's explanations (说明) by finding key; the view edits this object */
    private readonly explanations: Explanations = {},
    /** called after an explanation changed (the page saves the draft) */
    private readonly onExplain: () => void = () => undefined,
  ) {}

  /** The box where the filer explains a warning (说明, optional, up to 500 characters). */
  private explanationBox(f: Finding): HTMLElement {
    const k = key(f);
    let box = this.boxes.get(k);
    if (!box) {
      box = h('textarea', {
        class: 'explanation',
        rows: 2,
        maxlength: EXPLANATION_MAX_LENGTH,
        'data-key': k,
        'aria-label': `对“${f.label}”这条提醒的说明（可选，不超过${EXPLANATION_MAX_LENGTH}字）`,
        placeholder: '如确实无误，可在此说明原因（可选，审核人会看到）',
      });
      box.value = this.explanations[k] ?? '';
      const input = box;
      input.addEventListener('input', () => {
        const text = input.value.trim();
        if (text) this.explanations[k] = input.value;
        else delete this.explanations[k];
        this.onExplain();
      });
      this.boxes.set(k, box);
    }
    return h('label', { class: 'explain' }, h('span', {}, '说明：'), box);
  }

  /** Shows the findings; `source` marks those only the server reported. */
  show(findings: readonly Finding[], fromServer: ReadonlySet<string> = new Set()): void {
    for (const field of this.marked) {
      field.classList.remove('has-error', 'has-warning');
      field.removeAttribute('aria-invalid');
      field.removeAttribute('aria-describedby');
    }
    for (const list of this.listed) {
      clear(list);
      list.parentElement?.classList.remove('active');
    }
    this.marked = [];
    this.listed = [];

    const byField = new Map<string, Finding[]>();
    for (const f of findings) {
      const list = byField.get(f.path) ?? [];
      list.push(f);
      byField.set(f.path, list);
    }
    for (const [path, list] of byField) {
      const field = this.targets.fields.get(path);
      const notes = this.targets.notes.get(path);
      if (!field || !notes) continue;
      const hasError = list.some((f) => f.severity === 'error');
      field.classList.add(hasError ? 'has-error' : 'has-warning');
      if (hasError) field.setAttribute('aria-invalid', 'true');
      const ids: string[] = [];
      list.forEach((f, i) => {
        const id = `${noteId(path)}-${i}`;
        ids.push(id);
        notes.append(
          h('li', { id, class: f.severity }, h('span', { class: 'tag' }, f.severity === 'error' ? '错误' : '提醒'), ' ', f.message, fromServer.has(key(f)) ? '（服务器检查）' : ''),
        );
      });
      field.setAttribute('aria-describedby', ids.join(' '));
      notes.parentElement?.classList.add('active');
      this.marked.push(field);
      this.listed.push(notes);
    }
    this.renderSummary(findings);
    this.announce(findings);
  }

  private renderSummary(findings: readonly Finding[]): void {
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    this.summary.heading.textContent =
      errors.length === 0 && warnings.length === 0
        ? '检查通过：没有发现问题。'
        : `检查结果：${errors.length} 处错误${warnings.length ? `，${warnings.length} 处提醒` : ''}${errors.length ? '（改正错误后才能提交）' : ''}`;
    this.summary.heading.className = errors.length ? 'summary-heading bad' : 'summary-heading good';
    const item = (f: Finding) => {
      const target = this.targets.fields.get(f.path);
      const link = target ? h('a', { href: `#${target.id || cellId(f.path)}`, 'data-path': f.path }, f.label) : h('strong', {}, f.label);
      return h('li', { class: f.severity }, link, '：', f.message, f.severity === 'warning' ? this.explanationBox(f) : '');
    };
    // Re-rendering moves the boxes: the one being typed in keeps focus and caret.
    const active = document.activeElement;
    const typing = active instanceof HTMLTextAreaElement && [...this.boxes.values()].includes(active) ? active : undefined;
    const caret = typing ? [typing.selectionStart, typing.selectionEnd] as const : undefined;
    clear(this.summary.errors);
    clear(this.summary.warnings);
    this.summary.errors.append(...errors.map(item));
    this.summary.warnings.append(...warnings.map(item));
    if (typing?.isConnected && caret) {
      typing.focus();
      typing.setSelectionRange(caret[0], caret[1]);
    }
    this.summary.errors.hidden = errors.length === 0;
    this.summary.warnings.hidden = warnings.length === 0;
  }

  /** Speaks only what changed: a new error's message, or that all errors are gone. */
  private announce(findings: readonly Finding[]): void {
    const errors = findings.filter((f) => f.severity === 'error');
    const now = new Set(errors.map(key));
    const fresh = errors.filter((f) => !this.shown.has(key(f)));
    let message = '';
    if (!this.started) {
      // On opening, the summary states the count; no need to speak the first error as "new".
      this.started = true;
    } else if (fresh.length > 0) {
      message = `新错误：${fresh[0]!.message}${fresh.length > 1 ? `（另有 ${fresh.length - 1} 处）` : ''}`;
    } else if (this.shown.size > 0 && now.size === 0) {
      message = '错误已全部改正。';
    } else if (now.size < this.shown.size) {
      message = `已改正，还有 ${now.size} 处错误。`;
    }
    this.shown = now;
    if (message) this.summary.announcer.textContent = message;
  }
}

export { key as findingKey };
