/**
 * Phrases by which a report names its own period: "现将我局2022年度政府信息公开工作报告如下",
 * "统计期限自2022年1月1日起至2022年12月31日止". `text.stale-year` holds the year they name against
 * the report's; the importer keeps such sentences of a document's 导语 (the lines between the
 * title and 一、总体情况, which the format has no place for) at the head of the overview.
 *
 * A year elsewhere ("较2022年增加", "按时发布2022年年度报告", last year's figures) is a comparison
 * or an event, never one of these.
 */
import { characterCodes } from './rules/claim-words.js';
import { scanIndexOf } from './rules/text-scan.js';

const YEAR = '((?:19|20)\\d{2})';
/** the report's name right after its year: "政府信息公开工作年度报告", "信息公开年报" */
const REPORT_NAME = '(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)';
/**
 * what introduces the period: "统计期限", "统计数据的期限", "统计时段" (黄腊乡 2021), "统计起止时间" (翔安区应急管理局 2022); or "统计数据" right before 为/从/自 (any
 * other words after it are a finding of statistics: "统计数据显示，2022年1月1日至今…"); or "统计期" right
 * before 为/从/自 ("数据的统计期自2024年1月1日至…", 安镇街道 2024; not "统计期满", "统计期内")
 */
const PERIOD = '(?:统计(?:数据的?)?(?:起止)?(?:期限|时限|期间|时间|区间|周期|时段)|统计数据(?=[为从自])|统计期(?=[为从自]))';
/** the words before 时间点 that make it the data's cut-off: "数据核定时间点", "统计时间点" */
const CUT_OFF_LEAD = '(?:数据|统计)[^。；，,\\d]{0,4}';

export const OWN_PERIOD: readonly RegExp[] = [
  // (an agency's full name runs to 30 characters: "国家税务总局某某市某某区税务局第一税务分局")
  // 现将我局2022年度政府信息公开工作报告如下 / 现将…2022年…年度报告予以公布 /
  // 现将2021年工作情况汇报如下 (八楞乡 2021, 嵩明县卫生健康局 2025: 汇报 says the same)
  new RegExp(`现将[^。；\\d]{0,30}?${YEAR}\\s*年度?[^。；\\d]{0,30}?(?:报告|汇报)(?:如下|予以公布|公布如下)`, 'u'),
  // 现公布区统计局2023年政府信息公开工作年度报告 / 特编制…2023年政府信息公开工作年度报告 /
  // 现将会仪镇2021年政府信息公开年度报告向社会公布 / 特向社会公布2017年度龙潭区政府信息公开年度报告 /
  // 现发布《利辛县望疃镇2023年政府信息公开工作年度报告》 / 现向社会公开《渭南市人民政府办公室2022年…年度报告》 /
  // 现公开区政府办公室2025年政府信息公开工作年度报告 (硚口区 2025; no clause between: "现公开征集意见，2022年…报告已发布")
  // (a bare 编制/发布 may be last year's report's,
  // an event of this year: "按时编制发布2022年政府信息公开工作年度报告"):
  // a lead verb, the year, then the report's name (after the agency's, at most)
  new RegExp(
    `(?:现将|现公布|现发布|现公开|现予公布|现予以公布|现向社会公布|现向社会公开|特向社会公布|特向社会公开|现编制|特编制|特此编制)[^。；，\\d]{0,30}?${YEAR}\\s*年度?[^。；\\d]{0,12}?${REPORT_NAME}`,
    'u',
  ),
  // 统计期限自2022年1月1日起至2022年12月31日止 / 统计周期为… / 统计数据的期限自… / 统计数据从…
  new RegExp(`${PERIOD}[^。；\\d]{0,6}?${YEAR}\\s*年\\s*1\\s*月\\s*1\\s*日`, 'u'),
  new RegExp(`${PERIOD}[^。；]{0,30}?至\\s*${YEAR}\\s*年\\s*12\\s*月\\s*31\\s*日`, 'u'),
  // 本报告统计期限为2022年度 / 统计期限：2022年 (the whole year named, no days)
  new RegExp(`${PERIOD}\\s*(?:为|是|[:：])\\s*${YEAR}\\s*年度?(?=\\s*(?:[。；，,]|$))`, 'u'),
  // 报告中所涉及的数据核定时间点为2022年12月31日 (建章路街道 2022): the data's cut-off, the year's last day
  // (after 数据 or 统计, a word or two between; "截至2022年12月31日，我局累计…" sums up the years before, not this)
  new RegExp(`(?<=${CUT_OFF_LEAD})时间点\\s*(?:为|是|[:：])?\\s*${YEAR}\\s*年\\s*12\\s*月\\s*31\\s*日`, 'u'),
];
/** the cut-off's words before 时间点, at the end of what precedes it (phraseStart) */
const CUT_OFF_LEAD_BEFORE = new RegExp(`${CUT_OFF_LEAD}$`, 'u');

/**
 * Where the phrase an OWN_PERIOD match reads begins: the match's start, or, for the cut-off, the
 * words its lookbehind read before 时间点 ("数据核定时间点为…"), so a quote takes them too.
 */
export function phraseStart(text: string, match: RegExpExecArray): number {
  if (!match[0].startsWith('时间点')) return match.index;
  const lead = CUT_OFF_LEAD_BEFORE.exec(text.slice(Math.max(0, match.index - 8), match.index));
  return match.index - (lead?.[0].length ?? 0);
}

