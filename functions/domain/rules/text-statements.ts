/**
 * What the texts must state about the report itself: its own year (`text.stale-year`, last
 * year's report copied with its year left in) and, in the 2021 format, whether 信息处理费 was
 * collected (`other.fee-report`).
 */
import { TEMPLATES } from '../report-template.js';
import type { Rule } from './rule-context.js';

const YEAR = '((?:19|20)\\d{2})';
/**
 * Phrases that name the report's own period. A year elsewhere ("较2022年增加", "按时发布2022年
 * 年度报告", last year's figures) is a comparison or an event, never a finding.
 */
const OWN_PERIOD: readonly RegExp[] = [
  // 现将我局2022年度政府信息公开工作报告如下 / 现将…2022年…年度报告予以公布
  new RegExp(`现将[^。；\\d]{0,20}?${YEAR}\\s*年度?[^。；\\d]{0,30}?报告(?:如下|予以公布|公布如下)`, 'u'),
  // 统计期限自2022年1月1日起至2022年12月31日止
  new RegExp(`统计(?:期限|时限|期间|时间|区间)[^。；\\d]{0,6}?${YEAR}\\s*年\\s*1\\s*月\\s*1\\s*日`, 'u'),
  new RegExp(`统计(?:期限|时限|期间|时间|区间)[^。；]{0,30}?至\\s*${YEAR}\\s*年\\s*12\\s*月\\s*31\\s*日`, 'u'),
  // the overview's first words: "2022年，我局…"
  new RegExp(`^\\s*${YEAR}\\s*年度?\\s*[，,]`, 'u'),
];

/** the words each pattern needs (a plain search skips the pattern on most texts) */
const OWN_PERIOD_WORDS = ['现将', '统计', '统计', ''];
const FIRST_WORDS = OWN_PERIOD.length - 1;
const ANY_YEAR = /(?:19|20)\d{2}/u;

/** A phrase of a text naming the report's own period, and the year it names. */
interface OwnPeriod {
  readonly year: number;
  readonly quote: string;
  /** the first-words pattern: read in the overview only */
  readonly firstWords: boolean;
}

/** The first phrase of each pattern a text holds, in the patterns' order (once per text). */
function ownPeriods(text: string): readonly OwnPeriod[] {
  if (!ANY_YEAR.test(text)) return [];
  const found: OwnPeriod[] = [];
  for (let k = 0; k < OWN_PERIOD.length; k++) {
    if (!text.includes(OWN_PERIOD_WORDS[k]!)) continue;
    const match = OWN_PERIOD[k]!.exec(text);
    if (match) found.push({ year: Number(match[1]), quote: match[0].trim().replace(/\s+/gu, ''), firstWords: k === FIRST_WORDS });
  }
  return found;
}

const SECTIONS = ['overview', 'problems', 'other'] as const;

export const textStaleYear: Rule = (input, findings) => {
  const { report } = input;
  const titles = TEMPLATES[report.template].sectionTitles;
  for (const section of SECTIONS) {
    for (const { year, quote, firstWords } of input.text(section).read(ownPeriods)) {
      // the first-words pattern is for the overview only: 五 may open with last year's problems
      if (firstWords && section !== 'overview') continue;
      if (year === report.year) continue;
      findings.push({
        rule: 'text.stale-year',
        severity: 'warning',
        path: section,
        label: titles[section],
        expected: `${report.year}年`,
        actual: `${year}年`,
        message: `${titles[section]}中写“${quote}”，而本报告是${report.year}年度报告；请核对是否沿用了${year}年的文字，应改为${report.year}年。`,
      });
      break;
    }
  }
};

/** words of fees: "信息处理费", "收费", "收取…", "费用" */
const FEE_WORD = /处理费|收费|收取|费用|缴费/u;
/** an amount: "2230元", "0.5万元", "零元" */
const AMOUNT = /(?:\d[\d,.]*|零)\s*(?:万元|元)/u;
/**
 * none: "未收取", "没有收取任何费用", "无信息处理费收取", "不存在收费情况", "未发生…收费事项",
 * "免收", "信息处理费：无", "为零", "均未收费" (a bare 不 is not one: "不断规范收费")
 */
const NONE = /未|没有|无(?!论)|不存在|不涉及|不产生|不收|免收|免予|免除|为零|为0(?![\d.])/u;
/** no application at all: no fee could be charged ("本年度未收到政府信息公开申请") */
const NO_APPLICATION = /(?:未|没有)(?:收到|受理|接到)[^，,。；]{0,12}?申请(?!人)/u;
/** "依申请公开一律免费提供", "零收费" */
const FREE = /免费|零收费/u;
const FEE_CLAUSE_BREAK = /[。；;！!？?\n，,]/u;

/** every statement of fees names 费, 收取 or 申请: a text with none of them is not split */
const FEE_TRACE = /费|收取|申请/u;

/** Does 六 say whether 信息处理费 was collected? Read clause by clause: a fee word with an amount or with a "none". */
function statesFees(text: string): boolean {
  if (!FEE_TRACE.test(text)) return false;
  for (const clause of text.split(FEE_CLAUSE_BREAK)) {
    if (NO_APPLICATION.test(clause) || FREE.test(clause)) return true;
    if (FEE_WORD.test(clause) && (AMOUNT.test(clause) || NONE.test(clause))) return true;
  }
  return false;
}

export const otherFeeReport: Rule = (input, findings) => {
  const { report } = input;
  // the 2019 trial format did not ask for it; the 2021 notice does
  if (report.template !== '2021') return;
  const text = report.sections.other;
  if (text.trim() === '') return; // required.missing names the empty section
  if (input.text('other').read(statesFees)) return;
  const title = TEMPLATES[report.template].sectionTitles.other;
  findings.push({
    rule: 'other.fee-report',
    severity: 'warning',
    path: 'other',
    label: title,
    expected: '写明本年收取信息处理费的情况（金额，或未收取）',
    actual: text.length > 40 ? `${text.slice(0, 40)}…` : text,
    message: `${title}未说明本年是否收取信息处理费；格式要求收取信息处理费的情况在此处专门报告，请写明收取金额，或写“本年度未收取信息处理费”。`,
  });
};
