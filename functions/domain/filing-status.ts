/**
 * Where a filing stands, with the sets the use cases, the stores and both browser apps reason
 * with and the Chinese words each audience reads. The one definition: nothing else lists them.
 */
import { z } from 'zod';

/**
 * - not_started: the reporting year opened, nothing saved yet (or no filing item at all);
 * - draft: saved, never submitted (or submitted revisions exist and a newer draft is being edited);
 * - submitted: accepted, waiting for its page;
 * - awaiting_approval: accepted in a region with `review: required`; the reviewer's approval publishes it;
 * - returned: the reviewer sent it back with comments;
 * - published: its newest accepted revision is on the public site;
 * - publish_failed: accepted, but the site could not be written after retries (the repair pass retries).
 */
export const FilingStatus = /* @__PURE__ */ z.enum(['not_started', 'draft', 'submitted', 'awaiting_approval', 'returned', 'published', 'publish_failed']);
export type FilingStatus = z.infer<typeof FilingStatus>;

/** A report is still owed: nothing accepted is on file (reminders go out, the board counts it overdue). */
export const OUTSTANDING_STATUSES: readonly FilingStatus[] = ['not_started', 'draft', 'returned'];
/** The report is in (submitted, whatever its review or page): the complement of outstanding. */
export const FILED_STATUSES: readonly FilingStatus[] = ['submitted', 'awaiting_approval', 'published', 'publish_failed'];
/** An accepted report that may be public: what the publisher publishes and the roll-up sums. */
export const ACCEPTED_STATUSES: readonly FilingStatus[] = ['submitted', 'published', 'publish_failed'];

export function isOutstanding(status: FilingStatus): boolean {
  return OUTSTANDING_STATUSES.includes(status);
}
export function isFiled(status: FilingStatus): boolean {
  return FILED_STATUSES.includes(status);
}
export function isAccepted(status: FilingStatus): boolean {
  return ACCEPTED_STATUSES.includes(status);
}

/** Short names: the reviewer's board, its CSV, reminder e-mails. */
export const STATUS_LABELS = {
  not_started: '未开始',
  draft: '草稿',
  // accepted, its page not written yet (normally seconds; the repair pass publishes what waits longer)
  submitted: '待发布',
  awaiting_approval: '待审核',
  returned: '已退回',
  published: '已公开',
  publish_failed: '公开失败（重试中）',
} as const satisfies Record<FilingStatus, string>;

/** What the filer reads in the form: the status and what happens next. */
export const FILER_STATUS_TEXT = {
  not_started: '未开始',
  draft: '草稿（未提交）',
  submitted: '已提交',
  awaiting_approval: '已提交，待主管部门审核后公开',
  returned: '已退回，请按主管部门意见修改后重新提交',
  published: '已公开',
  publish_failed: '已提交（公开页面暂未生成，系统会自动重试）',
} as const satisfies Record<FilingStatus, string>;

/** A count per status, all zero (the board and the region list start from it). */
export function emptyStatusCounts(): Record<FilingStatus, number> {
  return Object.fromEntries(FilingStatus.options.map((s) => [s, 0])) as Record<FilingStatus, number>;
}
