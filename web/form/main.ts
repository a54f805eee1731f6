/**
 * The filing form's entry point: signs in, picks the reporting year, loads the filing and wires
 * the editor, the live checks, drafts and submit together.
 */
import type { Explanations, Finding } from '../../functions/domain/finding.js';
import { shanghaiDate } from '../../functions/domain/reminders/calendar.js';
import { Report, templateForYear } from '../../functions/domain/report.js';
import { FILER_STATUS_TEXT, isFiled } from '../../functions/domain/filing-status.js';
import { reportPath } from '../../functions/render/site/paths.js';
import { ApiError, apiClient, type ApiClient, type FilingStatus, type FilingView } from './api-client.js';
import { Autosaver } from './autosave.js';
import { spreadBlock, type GridPosition } from './cell-grid.js';
import { clear, h } from './dom.js';
import { FindingsView, findingKey } from './findings-view.js';
import { withServerFindings } from './server-findings.js';
import { acceptDrops, importFailure, importSource, readForForm, showMissing } from './import-panel.js';
import { counterText, renderForm, type RenderedForm } from './form-view.js';
import { isBlock, parsePasteBlock } from './paste-block.js';
import { sameContent } from './same-content.js';
import { ReportEditor, type TextSectionId } from './report-editor.js';
import { candidateYears, daysLeft, deadlineOf, deadlineText, openingYear, selectableYears } from './reporting-year.js';
import { dropBackup, readBackup, rememberYear, rememberedYear, writeBackup } from './session-backup.js';
import { keepToken, signIn, signOut } from './sign-in.js';
import { mountCodeSignIn, signOutSession } from './code-sign-in.js';
import { showReviewComments, offerRollup } from './review-comments.js';
import { showStampedCopy } from './stamped-copy-panel.js';

const AUTOSAVE_MS = 3000;
const statusText = (status: FilingStatus) => FILER_STATUS_TEXT[status] ?? status;

const meta = (name: string): string => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content ?? '';
const byId = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const timeText = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

class FilingPage {
  private view!: FilingView;
  private editor!: ReportEditor;
  private form!: RenderedForm;
  private findingsView!: FindingsView;
  private version = 0;
  private serverFindings: Finding[] = [];
  /** edits made on the page so far, and how many of them the server's findings have seen */
  private edits = 0;
  private serverEdits = 0;
  private findings: Finding[] = [];
  /** the filer's explanations (说明) of warnings, by finding key; edited by the findings view */
  private explanations: Explanations = {};
  private conflict = false;
  private readonly autosaver: Autosaver;

