import type { FilingStatus } from '../../functions/services/model.js';

/** Chinese names of filing statuses, shared by the review page and the board's CSV. */
export const STATUS_LABELS = {
  not_started: '未开始',
  draft: '草稿',
  submitted: '已提交',
  awaiting_approval: '待审核',
  returned: '已退回',
  published: '已公开',
  publish_failed: '公开失败（重试中）',
} as const satisfies Record<FilingStatus, string>;
