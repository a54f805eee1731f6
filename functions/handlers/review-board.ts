/** GET /api/regions/{region}/board?year=YYYY[&format=csv] (reviewers): every agency's state. */
import { z } from 'zod';
import { getBoard, type Board } from '../services/review.js';
import { RegionCode } from '../services/model.js';
import { csvDocument, numberField, textField } from '../../web/site/csv.js';
import { authenticatedRoute } from './http-stack.js';
import { attachment, reviewDeps, YearQuery } from './review-runtime.js';
import { STATUS_LABELS } from '../../web/review/labels.js';

const Path = z.strictObject({ region: RegionCode });
const Query = z.strictObject({ year: YearQuery, format: z.enum(['json', 'csv']).optional() });

export const handler = authenticatedRoute({ path: Path, query: Query }, async (request, caller, deps) => {
  const board = await getBoard(reviewDeps(deps), caller, request.path.region, request.query.year);
  if (request.query.format !== 'csv') return { status: 200, body: board };
  return {
    status: 200,
    body: undefined,
    text: boardCsv(board),
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': attachment(`${board.region}-${board.year}-填报情况.csv`),
    },
  };
});

export function boardCsv(board: Board): string {
  const header = ['单位', '统一社会信用代码', '状态', '已提交版本数', '最近一次提交', '最近一次提交结果', '错误数', '截止日期', '距截止天数', '是否逾期', '最近提醒'];
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
      textField(r.deadline),
      numberField(String(r.daysLeft)),
      textField(r.overdue ? '逾期' : ''),
      textField(r.lastReminderAt ?? ''),
    ]),
  ]);
}