  constructor(
    private readonly api: ApiClient,
    private readonly today: string,
  ) {
    this.autosaver = new Autosaver(() => this.saveNow(), AUTOSAVE_MS);
    byId('save').addEventListener('click', () => void this.saveClicked());
    byId('submit').addEventListener('click', () => void this.submit());
    byId('summary').addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a[data-path]');
      if (!link) return;
      event.preventDefault();
      const field = this.form.fields.get(link.getAttribute('data-path') ?? '');
      field?.scrollIntoView({ block: 'center' });
      field?.focus();
    });
    byId('word-draft').addEventListener('click', () => void this.wordDraft());
    byId('import-button').addEventListener('click', () => void this.importClicked());
    acceptDrops(byId('import-panel'), (file) => void this.importClicked(file));
    byId<HTMLSelectElement>('year').addEventListener('change', (event) => void this.switchYear(Number((event.target as HTMLSelectElement).value)));
    const leave = () => this.saveOnLeave();
    window.addEventListener('pagehide', leave);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') leave();
    });
  }

  async open(year: number, view?: FilingView): Promise<void> {
    this.notice('');
    this.view = view ?? (await this.api.getFiling(year));
    rememberYear(sessionStorage, year);
    this.version = this.view.version;
    this.serverFindings = this.view.findings;
    this.explanations = { ...(this.view.explanations ?? {}) };
    this.conflict = false;
    const { agency } = this.view;
    this.editor = new ReportEditor({
      agencyName: agency.name,
      agencyId: agency.id,
      agencyKind: agency.kind,
      year,
      draft: this.view.draft,
      previousCarriedForward: this.view.previousYear?.carriedForward,
    });
    this.autosaver.settled();
    const backup = readBackup(sessionStorage, agency.id, year);
    let restored = false;
    if (backup) {
      const parsed = Report.safeParse(backup.report);
      if (parsed.success && parsed.data.template === this.editor.template && !sameContent(parsed.data, this.view.draft)) {
        this.editor.loadContent(parsed.data);
        this.version = backup.baseVersion;
        restored = true;
      } else dropBackup(sessionStorage, agency.id, year);
    }
    // the view's findings are about the saved draft, not about a backup put back over it
    this.serverEdits = restored ? -1 : this.edits;
    this.renderHeader();
    this.renderForm();
    if (restored) {
      this.notice(`已恢复本页上次未保存的修改（${timeText(backup!.savedAt)}），稍后自动保存。`, 'info');
      this.autosaver.changed();
    }
    this.setSaveState(restored ? '有未保存的修改' : this.view.version > 0 ? `已保存（版本 ${this.view.version}）` : '尚未保存');
  }

  private renderHeader(): void {
    const { agency, year, status } = this.view;
    byId('agency').textContent = agency.name;
    const select = byId<HTMLSelectElement>('year');
    clear(select);
    for (const y of selectableYears(this.today)) {
      select.append(h('option', { value: y, selected: y === year }, `${y} 年度`));
    }
    byId('status').textContent = statusText(status);
    byId('status').dataset.year = String(year);
    const deadline = deadlineOf(agency, year);
    const days = daysLeft(this.today, deadline);
    const deadlineEl = byId('deadline');
    deadlineEl.textContent = `${deadline}（${isFiled(status) ? '已提交' : deadlineText(days)}）`;
    deadlineEl.classList.toggle('overdue', days < 0 && !isFiled(status));
    const last = this.view.findings;
    const errors = last.filter((f) => f.severity === 'error').length;
    byId('last-check').textContent =
      this.view.version === 0 ? '尚无' : `${errors} 处错误，${last.length - errors} 处提醒${this.view.lastSubmittedAt ? `；上次提交 ${timeText(this.view.lastSubmittedAt)}` : ''}`;
    this.renderPublished();
  }

  private renderPublished(): void {
    const box = byId('published');
    clear(box);
    const { agency, year, status, revisions } = this.view;
    const latest = revisions.at(-1);
    if (isFiled(status)) {
      box.append(h('p', {}, `已提交第 ${latest?.revision ?? 1} 版${latest ? `（${timeText(latest.submittedAt)}）` : ''}。`, status === 'published' ? '' : '公开后将在此显示公开页面的链接。'));
    }
    if (status === 'published') {
      const url = `${meta('nianbao-site')}${reportPath(agency.region, year, agency.id)}`;
      box.append(h('p', {}, '公开页面：', h('a', { href: url, id: 'public-link', rel: 'noreferrer' }, url)));
    }
    box.hidden = box.childElementCount === 0;
    showStampedCopy(
      byId('stamped-copy'),
      { year, status, revision: latest?.revision ?? 0, stampedCopy: this.view.stampedCopy ?? null },
      this.api,
      (copy) => (this.view = { ...this.view, stampedCopy: copy }),
    );
  }

  /** The draft on screen as .docx, written in the browser by a chunk loaded on first use. */
  private async wordDraft(): Promise<void> {
    const button = byId<HTMLButtonElement>('word-draft');
    button.disabled = true;
    try {
      const { downloadWordDraft } = await import('./word-draft.js');
      const name = await downloadWordDraft(this.editor.snapshot(), this.view.agency.name);
      byId('announcer').textContent = `已生成 Word 稿：${name}`;
    } catch (error) {
      this.notice(`生成 Word 稿失败：${error instanceof Error ? error.message : String(error)}`);
    } finally {
      button.disabled = false;
    }
  }

  private renderForm(): void {
    const container = byId('form-container');
    clear(container);
    this.form = renderForm(this.editor.template, {
      cellInput: (path, text) => {
        this.editor.setCellText(path, text);
        this.edited();
      },
      textInput: (id, text) => {
        this.editor.setTextSection(id, text);
        this.updateCounter(id);
        this.edited();
      },
      paste: (at, text) => this.paste(at, text),
    });
    container.append(this.form.element);
    for (const [path, input] of this.form.inputs) input.value = this.editor.textOf(path);
    for (const id of ['overview', 'problems', 'other'] as const) {
      const area = this.form.fields.get(id) as HTMLTextAreaElement | undefined;
      if (area) area.value = this.editor.textSection(id);
      this.updateCounter(id);
    }
    this.findingsView = new FindingsView(
      { fields: this.form.fields, notes: this.form.notes },
      { heading: byId('summary-heading'), errors: byId('summary-errors'), warnings: byId('summary-warnings'), announcer: byId('announcer') },
      this.explanations,
      () => this.autosaver.changed(),
    );
    this.markCarryOver();
    this.check();
    showReviewComments(this.view.returned ?? null, this.form.fields, byId('review-comments'));
    offerRollup(this.view, byId('review-comments'), () => this.api.rollup(this.view.year), (report) => {
      this.editor.loadContent(report);
      this.showEditorContent();
    });
  }

  private updateCounter(id: TextSectionId): void {
    const counter = this.form.counters.get(id);
    if (!counter) return;
    counter.textContent = counterText(id, this.editor.textSection(id));
    counter.classList.toggle('over', id === 'overview' && counter.textContent.includes('超过'));
  }

  /** After any edit: computed cells, checks, carry-over flags, backup, autosave. */
  private edited(): void {
    this.edits++;
    this.refreshComputed();
    this.markCarryOver();
    this.check();
    writeBackup(sessionStorage, this.view.agency.id, this.view.year, { baseVersion: this.version, report: this.editor.snapshot(), savedAt: new Date().toISOString() });
    this.setSaveState('有未保存的修改');
    this.autosaver.changed();
  }

  private refreshComputed(): void {
    for (const [path, input] of this.form.inputs) {
      if (input.readOnly) input.value = this.editor.textOf(path);
    }
  }

  /** 二、上年结转 prefilled from last year's 四: a changed cell is flagged. */
  private markCarryOver(): void {
    for (const [path, input] of this.form.inputs) {
      if (!path.startsWith('applications.carriedOver.')) continue;
      const column = path.split('.')[2]!;
      const before = this.editor.previousCarriedForward(column);
      const changed = before !== undefined && input.value.trim() !== String(before);
      input.classList.toggle('changed', changed);
      input.title = changed ? `已改动：按${this.view.year - 1}年报告应为 ${before}` : before !== undefined ? `按${this.view.year - 1}年报告预填` : '';
    }
  }

  private check(): void {
    // What only the server knows (e.g. last year's full text for text.repeated) stays until its next answer.
    const { findings, serverOnly } = withServerFindings(this.editor.check(), this.serverFindings, this.serverEdits === this.edits);
    this.findings = findings;
    // Errors first, each kind in page order, so the summary reads top to bottom like the form.
    const order = new Map([...this.form.fields.keys()].map((path, i) => [path, i]));
    const place = (f: Finding) => order.get(f.path) ?? order.size;
    this.findings.sort((a, b) => (a.severity === b.severity ? place(a) - place(b) : a.severity === 'error' ? -1 : 1));
    this.findingsView.show(this.findings, new Set(serverOnly.map(findingKey)));
    const errors = this.findings.filter((f) => f.severity === 'error').length;
    const submit = byId<HTMLButtonElement>('submit');
    submit.disabled = errors > 0 || this.conflict;
    byId('submit-hint').textContent = this.conflict
      ? '请先处理上面的版本冲突。'
      : errors > 0
        ? `还有 ${errors} 处错误，改正后才能提交。`
        : isFiled(this.view.status)
          ? '可再次提交，作为更正版本。'
          : '检查通过，可以提交。';
  }

  private paste(at: GridPosition, text: string): boolean {
    const block = parsePasteBlock(text);
    if (!isBlock(block)) return false;
    const { writes, dropped } = spreadBlock(this.form.grids, at, block);
    for (const { path, text: value } of writes) {
      this.editor.setCellText(path, value.trim());
      const input = this.form.inputs.get(path);
      if (input) input.value = value.trim();
    }
    this.edited();
    byId('announcer').textContent = `已粘贴 ${writes.length} 个单元格${dropped ? `，${dropped} 个超出表格未粘贴` : ''}。`;
    return true;
  }

  private setSaveState(text: string): void {
    byId('save-state').textContent = text;
  }

  private notice(text: string, kind: 'info' | 'error' = 'error', actions: HTMLElement[] = []): void {
    const box = byId('notice');
    clear(box);
    box.className = `notice ${kind}`;
    if (text) box.append(h('p', {}, text), ...(actions.length ? [h('p', { class: 'actions' }, actions)] : []));
    box.hidden = !text;
  }

  private async saveClicked(): Promise<void> {
    if (this.conflict) return;
    if (!this.autosaver.hasUnsaved && !this.autosaver.isSaving) this.autosaver.changed();
    await this.autosaver.flush().catch(() => undefined);
  }

  /** One draft save; the autosaver calls it. Throws so the changes stay marked unsaved. */
  private async saveNow(): Promise<void> {
    const { year, agency } = this.view;
    const report = this.editor.snapshot();
    const sent = this.edits;
    this.setSaveState('正在保存…');
    try {
      const result = await this.api.saveDraft(year, report, this.version, { explanations: { ...this.explanations } });
      this.version = result.version;
      this.view = { ...this.view, version: result.version, status: result.status, findings: result.findings };
      this.serverFindings = result.findings;
      this.serverEdits = sent;
      if (!this.autosaver.hasUnsaved) dropBackup(sessionStorage, agency.id, year);
      this.setSaveState(`已保存（版本 ${result.version}，${new Date().toLocaleTimeString('zh-CN', { hour12: false })}）`);
      byId('status').textContent = statusText(result.status);
      this.check();
    } catch (error) {
      if (error instanceof ApiError && error.status === 409 && (await this.alreadySaved(report, sent))) return;
      this.failed(error, '保存');
      throw error;
    }
  }

  /** A 409 for content the server already holds (saved on the way out of the last page): adopt its version. */
  private async alreadySaved(report: Report, sent: number): Promise<boolean> {
    const current = await this.api.getFiling(this.view.year).catch(() => undefined);
    if (!current || !sameContent(current.draft, report)) return false;
    this.version = current.version;
    this.view = { ...this.view, version: current.version, status: current.status, findings: current.findings };
    this.serverFindings = current.findings;
    this.serverEdits = sent;
    if (!this.autosaver.hasUnsaved) dropBackup(sessionStorage, this.view.agency.id, this.view.year);
    this.setSaveState(`已保存（版本 ${current.version}）`);
    return true;
  }

  private failed(error: unknown, what: '保存' | '提交'): void {
    if (error instanceof ApiError && error.status === 409) {
      this.showConflict(error);
      return;
    }
    if (error instanceof ApiError && error.status === 401) {
      signOut(window);
      this.notice('登录已失效，请使用主管部门发送的新登录链接重新打开。已填写的内容保存在本页，重新登录后会恢复。');
      this.setSaveState('未保存');
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    this.notice(`${what}失败：${message}`);
    this.setSaveState(`${what}失败，修改仍保留在本页`);
  }

  private showConflict(error: ApiError): void {
    this.conflict = true;
    this.autosaver.pause();
    this.setSaveState('未保存：版本冲突');
    const overwrite = h('button', { type: 'button', class: 'primary' }, '用本页内容覆盖');
    const reload = h('button', { type: 'button' }, '放弃本页修改，载入最新版本');
    overwrite.addEventListener('click', () => {
      this.conflict = false;
      if (error.currentVersion !== undefined) this.version = error.currentVersion;
      this.notice('');
      this.autosaver.resume();
      this.autosaver.changed();
      void this.autosaver.flush().catch(() => undefined);
    });
    reload.addEventListener('click', () => {
      dropBackup(sessionStorage, this.view.agency.id, this.view.year);
      this.autosaver.resume();
      this.autosaver.settled();
      void this.open(this.view.year);
    });
    this.notice(
      `这份报告已在别处（另一个窗口或另一位同事）保存了更新的版本${error.currentVersion !== undefined ? `（版本 ${error.currentVersion}）` : ''}，本页的修改没有保存，但都还在本页，没有丢失。请选择：`,
      'error',
      [overwrite, reload],
    );
    this.check();
  }

  /** Leaving the page: the unsaved changes go out with keepalive (and stay in the tab's backup). */
  private saveOnLeave(): void {
    if (!this.view || this.conflict || !this.autosaver.hasUnsaved || this.autosaver.isSaving) return;
    this.autosaver.settled();
    this.api.saveDraft(this.view.year, this.editor.snapshot(), this.version, { keepalive: true, explanations: { ...this.explanations } }).then(
      (result) => {
        this.version = result.version;
        dropBackup(sessionStorage, this.view.agency.id, this.view.year);
        this.setSaveState(`已保存（版本 ${result.version}）`);
      },
      () => this.autosaver.changed(),
    );
  }

  private async submit(): Promise<void> {
    const button = byId<HTMLButtonElement>('submit');
    if (button.disabled) return;
    button.disabled = true;
    await this.autosaver.flush().catch(() => undefined);
    if (this.conflict) return;
    const { year, agency } = this.view;
    const sent = this.edits;
    try {
      const result = await this.api.submit(year, this.editor.snapshot(), this.version, crypto.randomUUID(), { ...this.explanations });
      this.autosaver.settled();
      dropBackup(sessionStorage, agency.id, year);
      this.version = result.version;
      this.serverFindings = result.findings;
      this.serverEdits = sent;
      this.view = await this.api.getFiling(year).catch(() => ({ ...this.view, status: result.status, version: result.version }));
      this.renderHeader();
      // Announced last, once the header already shows the new status.
      this.notice(`提交成功：第 ${result.revision} 版已于 ${timeText(result.submittedAt)} 提交。`, 'info');
      this.setSaveState(`已提交（版本 ${result.version}）`);
      this.check();
      void this.watchPublishing(year);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422 && error.findings.length > 0) {
        this.serverFindings = error.findings;
        this.serverEdits = sent;
        this.notice(`${error.message}。错误已标在对应的单元格旁。`);
        this.check();
      } else {
        this.failed(error, '提交');
        this.check();
      }
    }
  }

  /** Publishing follows a submission within seconds; look a few times for the public link. */
  private async watchPublishing(year: number): Promise<void> {
    for (let i = 0; i < 20 && this.view.year === year && this.view.status !== 'published'; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      try {
        const view = await this.api.getFiling(year);
        if (view.year !== this.view.year) return;
        if (view.status === 'published') {
          this.view = { ...this.view, status: view.status, revisions: view.revisions };
          this.renderHeader();
          byId('announcer').textContent = '报告已公开。';
          return;
        }
      } catch {
        return;
      }
    }
  }

  private async switchYear(year: number): Promise<void> {
    await this.autosaver.flush().catch(() => undefined);
    if (this.conflict) {
      byId<HTMLSelectElement>('year').value = String(this.view.year);
      return;
    }
    await this.open(year).catch((error: unknown) => this.failed(error, '保存'));
  }

  private async importClicked(dropped?: File): Promise<void> {
    const status = byId('import-status');
    const missingList = byId('import-missing');
    missingList.hidden = true;
    const file = dropped ?? byId<HTMLInputElement>('import-file').files?.[0];
    const source = await importSource(file, byId<HTMLTextAreaElement>('import-text').value);
    if (!source) {
      status.textContent = '请粘贴报告全文，或选择报告文件（Word、Excel、PDF、网页或文本）。';
      return;
    }
    status.textContent = file ? `正在读取 ${file.name}…` : '正在读取…';
    let imported: Report;
    let missing: readonly string[];
    try {
      ({ report: imported, missing } = await readForForm(source, { agencyName: this.view.agency.name, year: this.view.year }));
    } catch (error) {
      status.textContent = importFailure(error);
      return;
    }
    if (missing.length === 0) {
      this.applyImport(imported, missing);
      return;
    }
    status.textContent = `文件中有部分内容未能读取（共 ${missing.length} 处）。`;
    showMissing(missingList, missing, () => this.applyImport(imported, missing));
  }

  /** Prefills the form from an imported report: this year's content, or last year's carry-over. */
  private applyImport(imported: Report, missing: readonly string[]): void {
    const status = byId('import-status');
    const year = this.view.year;
    const rest = missing.length > 0 ? `未能读取的 ${missing.length} 处请手动填写。` : '';
    if (imported.year === year && imported.template === templateForYear(year)) {
      this.editor.loadContent(imported);
      status.textContent = missing.length > 0
        ? `已导入 ${imported.year} 年度报告中读取到的内容，请逐项核对；${rest}`
        : `已导入 ${imported.year} 年度报告的全部内容，请逐项核对。`;
    } else if (imported.year === year - 1) {
      const carried = imported.sections.applications.carriedForward ?? {};
      for (const [path, input] of this.form.inputs) {
        const column = path.startsWith('applications.carriedOver.') ? path.split('.')[2]! : undefined;
        const value = column ? carried[column] : undefined;
        if (column && typeof value === 'number') {
          this.editor.setCellText(path, String(value));
          input.value = String(value);
        }
      }
      status.textContent = `已按 ${imported.year} 年度报告的“结转下年度继续办理”填入本年“上年结转”。`;
    } else {
      status.textContent = `这是 ${imported.year} 年度的报告，与正在填写的 ${year} 年度不符；可先切换年度再导入。`;
      return;
    }
    this.showEditorContent();
  }

  /** After the editor's content was replaced (imported, rolled up): every field shows it again. */
  private showEditorContent(): void {
    for (const [path, input] of this.form.inputs) input.value = this.editor.textOf(path);
    for (const id of ['overview', 'problems', 'other'] as const) {
      const area = this.form.fields.get(id) as HTMLTextAreaElement | undefined;
      if (area) area.value = this.editor.textSection(id);
      this.updateCounter(id);
    }
    this.edited();
  }
}

