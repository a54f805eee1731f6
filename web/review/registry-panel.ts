/**
 * The registry panel of the review page (单位名录与登录): the agencies of the reviewer's region
 * (or a region inside it) with their last sign-in; register, edit, deactivate and reactivate an
 * agency; end its sessions; upload the registry CSV; the region's reviewers. The server checks
 * every region against the session; the page checks the 统一社会信用代码 only to say it early.
 */
import type { CsvImported, RegistryAgency, RegistryView } from '../../functions/contract/registry.js';
import { creditCodeMessage, creditCodeProblem } from '../../functions/domain/credit-code.js';
import type { AgencyKind } from '../../functions/domain/agency.js';
import { clear, h } from '../form/dom.js';

export type Call = <T>(method: string, path: string, body?: unknown) => Promise<T>;
type Notice = (text: string, kind?: 'error' | 'info') => void;

const KIND_LABELS: Record<AgencyKind, string> = { department: '部门', township: '乡镇（街道）', 'government-office': '人民政府办公室' };

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

function time(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '从未登录';
}

/** CSV files saved by Excel on Chinese Windows are GBK: UTF-8 first, else GB18030. */
async function readCsv(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export class RegistryPanel {
  private view: RegistryView | undefined;
  /** the agency being edited; undefined: the form registers a new one */
  private editing: string | undefined;

  constructor(
    private readonly call: Call,
    private readonly notice: Notice,
    private readonly ownRegion: string,
    /** after the registry changed: the board lists the agencies that owe reports */
    private readonly changed: () => void = () => undefined,
  ) {}

  private get region(): string {
    return $<HTMLInputElement>('registry-region').value.trim() || this.ownRegion;
  }

  start(): void {
    $<HTMLInputElement>('registry-region').value = this.ownRegion;
    $('registry-load').addEventListener('click', () => void this.load());
    $('agency-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save();
    });
    $('agency-cancel').addEventListener('click', () => this.edit(undefined));
    $('agency-id').addEventListener('input', () => this.checkCode());
    $('csv-upload').addEventListener('click', () => void this.upload());
    $('reviewer-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.addReviewer();
    });
    this.edit(undefined);
    void this.load();
  }

  async load(): Promise<void> {
    try {
      this.view = await this.call<RegistryView>('GET', `/api/regions/${encodeURIComponent(this.region)}/registry`);
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    this.render();
  }

  /** Reads the registry again and tells the board. */
  private async reload(): Promise<void> {
    await this.load();
    this.changed();
  }

  private render(): void {
    const view = this.view;
    if (!view) return;
    const body = document.querySelector('#registry-table tbody')!;
    clear(body);
    for (const a of view.agencies) body.append(this.row(a));
    if (view.agencies.length === 0) body.append(h('tr', {}, h('td', { colspan: 8 }, '本区域尚未登记单位')));
    const list = $('reviewer-list');
    clear(list);
    for (const email of view.reviewers) {
      const remove = h('button', { type: 'button', 'aria-label': `删除审核人员 ${email}` }, '删除');
      remove.addEventListener('click', () => void this.removeReviewer(email));
      list.append(h('li', { 'data-email': email }, `${email} `, remove));
    }
    if (view.reviewers.length === 0) list.append(h('li', {}, '本区域尚无审核人员'));
  }

  private row(a: RegistryAgency): HTMLTableRowElement {
    const button = (label: string, aria: string, run: () => Promise<void> | void) => {
      const b = h('button', { type: 'button', 'aria-label': aria }, label);
      b.addEventListener('click', () => void run());
      return b;
    };
    return h(
      'tr',
      { 'data-agency': a.id, class: a.active ? undefined : 'inactive' },
      h('th', { scope: 'row' }, a.name),
      h('td', {}, a.id),
      h('td', {}, a.region),
      h('td', {}, KIND_LABELS[a.kind]),
      h('td', {}, a.emails.join('；') || '—'),
      h('td', { class: 'agency-status' }, a.active ? '正常' : `已停用（${time(a.deactivatedAt)}）`),
      h('td', { class: 'last-sign-in' }, time(a.lastSignInAt)),
      h(
        'td',
        { class: 'actions' },
        button('编辑', `编辑${a.name}`, () => this.edit(a)),
        ' ',
        a.active
          ? button('停用', `停用${a.name}`, () => this.setActive(a, false))
          : button('恢复', `恢复${a.name}`, () => this.setActive(a, true)),
        ' ',
        button('结束登录', `结束登录：${a.name}（全部会话）`, () => this.endSessions(a)),
      ),
    );
  }

  private edit(a: RegistryAgency | undefined): void {
    this.editing = a?.id;
    $('agency-editor-title').textContent = a ? `编辑：${a.name}` : '登记新单位';
    $<HTMLInputElement>('agency-name').value = a?.name ?? '';
    const id = $<HTMLInputElement>('agency-id');
    id.value = a?.id ?? '';
    id.readOnly = a !== undefined;
    $<HTMLInputElement>('agency-region').value = a?.region ?? this.region;
    $<HTMLSelectElement>('agency-kind').value = a?.kind ?? 'department';
    $<HTMLTextAreaElement>('agency-emails').value = (a?.emails ?? []).join('\n');
    $('agency-id-check').textContent = '';
    if (a) $<HTMLDetailsElement>('agency-editor').open = true;
  }

  private checkCode(): boolean {
    const code = $<HTMLInputElement>('agency-id').value.trim().toUpperCase();
    const problem = code ? creditCodeProblem(code) : undefined;
    $('agency-id-check').textContent = problem ? creditCodeMessage(code, problem) : '';
    return problem === undefined;
  }

  private async save(): Promise<void> {
    if (!this.checkCode()) return;
    const input = {
      id: $<HTMLInputElement>('agency-id').value.trim().toUpperCase(),
      name: $<HTMLInputElement>('agency-name').value.trim(),
      region: $<HTMLInputElement>('agency-region').value.trim(),
      kind: $<HTMLSelectElement>('agency-kind').value,
      emails: $<HTMLTextAreaElement>('agency-emails')
        .value.split(/[\s;；,，]+/)
        .map((e) => e.trim())
        .filter(Boolean),
    };
    const region = encodeURIComponent(this.region);
    try {
      const saved = this.editing
        ? await this.call<RegistryAgency>('PUT', `/api/regions/${region}/agencies/${encodeURIComponent(this.editing)}`, input)
        : await this.call<RegistryAgency>('POST', `/api/regions/${region}/agencies`, input);
      this.notice(`已保存：${saved.name}`, 'info');
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    this.edit(undefined);
    await this.reload();
  }

  private async setActive(a: RegistryAgency, active: boolean): Promise<void> {
    if (!active && !confirm(`停用“${a.name}”？停用后该单位不再需要报送年报、不再收到提醒，其登录随即失效；已公开的报告保留。`)) return;
    try {
      await this.call('POST', `/api/regions/${encodeURIComponent(this.region)}/agencies/${a.id}/status`, { active });
      this.notice(active ? `已恢复：${a.name}` : `已停用：${a.name}`, 'info');
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    await this.reload();
  }

  private async endSessions(a: RegistryAgency): Promise<void> {
    try {
      const { ended } = await this.call<{ ended: number }>('POST', `/api/regions/${encodeURIComponent(this.region)}/agencies/${a.id}/sign-out`);
      this.notice(`已结束${a.name}的 ${ended} 个登录（含 API 令牌），需重新登录。`, 'info');
    } catch (error) {
      this.notice((error as Error).message);
    }
  }

  private async upload(): Promise<void> {
    const file = $<HTMLInputElement>('csv-file').files?.[0];
    const problems = $('csv-problems');
    clear(problems);
    if (!file) {
      this.notice('请先选择 CSV 文件');
      return;
    }
    try {
      const csv = await readCsv(file);
      const result = await this.call<CsvImported>('POST', `/api/regions/${encodeURIComponent(this.region)}/agencies/import`, { csv });
      this.notice(`已导入：写入 ${result.written} 个单位，${result.unchanged} 个未改动。`, 'info');
    } catch (error) {
      const issues = (error as { issues?: { path: string; message: string }[] }).issues ?? [];
      for (const issue of issues) problems.append(h('li', {}, `${issue.path}：${issue.message}`));
      this.notice((error as Error).message);
      return;
    }
    await this.reload();
  }

  private async addReviewer(): Promise<void> {
    const input = $<HTMLInputElement>('reviewer-email');
    try {
      await this.call('POST', `/api/regions/${encodeURIComponent(this.region)}/reviewers`, { email: input.value.trim() });
      this.notice(`已添加审核人员 ${input.value.trim()}，可在 /review/ 用邮箱验证码登录。`, 'info');
      input.value = '';
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    await this.load();
  }

  private async removeReviewer(email: string): Promise<void> {
    if (!confirm(`删除审核人员 ${email}？其登录随即失效。`)) return;
    try {
      await this.call('POST', `/api/regions/${encodeURIComponent(this.region)}/reviewers/remove`, { email });
      this.notice(`已删除审核人员 ${email}`, 'info');
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    await this.load();
  }
}
