/**
 * The reviewing office's page (/review/): the region's board, one filing (report, findings,
 * revisions and their differences, audit trail), return with comments, approval, the roll-up,
 * and the registry (registry-panel.ts).
 * No framework; every text goes into the DOM as text, except the report article, which is the
 * site renderer's own escaped HTML.
 */
import { TEMPLATES, cellLabel, cellPath, type TemplateId } from '../../functions/domain/report-template.js';
import { clear, h } from '../form/dom.js';
import { extractToken } from '../form/sign-in.js';
import { mountCodeSignIn, signOutSession } from '../form/code-sign-in.js';
import { STATUS_LABELS, isFiled, isOutstanding, type FilingStatus } from '../../functions/domain/filing-status.js';
import { findingKey } from '../../functions/domain/finding.js';
import type { Board, BoardRow, ReviewFilingResponse } from '../../functions/contract/filing-api.js';
import { RegistryPanel } from './registry-panel.js';
import { mountStampedToggle, renderStampedCopies, settingNotice, stampedCell, stampedSortValue } from './stamped-copies.js';

type FilingDetail = ReviewFilingResponse;

const TOKEN_KEY = 'nianbao.review-token';
const REGION_KEY = 'nianbao.review-region';

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const AUDIT_LABELS: Record<string, string> = {
  'filing.submitted': '提交',
  'filing.check-failed': '提交未通过检查',
  'filing.returned': '主管部门退回',
  'filing.approved': '主管部门审核通过',
  'filing.stamped-copy': '上传盖章件',
  'draft.saved': '保存草稿',
};

