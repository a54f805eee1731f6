/**
 * Reads the numbers a report's text claims about its own tables ("收到政府信息公开申请75件",
 * "未发生行政复议、行政诉讼") so `narrative.mismatch` can hold them against the tables.
 * Deliberately narrow: a missed claim costs nothing, a misread one is a false warning.
 */

export type ClaimSubject = 'applications' | 'review' | 'litigation';

export interface Claim {
  readonly subject: ClaimSubject;
  readonly value: number;
  /** the words the value was read from, to quote back to the filer */
  readonly quote: string;
}

const NUMBER = '(\\d{1,3}(?:,\\d{3})+|\\d+|[零〇一二两三四五六七八九十百千]+)';
const UNIT = '\\s*(?:件|个|起|宗|份)';
const RECEIVE = '(?:收到|受理|接收|新收|接到|办理)';

const APPLICATION_COUNT = new RegExp(`${RECEIVE}[^\\d]{0,15}?申请[^\\d]{0,8}?${NUMBER}${UNIT}`, 'u');
const APPLICATION_NONE = /(?:未|没有)(?:收到|受理|接到|接收|发生)[^\d]{0,12}?申请/u;
const REVIEW_COUNT = new RegExp(`行政复议[^\\d诉]{0,6}?${NUMBER}${UNIT}`, 'u');
const LITIGATION_COUNT = new RegExp(`行政诉讼[^\\d]{0,6}?${NUMBER}${UNIT}`, 'u');
const NONE_BEFORE = /(?:未|没有|无)[^\d]{0,20}?$/u;

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "75" → 75, "十二" → 12, "二百零五" → 205. */
export function parseChineseNumber(text: string): number | undefined {
  if (/^[\d,]+$/.test(text)) return Number(text.replaceAll(',', ''));
  let total = 0;
  let digit = 0;
  for (const ch of text) {
    if (ch in DIGITS) digit = DIGITS[ch]!;
    else if (ch in UNITS) {
      total += (digit === 0 ? 1 : digit) * UNITS[ch]!;
      digit = 0;
    } else return undefined;
  }
  return total + digit;
}

/** Clauses: a claim never spans a comma or a full stop (but "1,234" is one number). */
function clauses(text: string): string[] {
  return text.split(/[。；;！!？?\n，、]|,(?!\d{3})/u).filter((c) => c.trim() !== '');
}

function sentences(text: string): string[] {
  return text.split(/[。；;！!？?\n]/u).filter((c) => c.trim() !== '');
}

export function narrativeClaims(text: string): Claim[] {
  const claims: Claim[] = [];
  for (const clause of clauses(text)) {
    const aboutAppeals = /复议|诉讼/u.test(clause);
    const application = aboutAppeals ? null : APPLICATION_COUNT.exec(clause);
    if (application) {
      const value = parseChineseNumber(application[1]!);
      if (value !== undefined) claims.push({ subject: 'applications', value, quote: application[0] });
    }
    const none = aboutAppeals ? null : APPLICATION_NONE.exec(clause);
    if (none) claims.push({ subject: 'applications', value: 0, quote: none[0] });
    for (const [subject, pattern] of [
      ['review', REVIEW_COUNT],
      ['litigation', LITIGATION_COUNT],
    ] as const) {
      const match = pattern.exec(clause);
      if (!match) continue;
      // "未发生行政复议0件" reads as zero anyway; "没有行政复议案件" has no number and is handled below
      const value = parseChineseNumber(match[1]!);
      if (value !== undefined) claims.push({ subject, value, quote: match[0] });
    }
  }
  // "No appeals" is read per sentence: "未发生因政府信息公开申请行政复议、行政诉讼件" names both
  // in one breath, across the 、.
  for (const sentence of sentences(text)) {
    for (const [subject, word] of [
      ['review', '行政复议'],
      ['litigation', '行政诉讼'],
    ] as const) {
      const at = sentence.indexOf(word);
      if (at < 0 || /\d/u.test(sentence.slice(at, at + 12))) continue;
      const before = sentence.slice(Math.max(0, at - 24), at);
      const negation = NONE_BEFORE.exec(before);
      if (negation) claims.push({ subject, value: 0, quote: sentence.slice(at - negation[0].length, at + word.length) });
    }
  }
  return claims;
}
