/** The reviewer's board as CSV (the board's 导出 CSV): one row per agency, Chinese headers. */
import type { Board } from '../contract/filing-api.js';
import { STATUS_LABELS } from '../domain/filing-status.js';
import { csvDocument, numberField, textField } from './csv.js';

export function boardCsv(board: Board): string {
  const header = ['单位', '统一社会信用代码', '状态', '已提交版本数', '最近一次提交', '最近一次提交结果', '错误数', '未说明提示', '截止日期', '距截止天数', '是否逾期', '最近提醒', '盖章件'];
  return csvDocument([
    header.map(textField),
    ...board.rows.map((r) => [
      textField(r.agencyName),
      textField(r.agencyId),
      textField(STATUS_LABELS[r.status]),
      numberField(String(r.revisions)),
      textField(r.lastAttempt?.at ?? ''),
      textField(r.lastAttempt ? (r.lastAttempt.ok ? '通过' : '未通过检查') : ''),
      numberField(String(r.lastAttempt?.errorCount ?? 0)),
      numberField(String(r.unexplainedWarnings)),
      textField(r.deadline),
      numberField(String(r.daysLeft)),
      textField(r.overdue ? '逾期' : ''),
      textField(r.lastReminderAt ?? ''),
      // Which revision's stamped copy was uploaded (of the newest, or of an older one).
      textField(r.stampedCopy ? `第${r.stampedCopy.revision}版 ${r.stampedCopy.fileName}` : ''),
    ]),
  ]);
}