/**
 * Where each pattern may start: the word it opens with, and the characters its opening words go
 * on with after that word (none given: any). 现将…, 现公布/现发布/现予…/现向…/现编制, 特向…/特编制/
 * 特此编制, 统计…, 时间点 (the words before it are the pattern's lookbehind).
 */
const OWN_PERIOD_OPENINGS: readonly {
  readonly word: string;
  /**
   * which of the word's units the scan looks for (scanIndexOf: 间 is rarer than 时, and the engine
   * stops at every unit with a byte of 时's); none where the engine's own search is as fast
   */
  readonly scan?: number;
  readonly patterns: readonly { readonly k: number; readonly next?: ReadonlySet<number> }[];
}[] = [
  { word: '现', scan: 0, patterns: [{ k: 0, next: characterCodes('将') }, { k: 1, next: characterCodes('将公发予向编') }] },
  { word: '特', scan: 0, patterns: [{ k: 1, next: characterCodes('向编此') }] },
  { word: '统计', patterns: [{ k: 2 }, { k: 3 }, { k: 4 }] },
  { word: '时间点', scan: 1, patterns: [{ k: 5 }] },
];
/** the patterns, each tried only at the position it is given (sticky) */
const OWN_PERIOD_AT = OWN_PERIOD.map((pattern) => new RegExp(pattern.source, `${pattern.flags}y`));

/**
 * OWN_PERIOD[k].exec(text) for every k, the same matches, each pattern tried only where its
 * opening words are: one plain search per opening word (three over the text, shared by the
 * patterns that open alike) passes over a city's overview several times faster than the patterns'
 * own scans.
 */
export function firstOwnPeriods(text: string): (RegExpExecArray | null)[] {
  const first: (RegExpExecArray | null)[] = OWN_PERIOD.map(() => null);
  const foundBefore = (k: number, at: number) => first[k] != null && first[k]!.index < at;
  for (const { word, scan, patterns } of OWN_PERIOD_OPENINGS) {
    const find = (from: number) => (scan === undefined ? undefined : scanIndexOf(text, word, from, scan)) ?? text.indexOf(word, from);
    for (let at = find(0); at >= 0; at = find(at + 1)) {
      // the character after the word, as a code (NaN past the end: in no set); 现 is in many
      // words (实现, 体现): most openings are passed by on it, with no string made
      const next = text.charCodeAt(at + word.length);
      // each pattern's first match is before any later opening: the search ends when all have one
      let allFound = true;
      for (const { k, next: goesOn } of patterns) {
        if (foundBefore(k, at)) continue;
        allFound = false;
        if (goesOn !== undefined && !goesOn.has(next)) continue;
        const pattern = OWN_PERIOD_AT[k]!;
        pattern.lastIndex = at;
        const match = pattern.exec(text);
        if (match) first[k] = match;
      }
      if (allFound) break;
    }
  }
  return first;
}

/** Does the sentence name the report's period? */
export function namesOwnPeriod(sentence: string): boolean {
  return OWN_PERIOD.some((pattern) => pattern.test(sentence));
}

/**
 * Where the text's first paragraph ends when it says nothing but the report's period (the
 * 导语's statements the importer keeps there: "本报告所列数据统计期限自…止。"), else 0. That
 * paragraph introduces the report: it is not part of 总体情况's 一千字 (`overview.length`), and
 * the overview's own first words follow it (`text.stale-year`). The one reading of that
 * paragraph: both rules use it, and it cuts sentences as the importer does (SENTENCE_END).
 */
export function periodParagraphEnd(text: string, end = text.indexOf('\n')): number {
  // a paragraph followed by others, and short: a few sentences (an overview of one paragraph
  // is read whole; most overviews are not even split); `end`: the first line break, when the
  // caller knows it (section-text.ts firstLineBreak: a search of a whole overview is not free)
  if (end <= 0 || end > MAX_PERIOD_PARAGRAPH) return 0;
  // most first paragraphs are the overview's own: their first sentence settles it, found by plain
  // searches (the split below tries its lookbehind at every character)
  const paragraph = text.slice(0, end);
  const first = firstSentence(paragraph);
  if (first.trim() !== '' && !namesOwnPeriod(first)) return 0;
  const sentences = paragraph.split(SENTENCE_END).filter((s) => s.trim() !== '');
  return sentences.length > 0 && sentences.every(namesOwnPeriod) ? end : 0;
}
/** the marks that close a sentence of the 导语 */
const SENTENCE_MARKS = ['。', '；', '！', '？'];
/**
 * after a sentence's closing mark (kept with the sentence): how the importer cuts the 导语 into
 * the sentences it keeps, and how the paragraph they make is read back
 */
export const SENTENCE_END = new RegExp(`(?<=[${SENTENCE_MARKS.join('')}])`, 'u');
/** a text that ends with one of those marks: a whole sentence (the importer's test before it adds a 。) */
export const ENDS_SENTENCE = new RegExp(`[${SENTENCE_MARKS.join('')}]$`, 'u');
/** a paragraph up to and with its first closing mark (SENTENCE_END's), or all of it */
function firstSentence(paragraph: string): string {
  let cut = paragraph.length;
  for (const mark of SENTENCE_MARKS) {
    const at = paragraph.indexOf(mark);
    if (at >= 0 && at < cut) cut = at + 1;
  }
  return paragraph.slice(0, cut);
}
/** longer than any 导语's statements of the period (a sentence or two) */
const MAX_PERIOD_PARAGRAPH = 400;
