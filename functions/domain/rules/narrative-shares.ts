/**
 * Reads the shares a report's text states of its results or applicants ("予以公开…占45.2%",
 * "自然人申请占96.8%") so `narrative.mismatch` can hold them against the table's own ratios.
 */
import { CHANGE_WORDS, NOT_APPLICATIONS, RESULT_WORDS, isBlank, isDigit, sentenceEnd, sentenceStart, type ResultGroup } from './claim-words.js';
import { scanIndexOf } from './text-scan.js';

/** A share the text states, e.g. "予以公开…占45.2%": checked against the table's own ratio. */
export interface ShareClaim {
  readonly part: ResultGroup | 'natural' | 'organisations';
  readonly percent: number;
  /** digits printed after the decimal point: the table's ratio is rounded to these */
  readonly decimals: number;
  readonly quote: string;
}

const SHARE_WORDS: readonly [ShareClaim['part'], string][] = [
  ...RESULT_WORDS,
  ['natural', '自然人'],
  ['organisations', '法人或其他组织'],
];
/**
 * a change from another year's share ("同比增长", "较上年下降", "提高2个百分点"), not a share (较
 * alone: between a share's subject and its percentage it always compares)
 */
const SHARE_CHANGE = new RegExp(`同比|较|提高|降低|${CHANGE_WORDS}`, 'u');
const SHARE_SUBJECT = new RegExp(SHARE_WORDS.map(([, w]) => w).join('|'), 'gu');
const PERCENT = /(?:占|比例为?|比重为?|占比为?)[^\d。；%％]{0,8}?(\d+(?:\.\d+)?)\s*[%％]/gu;

/**
 * Shares the text states of the results or the applicants ("予以公开…占45.2%", "自然人申请占
 * 96.8%"). A percentage counts only when 占/比例 introduces it and the nearest subject word before
 * it, in the same sentence and without another figure's comparison (同比/增长) in between, is one
 * of the table's.
 */
export function narrativeShares(text: string): readonly ShareClaim[] {
  const shares: ShareClaim[] = [];
  // only the sentences with a percent sign: found by plain searches, then cut at their breaks
  let half = text.indexOf('%');
  let full = fullWidthPercent(text, 0);
  while (half >= 0 || full >= 0) {
    const at = half < 0 ? full : full < 0 ? half : Math.min(half, full);
    // a sign no share can end at ("实现100%"): passed by without its sentence (another sign of
    // the sentence that may end one reads it whole)
    if (!mayEndShare(text, at)) {
      if (at === half) half = text.indexOf('%', at + 1);
      else full = fullWidthPercent(text, at + 1);
      continue;
    }
    const start = sentenceStart(text, at);
    const end = sentenceEnd(text, at);
    sentenceShares(text.slice(start, end), shares);
    // each sign searched for again only when passed (a text may have none of one kind)
    if (half >= 0 && half <= end) half = text.indexOf('%', end + 1);
    if (full >= 0 && full <= end) full = fullWidthPercent(text, end + 1);
  }
  return shares;
}

/**
 * text.indexOf('％', from): in the scan under Node, where the engine's own search stops at every
 * full-width comma and bracket (text-scan.ts scanIndexOf)
 */
const fullWidthPercent = (text: string, from: number) => scanIndexOf(text, '％', from) ?? text.indexOf('％', from);

const [ZHAN, BI] = [...'占比'].map((c) => c.charCodeAt(0));
const DOT = 46;
const NEWLINE = 10;
/**
 * Can a share (PERCENT) end at the sign at `at`? Only if a figure stands before it (white space
 * between allowed) and 占 or 比, which open every share's words, stand among the units before the
 * figure that those words reach (11: a word of at most three, then at most eight; 16 are read):
 * PERCENT's own words, read backwards.
 */
function mayEndShare(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (isBlank(text.charCodeAt(i)) || text.charCodeAt(i) === NEWLINE)) i--;
  if (i < 0 || !isDigit(text.charCodeAt(i))) return false;
  while (i >= 0 && (isDigit(text.charCodeAt(i)) || text.charCodeAt(i) === DOT)) i--;
  // i: the last unit before the figure's digits and dots
  for (let j = i; j >= 0 && j > i - 16; j--) {
    const c = text.charCodeAt(j);
    if (c === ZHAN || c === BI) return true;
  }
  return false;
}

function sentenceShares(sentence: string, shares: ShareClaim[]): void {
  // every PERCENT's words hold 占 or 比: a sentence with neither ("同比增长1.05%" holds 比, but
  // "实现100%全覆盖" neither) is passed by with two plain searches, not two patterns
  if ((!sentence.includes('占') && !sentence.includes('比')) || NOT_APPLICATIONS.test(sentence)) return;
  {
    // exec loops, not matchAll: matchAll copies the regex on every call
    PERCENT.lastIndex = 0;
    // the subject is looked for after the percentage before (丽水: "无法提供占28.9%，其他情况占
    // 5.2%": 5.2% is not 无法提供's)
    let after = 0;
    for (let percent = PERCENT.exec(sentence); percent; after = PERCENT.lastIndex, percent = PERCENT.exec(sentence)) {
      const start = Math.max(after, percent.index - 30);
      const window = sentence.slice(start, percent.index);
      let subject: RegExpExecArray | null = null;
      SHARE_SUBJECT.lastIndex = 0;
      for (let m = SHARE_SUBJECT.exec(window); m; m = SHARE_SUBJECT.exec(window)) subject = m;
      if (!subject) continue;
      // "予以公开和部分公开占60%", "予以公开（含部分公开）占60%", "予以公开或部分公开占58.5%": a
      // share of two groups together (a 、 right after the percentage before separates two shares:
      // "…占58.5%、不予公开占7.3%")
      if (/[和及与、加含或]/u.test(window.charAt(subject.index - 1)) && window.slice(0, subject.index - 1).trim() !== '') continue;
      const between = window.slice(subject.index + subject[0].length);
      // (in the words of the percentage too: "予以公开的比例较上年下降2.1%" is a change)
      if (SHARE_CHANGE.test(between) || SHARE_CHANGE.test(percent[0])) continue;
      // "予以公开12件（其中部分公开3件），占80%": a subject in an aside closed before the percentage
      // is not the one it speaks of
      if (between.includes('）') || between.includes(')')) continue;
      const part = SHARE_WORDS.find(([, w]) => w === subject[0])![0];
      const digits = percent[1]!;
      shares.push({
        part,
        percent: Number(digits),
        decimals: digits.includes('.') ? digits.length - digits.indexOf('.') - 1 : 0,
        quote: (subject[0] + between + percent[0]).replace(/\s+/gu, ''),
      });
    }
  }
}