function time(iso: string | null | undefined): string {
  if (!iso) return '—';
  return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

function daysText(row: BoardRow): string {
  if (!isOutstanding(row.status)) return '已提交';
  if (row.daysLeft > 0) return `还有 ${row.daysLeft} 天`;
  if (row.daysLeft === 0) return '今天截止';
  return `逾期 ${-row.daysLeft} 天`;
}

class ReviewPage {
  private board: Board | undefined;
  private sort: { key: string; dir: 1 | -1 } = { key: 'agencyName', dir: 1 };
  private current: FilingDetail | undefined;
  private cellComments = new Map<string, string>();

  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly region: string,
  ) {}

  private async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as unknown) : undefined;
    if (!res.ok) {
      const error = (parsed as { error?: { message?: string; issues?: unknown } } | undefined)?.error;
      const message = error?.message ?? `服务器返回错误（HTTP ${res.status}）`;
      throw Object.assign(new Error(message), { status: res.status, issues: error?.issues });
    }
    return parsed as T;
  }

  private async download(path: string, name: string): Promise<void> {
    const res = await fetch(`${this.base}${path}`, { headers: { authorization: `Bearer ${this.token}` }, cache: 'no-store' });
    if (!res.ok) throw new Error(`下载失败（HTTP ${res.status}）`);
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private notice(text: string, kind: 'error' | 'info' = 'error'): void {
    const el = $('notice');
    el.textContent = text;
    el.className = kind === 'info' ? 'notice info' : 'notice';
    el.hidden = !text;
  }

  private get year(): number {
    return Number($<HTMLSelectElement>('year').value);
  }

  async start(): Promise<void> {
    $('region').textContent = this.region;
    const select = $<HTMLSelectElement>('year');
    const now = new Date().getFullYear();
    const fromHash = Number(new URLSearchParams(location.hash.slice(1)).get('year'));
    for (let y = now; y >= 2019; y--) select.append(h('option', { value: y }, `${y}年度`));
    select.value = String(fromHash >= 2019 && fromHash <= now + 30 ? fromHash : now - 1);
    if (select.value === '' && fromHash) {
      select.append(h('option', { value: fromHash }, `${fromHash}年度`));
      select.value = String(fromHash);
    }
    select.addEventListener('change', () => void this.loadBoard());
    $('filter').addEventListener('change', () => this.renderRows());
    $('search').addEventListener('input', () => this.renderRows());
    for (const button of document.querySelectorAll<HTMLButtonElement>('#board th button')) {
      button.addEventListener('click', () => {
        const key = button.dataset.sort ?? 'agencyName';
        this.sort = { key, dir: this.sort.key === key ? (-this.sort.dir as 1 | -1) : 1 };
        this.renderRows();
      });
    }
    $('export').addEventListener('click', () =>
      void this.download(`/api/regions/${this.region}/board?year=${this.year}&format=csv`, `${this.region}-${this.year}-填报情况.csv`).catch((e: Error) => this.notice(e.message)),
    );
    $('approve').addEventListener('click', () => void this.approve());
    $('return').addEventListener('click', () => void this.returnFiling());
    $('add-cell-comment').addEventListener('click', () => this.addCellComment());
    $('diff').addEventListener('click', () => void this.diff());
    $('rollup').addEventListener('click', () => void this.rollup());
    $('workspace').hidden = false;
    new RegistryPanel(
      (method, path, body) => this.call(method, path, body),
      (text, kind) => this.notice(text, kind),
      this.region,
      () => void this.loadBoard(),
    ).start();
    await this.loadBoard();
  }

  async loadBoard(): Promise<void> {
    try {
      this.board = await this.call<Board>('GET', `/api/regions/${this.region}/board?year=${this.year}`);
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    const b = this.board;
    $('review-mode').textContent = b.review === 'required' ? '本区域报告经审核后公开' : '本区域报告提交后即公开';
    mountStampedToggle($('stamped-setting'), b, async (change) => {
      try {
        await this.call('PUT', `/api/regions/${this.region}/settings`, change);
        Object.assign(b, change);
        this.notice(settingNotice(change), 'info');
      } catch (error) {
        this.notice((error as Error).message);
        mountStampedToggle($('stamped-setting'), b, async () => this.loadBoard());
      }
    });
    const counts = $('counts');
    clear(counts);
    const items: [string, number, boolean][] = [
      ['单位总数', b.counts.total, false],
      ['已提交', b.counts.submitted + b.counts.published + b.counts.publish_failed + b.counts.awaiting_approval, false],
      ['待审核', b.counts.awaiting_approval, b.counts.awaiting_approval > 0],
      ['已公开', b.counts.published, false],
      ['未开始', b.counts.not_started, false],
      ['草稿', b.counts.draft, false],
      ['已退回', b.counts.returned, false],
      ['未通过检查', b.counts.failed, b.counts.failed > 0],
      ['逾期', b.counts.overdue, b.counts.overdue > 0],
    ];
    for (const [label, n, bad] of items) counts.append(h('li', { class: bad ? 'bad' : undefined, 'data-count': label }, label, h('strong', {}, String(n))));
    this.renderRows();
  }

  private renderRows(): void {
    if (!this.board) return;
    const filter = $<HTMLSelectElement>('filter').value;
    const search = $<HTMLInputElement>('search').value.trim();
    const value = (r: BoardRow): string | number => {
      switch (this.sort.key) {
        case 'lastAttempt':
          return r.lastAttempt?.at ?? '';
        case 'errorCount':
          return r.lastAttempt?.errorCount ?? 0;
        case 'unexplainedWarnings':
          return r.unexplainedWarnings;
        case 'daysLeft':
          return r.daysLeft;
        case 'lastReminderAt':
          return r.lastReminderAt ?? '';
        case 'stampedCopy':
          return stampedSortValue(r);
        case 'status':
          return STATUS_LABELS[r.status];
        default:
          return r.agencyName;
      }
    };
    const rows = this.board.rows
      .filter((r) => {
        if (search && !r.agencyName.includes(search)) return false;
        if (filter === 'failed') return r.lastAttempt?.ok === false;
        if (filter === 'overdue') return r.overdue;
        return !filter || r.status === filter;
      })
      .sort((a, b) => {
        const x = value(a);
        const y = value(b);
        const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
        return c * this.sort.dir;
      });
    for (const th of document.querySelectorAll<HTMLElement>('#board th')) {
      const key = th.querySelector('button')?.dataset.sort;
      if (key === this.sort.key) th.setAttribute('aria-sort', this.sort.dir === 1 ? 'ascending' : 'descending');
      else th.removeAttribute('aria-sort');
    }
    const body = document.querySelector('#board tbody')!;
    clear(body);
    for (const r of rows) {
      const attempt = r.lastAttempt;
      body.append(
        h(
          'tr',
          { 'data-agency': r.agencyId },
          h('th', { scope: 'row' }, r.agencyName, r.deactivated ? '（已停用）' : ''),
          h('td', { class: 'status' }, STATUS_LABELS[r.status]),
          h('td', {}, attempt ? `${time(attempt.at)}${attempt.ok ? '' : '（未通过检查）'}` : '—'),
          h('td', { class: attempt && !attempt.ok ? 'failed' : undefined }, String(attempt?.errorCount ?? 0)),
          h('td', { class: r.unexplainedWarnings > 0 ? 'unexplained' : undefined }, String(r.unexplainedWarnings)),
          h('td', { class: r.overdue ? 'overdue' : undefined }, `${daysText(r)}（${r.deadline}）`),
          h('td', {}, time(r.lastReminderAt)),
          stampedCell(r),
          h('td', {}, r.revisions > 0 || r.status !== 'not_started' ? this.openButton(r) : ''),
        ),
      );
    }
  }

  private openButton(r: BoardRow): HTMLButtonElement {
    const b = h('button', { type: 'button', 'aria-label': `查看${r.agencyName}的报告` }, '查看');
    b.addEventListener('click', () => void this.openFiling(r.agencyId));
    return b;
  }

  async openFiling(agencyId: string, diff?: [number, number]): Promise<void> {
    let view: FilingDetail;
    try {
      view = await this.call<FilingDetail>('GET', `/api/regions/${this.region}/filings/${agencyId}/${this.year}${diff ? `?diff=${diff.join(',')}` : ''}`);
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    this.current = view;
    const section = $('filing');
    section.hidden = false;
    $('filing-heading').textContent = `${view.agency.name} ${this.year}年度报告`;
    const latest = view.latest;
    $('filing-status').textContent = `状态：${STATUS_LABELS[view.status]}${latest ? `；最新为第 ${latest.revision} 版（${time(latest.submittedAt)}提交）` : '；尚未提交'}`;
    $('approve').hidden = view.status !== 'awaiting_approval';
    $('return-box').hidden = !latest || !isFiled(view.status);
    this.fillCellSelect(latest?.report.template ?? '2021');
    this.cellComments = new Map();
    this.renderCellComments();

    const revBody = document.querySelector('#revisions tbody')!;
    clear(revBody);
    const from = $<HTMLSelectElement>('diff-from');
    const to = $<HTMLSelectElement>('diff-to');
    clear(from);
    clear(to);
    for (const r of view.revisions) {
      revBody.append(
        h('tr', {}, h('td', {}, `第 ${r.revision} 版`), h('td', {}, time(r.submittedAt)), h('td', {}, r.review ? (r.approvedAt ? `已通过（${time(r.approvedAt)}）` : '待审核') : '—'), h('td', {}, String(r.warningCount))),
      );
      from.append(h('option', { value: r.revision }, String(r.revision)));
      to.append(h('option', { value: r.revision }, String(r.revision)));
    }
    if (view.revisions.length > 1) {
      from.value = String(view.revisions.at(-2)!.revision);
      to.value = String(view.revisions.at(-1)!.revision);
    }
    if (diff) {
      from.value = String(diff[0]);
      to.value = String(diff[1]);
    }
    renderStampedCopies($('stamped-copies'), view);
    this.renderDiff(view.diff);

    const findings = $('findings');
    clear(findings);
    const list = [...(latest?.findings ?? []), ...(view.draft && view.draft.errorCount > 0 ? view.draft.findings.filter((f) => f.severity === 'error') : [])];
    if (list.length === 0) findings.append(h('li', {}, '无错误和提醒'));
    // The filer's explanation (说明) of a warning, next to it; an unexplained warning says so.
    const explanations = latest?.explanations ?? {};
    for (const f of list) {
      const note = f.severity === 'warning' ? explanations[findingKey(f)] : undefined;
      findings.append(
        h(
          'li',
          { 'data-key': findingKey(f) },
          `${f.severity === 'error' ? '错误（草稿）' : '提醒'}：${f.label} — ${f.message}`,
          f.severity === 'warning'
            ? note
              ? h('p', { class: 'explanation' }, h('strong', {}, '填报单位说明：'), note)
              : h('p', { class: 'explanation missing' }, '填报单位未说明')
            : '',
        ),
      );
    }

    const audit = $('audit');
    clear(audit);
    for (const e of view.audit) {
      const revision = typeof e.detail?.revision === 'number' ? `第 ${e.detail.revision} 版` : '';
      const comment = typeof e.detail?.comment === 'string' && e.detail.comment ? `：${e.detail.comment}` : '';
      audit.append(h('li', {}, `${time(e.at)} ${AUDIT_LABELS[e.type] ?? e.type} ${revision}${comment}（${e.actor}）`));
    }

    const page = $('report-page');
    clear(page);
    if (view.page) {
      // Our own renderer's output (every text escaped there); parsed, never run.
      const doc = new DOMParser().parseFromString(view.page, 'text/html');
      for (const node of [...doc.body.childNodes]) page.append(document.importNode(node, true));
    }
    section.scrollIntoView?.();
  }

  private renderDiff(diff: FilingDetail['diff']): void {
    const out = $('diff-result');
    clear(out);
    if (!diff) return;
    if (diff.changes.length === 0) {
      out.append(h('p', {}, `第 ${diff.from} 版与第 ${diff.to} 版没有差别。`));
      return;
    }
    out.append(
      h(
        'table',
        { class: 'diff' },
        h('caption', {}, `第 ${diff.from} 版 → 第 ${diff.to} 版：${diff.changes.length} 处不同`),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '单元格'), h('th', { scope: 'col' }, `第 ${diff.from} 版`), h('th', { scope: 'col' }, `第 ${diff.to} 版`))),
        h(
          'tbody',
          {},
          diff.changes.map((c) => h('tr', { 'data-path': c.path }, h('th', { scope: 'row' }, c.label), h('td', {}, String(c.from ?? '')), h('td', {}, String(c.to ?? '')))),
        ),
      ),
    );
  }

  private async diff(): Promise<void> {
    if (!this.current) return;
    const a = Number($<HTMLSelectElement>('diff-from').value);
    const b = Number($<HTMLSelectElement>('diff-to').value);
    if (!a || !b) return;
    await this.openFiling(this.current.agency.id, [a, b]);
  }

  private fillCellSelect(template: TemplateId): void {
    const select = $<HTMLSelectElement>('cell-select');
    clear(select);
    const def = TEMPLATES[template];
    for (const t of def.textSections) select.append(h('option', { value: t.id }, t.title));
    for (const table of def.tables) {
      for (const row of table.rows) {
        for (const column of table.columns) select.append(h('option', { value: cellPath(table, row, column) }, cellLabel(table, row, column)));
      }
    }
  }

  private addCellComment(): void {
    const path = $<HTMLSelectElement>('cell-select').value;
    const input = $<HTMLInputElement>('cell-comment');
    const text = input.value.trim();
    if (!path || !text) return;
    this.cellComments.set(path, text);
    input.value = '';
    this.renderCellComments();
  }

  private renderCellComments(): void {
    const list = $('cell-comments');
    clear(list);
    const select = $<HTMLSelectElement>('cell-select');
    for (const [path, text] of this.cellComments) {
      const label = [...select.options].find((o) => o.value === path)?.textContent ?? path;
      const remove = h('button', { type: 'button', 'aria-label': `删除对“${label}”的意见` }, '删除');
      remove.addEventListener('click', () => {
        this.cellComments.delete(path);
        this.renderCellComments();
      });
      list.append(h('li', { 'data-path': path }, `${label}：${text} `, remove));
    }
  }

  private async returnFiling(): Promise<void> {
    const view = this.current;
    if (!view?.latest) return;
    const comment = $<HTMLTextAreaElement>('return-comment').value.trim();
    try {
      await this.call('POST', `/api/regions/${this.region}/filings/${view.agency.id}/${this.year}/return`, {
        revision: view.latest.revision,
        comment,
        cells: Object.fromEntries(this.cellComments),
      });
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    $<HTMLTextAreaElement>('return-comment').value = '';
    this.notice(`已退回${view.agency.name}，并已通知其联系人。`, 'info');
    await Promise.all([this.loadBoard(), this.openFiling(view.agency.id)]);
  }

  private async approve(): Promise<void> {
    const view = this.current;
    if (!view?.latest) return;
    try {
      await this.call('POST', `/api/regions/${this.region}/filings/${view.agency.id}/${this.year}/approve`, { revision: view.latest.revision });
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    this.notice(`已审核通过${view.agency.name}的第 ${view.latest.revision} 版，正在公开。`, 'info');
    await Promise.all([this.loadBoard(), this.openFiling(view.agency.id)]);
  }

  private async rollup(): Promise<void> {
    const out = $('rollup-result');
    clear(out);
    let result: { coverage: { included: number; of: number; missing: { agencyName: string; status: FilingStatus }[] } };
    try {
      result = await this.call('GET', `/api/regions/${this.region}/rollup?year=${this.year}`);
    } catch (error) {
      this.notice((error as Error).message);
      return;
    }
    const { coverage } = result;
    const json = h('button', { type: 'button' }, '下载 JSON');
    const csv = h('button', { type: 'button' }, '下载 CSV');
    const name = `${this.region}-${this.year}-汇总`;
    json.addEventListener('click', () => void this.download(`/api/regions/${this.region}/rollup?year=${this.year}&format=json`, `${name}.json`).catch((e: Error) => this.notice(e.message)));
    csv.addEventListener('click', () => void this.download(`/api/regions/${this.region}/rollup?year=${this.year}&format=csv`, `${name}.csv`).catch((e: Error) => this.notice(e.message)));
    out.append(
      h('p', { id: 'coverage' }, `已汇总 ${coverage.included} / ${coverage.of} 个单位的已接收报告。`),
      coverage.missing.length ? h('p', {}, `未包含：${coverage.missing.map((m) => `${m.agencyName}（${STATUS_LABELS[m.status]}）`).join('、')}`) : '',
      h('p', {}, json, ' ', csv),
      h('p', {}, '本级人民政府办公室在填报页面可选择“以本级汇总数据开始”，作为本级报告的起点。'),
    );
  }
}

function main(): void {
  const base = document.querySelector<HTMLMetaElement>('meta[name="nianbao-api"]')?.content ?? '';
  const { token: fromUrl, cleanUrl } = extractToken(location.href);
  const region = new URLSearchParams(new URL(location.href).hash.slice(1)).get('region');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    history.replaceState(history.state, '', cleanUrl);
  }
  if (region) sessionStorage.setItem(REGION_KEY, region);
  const token = sessionStorage.getItem(TOKEN_KEY);
  const savedRegion = sessionStorage.getItem(REGION_KEY);
  const showSignIn = () => {
    $('signed-out').hidden = false;
    mountCodeSignIn($('code-sign-in'), base, 'reviewer', (session) => {
      sessionStorage.setItem(TOKEN_KEY, session.token);
      sessionStorage.setItem(REGION_KEY, session.region);
      location.reload();
    });
  };
  if (!token || !savedRegion) {
    showSignIn();
    return;
  }
  const signOutButton = $('sign-out');
  signOutButton.hidden = false;
  signOutButton.addEventListener('click', () => {
    void signOutSession(base, token).then(() => {
      sessionStorage.removeItem(TOKEN_KEY);
      location.reload();
    });
  });
  void new ReviewPage(base, token, savedRegion).start().catch((error: Error) => {
    signOutButton.hidden = true;
    showSignIn();
    $('signed-out-reason').textContent = error.message;
  });
}

main();
