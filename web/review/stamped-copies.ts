/**
 * The stamped copy (盖章件) on the review page: the board's 盖章件 column, the filing view's
 * links (presigned by the API, valid a few minutes, so they are fetched with the view and
 * opened at once), and the region's switches "approval needs the stamped copy" and "publish it".
 */
import type { Board, BoardRow, ReviewFilingResponse } from '../../functions/contract/filing-api.js';
import type { RegionSettingsPatch } from '../../functions/contract/stamped-copy.js';
import { sizeText } from '../../functions/domain/stamped-copy.js';
import { clear, h } from '../form/dom.js';

const time = (iso: string) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The board's 盖章件 cell: of the newest revision, of an older one, or none yet. */
export function stampedCell(row: BoardRow): HTMLTableCellElement {
  const copy = row.stampedCopy;
  if (copy && copy.revision === row.revisions) {
    return h('td', { class: 'stamped', title: `${copy.fileName}，${time(copy.uploadedAt)}上传` }, '已上传');
  }
  if (copy) return h('td', { class: 'stamped-old', title: copy.fileName }, `第 ${copy.revision} 版已上传，第 ${row.revisions} 版未上传`);
  return h('td', { class: row.revisions > 0 ? 'stamped-missing' : undefined }, row.revisions > 0 ? '未上传' : '—');
}

/** Sorting by the column: uploaded for the newest revision first. */
export function stampedSortValue(row: BoardRow): number {
  if (!row.stampedCopy) return row.revisions > 0 ? 1 : 0;
  return row.stampedCopy.revision === row.revisions ? 3 : 2;
}

/** The filing view's list of stamped copies, each a link that opens the file. */
export function renderStampedCopies(container: HTMLElement, view: ReviewFilingResponse): void {
  clear(container);
  const rule = view.stampedCopyRequired ? '本区域要求上传盖章件后才能审核通过。' : '';
  if (view.stampedCopies.length === 0) {
    container.append(h('p', {}, view.latest ? `尚未上传盖章件。${rule}` : '尚未提交。'));
    return;
  }
  const newest = view.latest?.revision;
  if (newest !== undefined && view.stampedCopies[0]!.revision !== newest) container.append(h('p', { class: 'stamped-missing' }, `第 ${newest} 版尚未上传盖章件。${rule}`));
  container.append(
    h(
      'ul',
      { class: 'stamped-copies' },
      view.stampedCopies.map((c) =>
        h(
          'li',
          { 'data-revision': c.revision },
          `第 ${c.revision} 版：`,
          h('a', { href: c.url, target: '_blank', rel: 'noreferrer noopener' }, c.fileName),
          `（${sizeText(c.size)}，${time(c.uploadedAt)}上传；链接 ${time(c.expiresAt)}前有效，过期请刷新）`,
        ),
      ),
    ),
  );
}

/** What the page says once a switch is stored. */
export function settingNotice(change: RegionSettingsPatch): string {
  if (change.publishStampedCopy !== undefined) {
    return change.publishStampedCopy ? '已设置：发布报告时一并公开其盖章件（扫描件）。' : '已设置：盖章件不再公开（下次发布时从公开网站删除）。';
  }
  return change.stampedCopy === 'required' ? '已设置：审核通过前须上传盖章件。' : '已设置：审核通过不再要求盖章件。';
}

/** The region's two switches; `save` sends the one changed and answers once it is stored. */
export function mountStampedToggle(container: HTMLElement, board: Board, save: (change: RegionSettingsPatch) => Promise<void>): void {
  clear(container);
  const required = h('input', { type: 'checkbox', id: 'stamped-required', checked: board.stampedCopy === 'required' });
  const publish = h('input', { type: 'checkbox', id: 'stamped-publish', checked: board.publishStampedCopy });
  const onChange = (box: HTMLInputElement, change: () => RegionSettingsPatch) =>
    box.addEventListener('change', () => {
      box.disabled = true;
      void save(change()).finally(() => (box.disabled = false));
    });
  onChange(required, () => ({ stampedCopy: required.checked ? 'required' : 'none' }));
  onChange(publish, () => ({ publishStampedCopy: publish.checked }));
  container.append(
    required, ' ', h('label', { for: 'stamped-required' }, '审核通过前须上传盖章件'), ' ',
    publish, ' ', h('label', { for: 'stamped-publish' }, '公开盖章件（扫描件）'),
  );
}
