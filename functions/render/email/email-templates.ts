/**
 * Every e-mail nianbao sends, in one place: Chinese subject, plain text and HTML. All text from
 * agencies and filers is escaped through the site's `html` template.
 */
import type { Finding } from '../../domain/finding.js';
import { daysBetween, type IsoDate } from '../../domain/reminders/calendar.js';
import { html, type SafeHtml } from '../site/html.js';

export interface Email {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

const FOOTER = '此邮件由政府信息公开工作年度报告填报系统（nianbao）自动发送，请勿直接回复。';

function page(title: string, body: SafeHtml): string {
  return html`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}<p><small>${FOOTER}</small></p></body></html>`.value;
}

/** "还有 3 天截止" / "今天截止" / "已逾期 6 天" */
export function timeLeft(deadline: IsoDate, today: IsoDate): string {
  const left = daysBetween(today, deadline);
  if (left > 0) return `距截止还有 ${left} 天`;
  if (left === 0) return '今天截止';
  return `已逾期 ${-left} 天`;
}

function formatDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export interface ReminderInput {
  agencyName: string;
  year: number;
  deadline: IsoDate;
  today: IsoDate;
  signInUrl: string;
}

export function reminderEmail(input: ReminderInput): Email {
  const when = timeLeft(input.deadline, input.today);
  const overdue = daysBetween(input.today, input.deadline) < 0;
  const subject = `${overdue ? '【已逾期】' : '【提醒】'}${input.agencyName}${input.year}年度政府信息公开工作年度报告${when}`;
  const lead = `${input.agencyName}：贵单位${input.year}年度政府信息公开工作年度报告应于${formatDate(input.deadline)}前提交，${when}，目前尚未提交。`;
  const ask = overdue ? '请尽快登录填报并提交。' : '请及时登录填报并提交。';
  return {
    subject,
    text: [lead, ask, `登录填报：${input.signInUrl}`, '', FOOTER].join('\n'),
    html: page(subject, html`<p>${lead}</p><p>${ask}</p><p><a href="${input.signInUrl}">登录填报</a></p>`),
  };
}

export interface FailedCheckInput {
  agencyName: string;
  year: number;
  deadline: IsoDate;
  today: IsoDate;
  errors: readonly Pick<Finding, 'label' | 'message'>[];
  formUrl: string;
  /** how many submissions failed since the last e-mail */
  attempts: number;
}

export function failedCheckEmail(input: FailedCheckInput): Email {
  const subject = `【未通过检查】${input.agencyName}${input.year}年度报告有 ${input.errors.length} 处错误需要更正`;
  const lead =
    `${input.agencyName}：贵单位提交的${input.year}年度政府信息公开工作年度报告未通过检查` +
    (input.attempts > 1 ? `（近一小时内共 ${input.attempts} 次提交）` : '') +
    `，报告尚未被接收。截止日期${formatDate(input.deadline)}，${timeLeft(input.deadline, input.today)}。`;
  const lines = input.errors.map((e, i) => `${i + 1}. ${e.label}：${e.message}`);
  return {
    subject,
    text: [lead, '', '需要更正的内容：', ...lines, '', `更正后重新提交：${input.formUrl}`, '', FOOTER].join('\n'),
    html: page(
      subject,
      html`<p>${lead}</p><p>需要更正的内容：</p><ol>${input.errors.map(
        (e) => html`<li><strong>${e.label}</strong>：${e.message}</li>`,
      )}</ol><p><a href="${input.formUrl}">更正后重新提交</a></p>`,
    ),
  };
}

export interface ReturnedInput {
  agencyName: string;
  year: number;
  revision: number;
  /** the reviewer's general comment (may be empty) */
  comment: string;
  /** comments on cells, with the cells' labels */
  cells: readonly { label: string; text: string }[];
  formUrl: string;
}

export function returnedEmail(input: ReturnedInput): Email {
  const subject = `【退回修改】${input.agencyName}${input.year}年度政府信息公开工作年度报告被主管部门退回`;
  const lead = `${input.agencyName}：贵单位提交的${input.year}年度政府信息公开工作年度报告（第 ${input.revision} 版）经主管部门审核，需要修改后重新提交。`;
  const lines = input.cells.map((c, i) => `${i + 1}. ${c.label}：${c.text}`);
  return {
    subject,
    text: [
      lead,
      ...(input.comment ? ['', `审核意见：${input.comment}`] : []),
      ...(lines.length ? ['', '对具体内容的意见：', ...lines] : []),
      '',
      `修改后重新提交：${input.formUrl}`,
      '',
      FOOTER,
    ].join('\n'),
    html: page(
      subject,
      html`<p>${lead}</p>${input.comment ? html`<p>审核意见：${input.comment}</p>` : ''}${
        input.cells.length ? html`<p>对具体内容的意见：</p><ol>${input.cells.map((c) => html`<li><strong>${c.label}</strong>：${c.text}</li>`)}</ol>` : ''
      }<p><a href="${input.formUrl}">修改后重新提交</a></p>`,
    ),
  };
}

export interface DigestInput {
  region: string;
  year: number;
  deadline: IsoDate;
  today: IsoDate;
  overdue: readonly { agencyName: string; status: string }[];
  failed: readonly { agencyName: string; errorCount: number; lastAttemptAt: string }[];
  boardUrl: string;
}

export function digestEmail(input: DigestInput): Email {
  const subject = `【逾期汇总】${input.region} ${input.year}年度报告：${input.overdue.length} 个单位逾期未提交`;
  const lead = `${input.year}年度政府信息公开工作年度报告截止日期为${formatDate(input.deadline)}，${timeLeft(input.deadline, input.today)}。`;
  const overdueLines = input.overdue.map((a) => `- ${a.agencyName}（${a.status}）`);
  const failedLines = input.failed.map(
    (a) => `- ${a.agencyName}：最近一次提交有 ${a.errorCount} 处错误（${a.lastAttemptAt}）`,
  );
  return {
    subject,
    text: [
      lead,
      '',
      `逾期未提交（${input.overdue.length}）：`,
      ...overdueLines,
      '',
      `最近一次提交未通过检查（${input.failed.length}）：`,
      ...(failedLines.length ? failedLines : ['- 无']),
      '',
      `查看全部：${input.boardUrl}`,
      '',
      FOOTER,
    ].join('\n'),
    html: page(
      subject,
      html`<p>${lead}</p><h2>逾期未提交（${input.overdue.length}）</h2><ul>${input.overdue.map(
        (a) => html`<li>${a.agencyName}（${a.status}）</li>`,
      )}</ul><h2>最近一次提交未通过检查（${input.failed.length}）</h2><ul>${
        input.failed.length
          ? input.failed.map((a) => html`<li>${a.agencyName}：最近一次提交有 ${a.errorCount} 处错误（${a.lastAttemptAt}）</li>`)
          : html`<li>无</li>`
      }</ul><p><a href="${input.boardUrl}">查看全部</a></p>`,
    ),
  };
}

export interface UndeliverableInput {
  address: string;
  agencyName: string;
  reason: 'bounce' | 'complaint';
}

export function undeliverableEmail(input: UndeliverableInput): Email {
  const why = input.reason === 'bounce' ? '退信' : '投诉（被标记为垃圾邮件）';
  const subject = `【联系邮箱失效】${input.agencyName}的邮箱 ${input.address} 已停止发送`;
  const lead = `${input.agencyName}的联系邮箱 ${input.address} 发生${why}，系统已停止向该地址发送提醒。请与该单位联系，更新联系邮箱。`;
  return {
    subject,
    text: [lead, '', FOOTER].join('\n'),
    html: page(subject, html`<p>${lead}</p>`),
  };
}

export interface SignInCodeInput {
  code: string;
  /** the sign-in page with the code filled in (a button there signs in; opening it alone does not) */
  link: string;
  validMinutes: number;
  /** 填报 (filer) or 审核 (reviewer) */
  purpose: string;
}

/** how every sign-in code mail's subject begins (a mailbox rule, or a test, can tell them apart) */
export const SIGN_IN_CODE_SUBJECT_PREFIX = '【登录验证码】';

export function signInCodeEmail(input: SignInCodeInput): Email {
  const subject = `${SIGN_IN_CODE_SUBJECT_PREFIX}${input.code}（政府信息公开工作年度报告${input.purpose}）`;
  const lead = `您的登录验证码是 ${input.code}，${input.validMinutes} 分钟内有效，只能使用一次。`;
  const also = '也可以打开下面的链接，在页面上点击“登录”按钮。';
  const ignore = '如果不是您本人操作，请忽略此邮件。请勿将验证码告诉他人。';
  return {
    subject,
    text: [lead, also, input.link, '', ignore, '', FOOTER].join('\n'),
    html: page(subject, html`<p>${lead}</p><p>${also}</p><p><a href="${input.link}">打开登录页面</a></p><p>${ignore}</p>`),
  };
}