async function boot(): Promise<void> {
  const token = signIn(window);
  const app = byId('app');
  const base = meta('nianbao-api');
  const showSignIn = () => {
    byId('signed-out').hidden = false;
    mountCodeSignIn(byId('code-sign-in'), base, 'filer', (session) => {
      keepToken(window, session.token);
      window.location.reload();
    });
  };
  if (!token) {
    app.classList.add('signed-out');
    showSignIn();
    return;
  }
  const signOutButton = byId('sign-out');
  signOutButton.hidden = false;
  signOutButton.addEventListener('click', () => {
    void signOutSession(base, token).then(() => {
      signOut(window);
      window.location.reload();
    });
  });
  const api = apiClient(base, token);
  const today = shanghaiDate(new Date());
  const views = await Promise.all(candidateYears(today).map((y) => api.getFiling(y).catch((error: unknown) => error)));
  const failure = views.find((v) => v instanceof ApiError && (v.status === 401 || v.status === 403));
  const first = views.find((v): v is FilingView => !(v instanceof Error));
  if (failure || !first) {
    if (failure) signOut(window);
    signOutButton.hidden = true;
    showSignIn();
    byId('signed-out-reason').textContent =
      failure instanceof ApiError ? failure.message : first ? '' : `无法读取报告：${String(views[0])}`;
    return;
  }
  byId('workspace').hidden = false;
  const byYear = new Map(views.filter((v): v is FilingView => !(v instanceof Error)).map((v) => [v.year, v]));
  const year =
    rememberedYear(sessionStorage) ??
    openingYear(today, (y) => deadlineOf(first.agency, y), (y) => byYear.get(y)?.status);
  const page = new FilingPage(api, today);
  await page.open(year, byYear.get(year));
}

void boot();
