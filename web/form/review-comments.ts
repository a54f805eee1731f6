/**
 * What the reviewing office said when it returned the filing: the general comment in a panel
 * above the form, each cell comment beside its cell (linked with aria-details, which the live
 * checks leave alone), until the next submission clears them on the server. And, for a region's
 * government office with nothing saved yet, the offer to start from the region's roll-up.
 */
import type { Report } from '../../functions/domain/report.js';
import type { FilingView } from './api-client.js';
import { clear, h } from './dom.js';

const reviewNoteId = (path: string) => `review-${path.replace(/\./g, '-')}`;

export function showReviewComments(returned: FilingView['returned'], fields: ReadonlyMap<string, HTMLElement>, panel: HTMLElement): void {
  for (const old of document.querySelectorAll('.review-note')) old.remove();
  for (const field of fields.values()) {
    field.classList.remove('has-review');
    field.removeAttribute('aria-details');
  }
  clear(panel);
  panel.hidden = !returned;
  if (!returned) return;
  const cells = Object.entries(returned.cells);
  panel.append(
    h('h2', {}, '主管部门退回意见'),
    returned.comment ? h('p', { id: 'review-general' }, returned.comment) : '',
    cells.length
      ? h(
          'ul',
          {},
          cells.map(([path, text]) => {
            const field = fields.get(path);
            return h('li', {}, field ? h('a', { href: `#${field.id}` }, field.getAttribute('aria-label') ?? path) : path, '：', text);
          }),
        )
      : '',
    h('p', { class: 'hint' }, '请按意见修改后重新提交；重新提交后意见不再显示。'),
  );
  for (const [path, text] of cells) {
    const field = fields.get(path);
    if (!field) continue;
    const id = reviewNoteId(path);
    field.classList.add('has-review');
    field.setAttribute('aria-details', id);
    field.insertAdjacentElement('afterend', h('p', { id, class: 'review-note', 'data-path': path }, h('span', { class: 'tag' }, '主管部门意见'), ' ', text));
  }
}

export function offerRollup(
  view: FilingView,
  panel: HTMLElement,
  load: () => Promise<{ report: Report; coverage: { included: number; of: number } }>,
  apply: (report: Report) => void,
): void {
  if (view.agency.kind !== 'government-office' || view.version !== 0 || view.returned) return;
  const button = h('button', { type: 'button', id: 'start-from-rollup' }, '以本级汇总数据开始');
  const status = h('span', { role: 'status' });
  button.addEventListener('click', () => {
    button.disabled = true;
    load()
      .then(({ report, coverage }) => {
        apply(report);
        status.textContent = `已填入 ${coverage.included} / ${coverage.of} 个单位已接收报告的合计，请核对并补写文字部分。`;
      })
      .catch((error: Error) => {
        button.disabled = false;
        status.textContent = `获取汇总数据失败：${error.message}`;
      });
  });
  clear(panel);
  panel.append(h('h2', {}, '本级报告'), h('p', {}, '本级报告的表格可以从本区域各单位已接收报告的合计开始。'), h('p', {}, button, ' ', status));
  panel.hidden = false;
}
