/**
 * What the texts must state about the report itself: its own year (`text.stale-year`, last
 * year's report copied with its year left in) and, in the 2021 format, whether 信息处理费 was
 * collected (`other.fee-report`).
 */
import { FIRST_WORDS, namesOwnPeriod, OWN_PERIOD, OWN_PERIOD_WORDS } from '../own-period.js';
import { TEMPLATES } from '../report-template.js';
import type { Rule } from './rule-context.js';

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
    const match = k === FIRST_WORDS ? firstWords(text) : OWN_PERIOD[k]!.exec(text);
    if (match) found.push({ year: Number(match[1] ?? match[2]), quote: match[0].trim().replace(/\s+/gu, ''), firstWords: k === FIRST_WORDS });
  }
  return found;
}

/**
 * The first-words pattern at the text's beginning, or at its second paragraph's when the first
 * is the 导语's statement of the period the importer put there ("本报告所列数据统计期限…。").
 */
function firstWords(text: string): RegExpExecArray | null {
  const match = opening(text);
  if (match) return match;
  const end = text.indexOf('\n');
  return end > 0 && namesOwnPeriod(text.slice(0, end)) ? opening(text.slice(end).replace(/^\n+/u, '')) : null;
}

/**
 * Many overviews open with their first sub-heading: "（一）主动公开情况" on its own line, or
 * "（一）主动公开方面。" before the first sentence; the year that follows it ("2022年，我局…")
 * is the first words all the same.
 */
const SUB_HEADING = /^\s*[（(]一[）)][^，,。；：:\n\d]{1,16}(?:[。：:]|\n)\s*/u;

/** The first-words pattern at the text's start, or right after a leading （一） sub-heading. */
function opening(text: string): RegExpExecArray | null {
  const pattern = OWN_PERIOD[FIRST_WORDS]!;
  const match = pattern.exec(text);
  if (match) return match;
  const heading = SUB_HEADING.exec(text);
  return heading ? pattern.exec(text.slice(heading[0].length)) : null;
}

/**
 * A later paragraph of the overview that opens with a year, directly or after its sub-heading
 * ("2022年，我镇主动公开…", "（二）依申请公开方面。2022年，…"): every real overview read opens
 * its paragraphs with its own year, so an earlier one is a paragraph of last year's text left in
 * (云湖桥镇 2023 as published). Applied at a paragraph's start.
 */
const PARAGRAPH_YEAR =
  /^(?:[（(][一二三四五六七八九十]{1,2}[）)][^，,。；：:\n\d]{1,16}[。：:]\s*)?(?:(?:在\s*)?((?:19|20)\d{2})\s*年度?|截[至止]\s*((?:19|20)\d{2})\s*年\s*(?:12\s*月\s*31\s*日|底|末))\s*[，,]/u;
/** what such a paragraph starts with: a year's first digit, 在, 截, or a sub-heading's bracket */
const PARAGRAPH_YEAR_START = new Set(['1', '2', '在', '截', '（', '('].map((c) => c.charCodeAt(0)));

/** The years the overview's paragraphs after the first open with (once per text). */
function paragraphYears(text: string): readonly OwnPeriod[] {
  const found: OwnPeriod[] = [];
  for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', end + 1)) {
    let start = end + 1;
    while (start < text.length && text.charCodeAt(start) <= 32) start++;
    if (!PARAGRAPH_YEAR_START.has(text.charCodeAt(start))) continue;
    const match = PARAGRAPH_YEAR.exec(text.slice(start, start + 40));
    if (match) found.push({ year: Number(match[1] ?? match[2]), quote: match[0].trim().replace(/\s+/gu, ''), firstWords: true });
  }
  return found;
}

const SECTIONS = ['overview', 'problems', 'other'] as const;

export const textStaleYear: Rule = (input, findings) => {
  const { report } = input;
  const titles = TEMPLATES[report.template].sectionTitles;
  for (const section of SECTIONS) {
    const stated = input.text(section).read(ownPeriods);
    // a paragraph's opening year only when earlier: "2024年，我局将…" may be a plan
    const paragraphs = section === 'overview' ? input.text(section).read(paragraphYears).filter((p) => p.year < report.year) : [];
    for (const { year, quote, firstWords } of paragraphs.length === 0 ? stated : [...stated, ...paragraphs]) {
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
/** an amount: "2230元", "0.5万元", "零元", "¥0" */
const AMOUNT = /(?:\d[\d,.]*|零)\s*(?:万元|元)|[¥￥]\s*\d/u;
/**
 * none: "未收取", "没有收取任何费用", "无信息处理费收取", "不存在收费情况", "未发生…收费事项",
 * "免收", "信息处理费：无", "为零", "均未收费", "收费金额：0", "收取信息处理费0次", "发出收费通知书0份"
 * (a bare 不 is not one: "不断规范收费")
 */
const NONE = /未|没有|无(?!论)|不存在|不涉及|不产生|不收|免收|免予|免除|为零|为0(?![\d.])|[:：]\s*(?:0|零)(?![\d.])|(?<![\d.])0\s*(?:次|笔|件|份)/u;
/** no application at all: no fee could be charged ("本年度未收到政府信息公开申请") */
const NO_APPLICATION = /(?:未|没有)(?:收到|受理|接到)[^，,。；]{0,12}?申请(?!人)/u;
/** "依申请公开一律免费提供", "零收费" */
const FREE = /免费|零收费/u;
const FEE_CLAUSE_BREAK = /[。；;！!？?\n，,]/u;

/** a clause that collected fees and left the amount to the next: "共收取信息处理费2笔" */
const COLLECTED = /收取[^，,。；]*?(?:处理费|费用)/u;

/** every statement of fees names 费, 收取 or 申请: a text with none of them is not split */
const FEE_TRACE = /费|收取|申请/u;

/** Does 六 say whether 信息处理费 was collected? Read clause by clause: a fee word with an amount or with a "none". */
function statesFees(text: string): boolean {
  if (!FEE_TRACE.test(text)) return false;
  let collected = false;
  for (const clause of text.split(FEE_CLAUSE_BREAK)) {
    if (NO_APPLICATION.test(clause) || FREE.test(clause)) return true;
    if (FEE_WORD.test(clause) && (AMOUNT.test(clause) || NONE.test(clause))) return true;
    // "收取信息处理费1笔，金额100元": the amount in the clause after the one that collected
    if (collected && AMOUNT.test(clause)) return true;
    collected = COLLECTED.test(clause);
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
