/**
 * The stamped copy (盖章件) panel: once a report is submitted, the filer uploads the printed
 * report signed by the agency's head and stamped with its seal (PDF, JPEG or PNG, at most
 * 10 MB). The file is checked here first (declared type, size and its first bytes, with the
 * domain's own rules), then PUT straight to the private bucket through a URL the API presigned
 * for exactly that type and size, then confirmed (the server checks the stored file again).
 */
import type { StampedCopyInfo } from '../../functions/contract/stamped-copy.js';
import { isFiled, type FilingStatus } from '../../functions/domain/filing-status.js';
import {
  STAMPED_COPY_SNIFF_BYTES,
  sniffStampedCopy,
  stampedCopyContentProblem,
  stampedCopyProblem,
} from '../../functions/domain/stamped-copy.js';
import type { ApiClient } from './api-client.js';
import { clear, h } from './dom.js';

const timeText = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' });

export interface StampedCopyState {
  year: number;
  status: FilingStatus;
  /** the newest submitted revision (0: none) */
  revision: number;
  stampedCopy: StampedCopyInfo | null;
}

/** What is wrong with the chosen file, read from its declared type, size and first bytes. */
export async function checkChosenFile(file: File): Promise<{ type: string } | { problem: string }> {
  const head = new Uint8Array(await file.slice(0, STAMPED_COPY_SNIFF_BYTES).arrayBuffer());
  const sniffed = sniffStampedCopy(head);
  // The content decides: a scan saved as .jpg that is really a PNG is still an accepted scan.
  const problem =
    stampedCopyProblem({ name: file.name, type: sniffed ?? file.type, size: file.size }) ??
    (sniffed ? undefined : stampedCopyContentProblem(head, file.type, file.name));
  return problem ? { problem } : { type: sniffed! };
}

export function showStampedCopy(panel: HTMLElement, state: StampedCopyState, api: ApiClient, onUploaded: (copy: StampedCopyInfo) => void): void {
  clear(panel);
  panel.hidden = !isFiled(state.status) || state.revision === 0;
  if (panel.hidden) return;
  const current = state.stampedCopy?.revision === state.revision ? state.stampedCopy : null;
  const status = h('p', { id: 'stamped-status', role: 'status' });
  const input = h('input', { type: 'file', id: 'stamped-file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' });
  const said = (text: string, kind: 'ok' | 'error' | '' = '') => {
    status.textContent = text;
    status.className = kind;
  };
  if (current) said(`已上传：${current.fileName}（${timeText(current.uploadedAt)}）`, 'ok');
  else if (state.stampedCopy) said(`第 ${state.stampedCopy.revision} 版的盖章件已上传；第 ${state.revision} 版尚未上传。`);
  else said(`第 ${state.revision} 版尚未上传盖章件。`);
  input.addEventListener('change', () => {
    const file = input.files?.[0];
    if (!file) return;
    void upload(file);
  });
  async function upload(file: File): Promise<void> {
    input.disabled = true;
    try {
      const checked = await checkChosenFile(file);
      if ('problem' in checked) return said(checked.problem, 'error');
      said(`正在上传 ${file.name}…`);
      const ticket = await api.stampedUpload(state.year, { fileName: file.name, contentType: checked.type, size: file.size });
      let put: Response;
      try {
        put = await fetch(ticket.url, { method: ticket.method, headers: ticket.headers, body: file, cache: 'no-store', referrerPolicy: 'no-referrer' });
      } catch {
        return said('上传失败：无法连接存储服务，请检查网络后重试。', 'error');
      }
      if (!put.ok) return said(`上传失败：存储服务拒绝了文件（HTTP ${put.status}），请重新选择文件上传。`, 'error');
      const copy = await api.stampedConfirm(state.year, ticket.uploadId, file.name);
      said(`已上传：${copy.fileName}（${timeText(copy.uploadedAt)}）`, 'ok');
      onUploaded(copy);
    } catch (error) {
      said(`上传失败：${error instanceof Error ? error.message : String(error)}`, 'error');
    } finally {
      input.disabled = false;
      input.value = '';
    }
  }
  panel.append(
    h('h2', {}, '盖章件'),
    h('p', { class: 'hint' }, '请将已提交的报告打印，经单位负责人签字并加盖公章后，扫描或拍照上传（PDF、JPEG 或 PNG，不超过 10 MB）。盖章件仅主管部门可见，不公开。'),
    h('p', {}, h('label', { for: 'stamped-file' }, '上传盖章件'), ' ', input),
    status,
  );
}
