/**
 * The words and marks the text readers share: the result groups' printed names, the words of a
 * change and of a channel, what names other matters than the applications, Chinese numerals, and
 * where a sentence starts and ends. narrative-claims.ts reads counts and statements of none,
 * narrative-shares.ts percentages; narrative-rules.ts and text-statements.ts build on the same words.
 */

/** The groups of 三、本年度办理结果 the text names by their printed words. */
export type ResultGroup = 'disclosed' | 'partiallyDisclosed' | 'withheld' | 'unavailable' | 'notProcessed' | 'otherHandling';

/** each group's printed words (三、本年度办理结果) */
export const RESULT_WORDS: readonly [ResultGroup, string][] = [
  ['disclosed', '予以公开'],
  ['partiallyDisclosed', '部分公开'],
  ['withheld', '不予公开'],
  ['unavailable', '无法提供'],
  ['notProcessed', '不予处理'],
  ['otherHandling', '其他处理'],
];
/** the groups' printed words, as alternatives of a pattern */
export const RESULT_NAMES = RESULT_WORDS.map(([, w]) => w).join('|');

/**
 * The words of a change, which every reading of a figure or a share passes by: one list, each
 * reader adding the words of comparison its own text may hold (text-statements.ts too)
 */
export const CHANGE_WORDS = '增加|减少|增长|下降|上升';

/** how an application came in ("收到网上申请105件", "未收到当面申请" speak of one channel only) */
export const CHANNELS = '当面|现场|网上|在线|网站|网络|纸质|书面|信函|邮寄|快递|传真|电子邮件';

/** Sentences about something other than applications: 人大建议, 12345 留言 … share the verbs. */
export const NOT_APPLICATIONS = /建议|提案|留言|热线|咨询|来信|投诉件/u;

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** "75" → 75, "十二" → 12, "二百零五" → 205. */
export function parseChineseNumber(text: string): number | undefined {
  // Arabic digits (thousands commas allowed), read in one pass: nearly every figure of a text
  let value = 0;
  let arabic = text.length > 0 && text.length <= 15;
  for (let i = 0; arabic && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) value = value * 10 + (c - 48);
    else if (c !== 44) arabic = false;
  }
  if (arabic) return value;
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

/** the UTF-16 codes of the characters, for a look at one character by its code (no one-character string made) */
export function characterCodes(characters: string): ReadonlySet<number> {
  return new Set([...characters].map((c) => c.charCodeAt(0)));
}

/**
 * JavaScript's \s but the line break (which ends a sentence here): the readers' white space within
 * a sentence. narrative-claims.ts marks these in its table of kinds; a single look goes by isBlank.
 */
export const BLANKS = '\t\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';
const BLANK_CODES = characterCodes(BLANKS);
export const isBlank = (code: number): boolean => BLANK_CODES.has(code);

export const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** Does the words hold an Arabic digit (\d)? A step through them: clauses are short. */
export function hasDigit(words: string): boolean {
  for (let i = 0; i < words.length; i++) if (isDigit(words.charCodeAt(i))) return true;
  return false;
}

/**
 * "行政复议被纠错2件", "行政诉讼败诉1件": an outcome of the appeals, or one stage of the suits
 * ("行政诉讼一审案件2件、二审案件1件"): not a count of them, nor a none of them all
 */
export const OUTCOME = /维持|纠正|纠错|撤销|变更|责令|确认违法|败诉|胜诉|驳回|终止|审结|结案|尚未|不利|书|一审|二审|再审/u;

/** the marks that end a clause within a sentence */
export const CLAUSE_END = /[，,；;]/u;
/**
 * The sentence from `from` to the end of its clause (a sentence holds no 。 or ；: its clauses end
 * at a comma)
 */
export function clauseFrom(sentence: string, from: number): string {
  const rest = sentence.slice(from);
  const cut = rest.search(CLAUSE_END);
  return cut < 0 ? rest : rest.slice(0, cut);
}

/** the marks that end a sentence for the text readers (a line break too: a paragraph of the form's text box) */
export const SENTENCE_BREAKS = '。；;！!？?\n';
const BREAK = new Uint8Array(65536);
for (const ch of SENTENCE_BREAKS) BREAK[ch.charCodeAt(0)] = 1;

export const sentenceBreakAt = (text: string, i: number): boolean => BREAK[text.charCodeAt(i)] === 1;

/** where the sentence that holds i starts (after its break, or the start of the text) */
export function sentenceStart(text: string, i: number): number {
  while (i > 0 && !sentenceBreakAt(text, i - 1)) i--;
  return i;
}

/** where the sentence that holds i ends (its break, or the end of the text) */
export function sentenceEnd(text: string, i: number): number {
  while (i < text.length && !sentenceBreakAt(text, i)) i++;
  return i;
}
