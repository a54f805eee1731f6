/**
 * What the texts must state about the report itself: its own year (`text.stale-year`, last
 * year's report copied with its year left in) and, in the 2021 format, whether 信息处理费 was
 * collected (`other.fee-report`).
 */
import { firstOwnPeriods, periodParagraphEnd, phraseStart } from '../own-period.js';
import { TEMPLATES } from '../report-template.js';
import { CHANGE_WORDS, isDigit } from './claim-words.js';
import type { Rule } from './rule-context.js';
import type { SectionText } from './section-text.js';

/**
 * Does the text hold a year (19xx or 20xx, as /(?:19|20)\d{2}/ finds one)? By plain searches for
 * its first two digits: the pattern's scan cost more than the rest of the rule on a text without one.
 */
function namesAYear(text: string): boolean {
  for (const century of CENTURIES) {
    for (let at = text.indexOf(century); at >= 0; at = text.indexOf(century, at + 1)) {
      if (isDigit(text.charCodeAt(at + 2)) && isDigit(text.charCodeAt(at + 3))) return true;
    }
  }
  return false;
}
const CENTURIES = ['20', '19'];

/**
 * A phrase of a text naming the report's own period, and the year it names. Most name the
 * report's own year: what a finding needs (the words to quote, the sentence) is cut from the
 * text only for the others.
 */
interface OwnPeriod {
  readonly year: number;
  /** where the phrase starts in the text, and how far its matched words run */
  readonly start: number;
  readonly length: number;
  /**
   * where it was read: a phrase of the 导语's kind (any section), the overview's first words,
   * a later paragraph's first words, or a sentence's inside a paragraph (see below)
   */
  readonly at: 'phrase' | 'first' | 'paragraph' | 'sentence';
  /** the words after a year with no comma, which must begin with the agency's name ("2022年砲里街道…") */
  readonly name: string | undefined;
  /** "截至2022年12月31日，" (the year's end) */
  readonly cumulative: boolean;
  /** "2022年通过政府网站…", "2022年度有1件…": the year, then what was done, read only with the period's figures */
  readonly done?: boolean;
}

/** The first phrase of each pattern a text holds, in the patterns' order (once per text). */
function ownPeriods(text: string): readonly OwnPeriod[] {
  if (!namesAYear(text)) return [];
  const found: OwnPeriod[] = [];
  for (const match of firstOwnPeriods(text)) {
    if (!match) continue;
    const start = phraseStart(text, match);
    found.push({ year: Number(match[1]), start, length: match.index + match[0].length - start, at: 'phrase', name: undefined, cumulative: false });
  }
  return found;
}

/**
 * A paragraph's or a point's marker and title before its first words: "（二）依申请公开方面。",
 * "2、依申请公开情况。", "1." ("1.2021年度，…", a numbered point); a title run in with a space only
 * ("（三） 政府信息管理情况 2022年，…", 西柳镇 2023 as published: last year's sentence left in)
 */
const MARKER =
  '(?:[（(][一二三四五六七八九十]{1,2}[）)]|\\d{1,2}\\s*[.、．])\\s*(?:[^，,。；：:\\n\\d]{1,16}[。：:]\\s*|[^，,。；：:\\n\\d\\s]{1,16}[ \\t\\u3000]+)?';
/**
 * What follows the year without a comma when the year is the text's own period: the agency
 * speaking ("2023年我局共受理…", "2024年度我镇…"; not 我国), the whole of its area or year
 * ("2022年全区共受理…", "2021年全年，"), a count ("2024年共受理…") or its none ("2021年度未收到…",
 * "2023年无因政府信息公开…"). Anything else ("2022年以来", "2022年12月", "2022年度报告") is kept
 * as a name to check against the agency's (`AGENCY_UNIT`).
 */
const SUBJECT =
  '我(?!国)[\\u4e00-\\u9fff]|本(?:机关|单位)|全(?:年|区|县|市|镇|乡|街道|局|委|系统)|共(?:计|受理|收到|接收|接到|办理|主动|发布|公开)|未(?:收到|受理|接到|接收|发生|产生|收取)|无(?:因|依申请)';
/**
 * What was done in the year, right after it without a comma ("2022年通过政府网站主动公开…",
 * "2022年度有1件…", "2021年涉及…行政复议0件"): the text's own period only when its sentence states
 * the period's figures (`statesFigures`; "2022年通过了《办法》" is an event). Not an attribute
 * ("2022年受理的申请中…" speaks of those applications), not "有关…" (another body).
 */
const DONE =
  '(?:通过|依托|利用|涉及|收到|受理|接收|接到|新收|办结|答复|主动公开|发布)(?!的)|(?:共)?有\\s*(?:\\d|[零〇一二两三四五六七八九十])';
/**
 * Words opening with a year as the text's own period: "2022年，我局…", "在2022年，…", "2022年我局…",
 * "2022年砲里街道…" (when 砲里街道 is the agency's name), "截至2022年12月31日，…" (or "截止2022年12月31日我局…"), after a marker
 * and title or not. Every real overview read (166, 2020-2025) opens its paragraphs and sentences
 * so with its own year only: an earlier one is last year's text left in (云湖桥镇 2023 as published).
 */
const YEAR_OPENING = new RegExp(
  `^(?:${MARKER})?(?:(?:在\\s*)?((?:19|20)\\d{2})\\s*年度?\\s*(?:[，,]|(?=${SUBJECT})|(?=(${DONE}))|(?=([\\u4e00-\\u9fff]{2,12})))|截[至止]\\s*((?:19|20)\\d{2})\\s*年\\s*(?:12\\s*月\\s*31\\s*日|底|末)\\s*(?:[，,]|(?=${SUBJECT})))`,
  'u',
);
/** what such words start with: a digit (a year or a point's number), 在, 截, or a marker's bracket */
const OPENING_START = new Set(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '在', '截', '（', '('].map((c) => c.charCodeAt(0)));
/** The year `text` opens with at `start` as its own period, if it does. */
function yearOpening(text: string, start: number, at: OwnPeriod['at']): OwnPeriod | null {
  while (start < text.length && text.charCodeAt(start) <= 32) start++;
  if (!OPENING_START.has(text.charCodeAt(start))) return null;
  const match = YEAR_OPENING.exec(text.slice(start, start + 60));
  if (!match) return null;
  const opening = { year: Number(match[1] ?? match[4]), start, length: match[0].length, at, name: match[3], cumulative: match[4] !== undefined };
  return match[2] === undefined ? opening : { ...opening, done: true };
}

/** the words quoted: the phrase, or the opening and what follows it up to its first mark */
function quoteOf(text: string, { start, length, at }: OwnPeriod): string {
  let quote = text.slice(start, start + length);
  if (at !== 'phrase' && !/[，,]$/u.test(quote)) {
    const rest = text.slice(start + length, start + length + 8);
    const cut = rest.search(QUOTE_END);
    quote += cut < 0 ? rest : rest.slice(0, cut);
  }
  return quote.trim().replace(/\s+/gu, '');
}
const QUOTE_END = /[，,。；：:！？\n]/u;

/**
 * Many overviews open with their first sub-heading: "（一）主动公开情况" on its own line, or
 * "（一）主动公开方面。" before the first sentence; the year that follows it ("2022年，我局…")
 * is the first words all the same.
 */
const SUB_HEADING = /^\s*[（(]一[）)][^，,。；：:\n\d]{1,16}\n\s*/u;

/**
 * The overview's first words, or else the first words after the 导语's statements of the period
 * the importer put at its head (own-period.ts periodParagraphEnd); either after a first
 * sub-heading on its own line.
 */
function firstWords(text: string, reading: SectionText): OwnPeriod | null {
  const after = (start: number) => {
    const heading = SUB_HEADING.exec(text.slice(start));
    return yearOpening(text, start, 'first') ?? (heading ? yearOpening(text, start + heading[0].length, 'first') : null);
  };
  const first = after(0);
  if (first) return first;
  const end = periodParagraphEnd(text, reading.firstLineBreak);
  return end > 0 ? after(end) : null;
}

/**
 * a sentence inside a paragraph is read when it states the period's figures or its none; a count
 * in Chinese numerals only of the applications' handling ("收到申请三件", "受理两件…申请"; not
 * "一件事一次办", not "三条措施")
 */
const PERIOD_FIGURES =
  /\d\s*(?:条|件|篇|次|个|期|场|份|宗|起|项)|(?:申请|收到|受理|接到|接收|办结|答复)[^，,。；\d]{0,6}?[零〇一二两三四五六七八九十百千]+\s*(?:件|宗)(?!事)|未(?:收到|受理|接到|接收|发生|产生|收取)|没有收到|无因|无依申请/u;
/**
 * ...and compares nothing: "2022年，我局受理8件，今年增加4件" (in a whole sentence opening with an
 * earlier year, any 较/比, 持平 or this year named is a comparison)
 */
const COMPARISON = new RegExp(`较|比|相比|持平|今年|本年|${CHANGE_WORDS}`, 'u');
/**
 * what was done after the year with a carry ("2022年有1件申请结转办理") may speak of the ones
 * carried into this year: not read
 */
const CARRY = /结转|顺延/u;
/**
 * An honour of that year opening the words ("2019年我局被评为…", "2019年，我镇荣获…"): history,
 * not the period's work copied; read in the words' first clause.
 */
const HONOUR = /评为|获|荣膺|入选|授予|列为|确定为|命名为/u;
const CLAUSE_MARK = /[，,。；！？\n]/u;
/** Does the clause right after the opening words at `found` name an honour? */
function opensWithHonour(text: string, { start, length }: OwnPeriod): boolean {
  const rest = text.slice(start + length, start + length + 40);
  const cut = rest.search(CLAUSE_MARK);
  return HONOUR.test(cut < 0 ? rest : rest.slice(0, cut));
}
/** where a sentence ends inside a paragraph (not at ；: "2022年，…；2023年，…" compares the two) */
const SENTENCE_MARK = /[。！？\n]/u;
/** farther than a marker, a title and 在 before a year that opens its sentence */
const OPENING_REACH = 24;

/** Where the sentence the year at `at` is in starts, if near (after 。！？, not a paragraph's start), else -1. */
function sentenceStart(text: string, at: number): number {
  for (let k = at - 1; k >= 0 && k >= at - OPENING_REACH; k--) {
    const code = text.charCodeAt(k);
    if (code === FULL_STOP || code === EXCLAMATION || code === QUESTION) return k + 1;
    if (code === NEW_LINE) return -1;
  }
  return -1;
}
const [FULL_STOP, EXCLAMATION, QUESTION, NEW_LINE] = ['。', '！', '？', '\n'].map((c) => c.charCodeAt(0)) as [number, number, number, number];
/** longer than a sentence of figures; what is past it is not read */
const MAX_SENTENCE = 300;

/** The year a sentence inside a paragraph opens with as its own period. */
function sentenceOpening(text: string, start: number): OwnPeriod | null {
  while (start < text.length && (text.charCodeAt(start) === 32 || text.charCodeAt(start) === 0x3000)) start++;
  // a paragraph's end (its next paragraph is read as such) or a sentence with no year first
  if (!OPENING_START.has(text.charCodeAt(start))) return null;
  const opening = yearOpening(text, start, 'sentence');
  // "截至2022年底，累计公开…" inside a paragraph sums up the years before; but the year's end
  // then the applications of the year ("截至2019年12月31日，17件申请全部办结", 北京市交通执法总队
  // 2019; "截至2019年12月31日，未收到政府信息公开申请", 黄石市卫健委 2019) is the period's own
  // work, nothing summed: an earlier year there is last year's text left in
  return opening && (!opening.cumulative || endsWithApplications(sentenceAt(text, start))) ? opening : null;
}
/**
 * applications received or settled at the year's end ("截至2022年12月31日，共有申请受理点3个" is no
 * work of the year), not a sum (累计) nor the ones still open or carried on
 */
const endsWithApplications = (sentence: string) =>
  sentence.includes('申请') && HANDLING.test(sentence) && !sentence.includes('累计') && !STILL_OPEN.test(sentence);
const HANDLING = /收到|受理(?!点|窗口|渠道|场所)|接到|接收|办结|答复/u;
const STILL_OPEN = /结转|顺延|未办结|尚|仍/u;

/** The sentence at `start`, up to its end (not past MAX_SENTENCE). */
function sentenceAt(text: string, start: number): string {
  const next = SENTENCE_MARK.exec(text.slice(start, start + MAX_SENTENCE));
  return text.slice(start, next ? start + next.index : start + MAX_SENTENCE);
}
/** Does the sentence at `start` state the period's figures, and compare nothing (nor carry, when `done`)? */
function statesFigures(text: string, start: number, done: boolean): boolean {
  const sentence = sentenceAt(text, start);
  return PERIOD_FIGURES.test(sentence) && !COMPARISON.test(sentence) && !(done && CARRY.test(sentence));
}
const sentenceNames = (text: string, start: number, year: string) => sentenceAt(text, start).includes(year);

/**
 * The sentences inside the overview's paragraphs that open with a year before `year` (the
 * report's), once per text and year; the rule reads those that state figures. Found from each
 * year back to the mark before it, when near: a scan for the marks themselves took longer than
 * the rest of the rule, and most years a text names are its own.
 */
function earlierSentences(year: number): (text: string) => readonly OwnPeriod[] {
  let reader = sentenceReaders.get(year);
  if (reader) return reader;
  reader = (text) => {
    const found: OwnPeriod[] = [];
    let last = -1;
    // a report's years begin 20 (the regulations date from 2008)
    for (let at = text.indexOf('20'); at >= 0; at = text.indexOf('20', at + 2)) {
      const named = yearAt(text, at);
      if (named === undefined || named >= year) continue;
      const start = sentenceStart(text, at);
      if (start <= last) continue;
      const opening = start > 0 ? sentenceOpening(text, start) : null;
      if (opening) {
        found.push(opening);
        last = start;
      }
    }
    return found;
  };
  sentenceReaders.set(year, reader);
  return reader;
}
const sentenceReaders = new Map<number, (text: string) => readonly OwnPeriod[]>();

/** The year 20xx at `at` (not inside a longer number), else undefined. */
function yearAt(text: string, at: number): number | undefined {
  const tens = text.charCodeAt(at + 2) - 48;
  const units = text.charCodeAt(at + 3) - 48;
  if (tens < 0 || tens > 9 || units < 0 || units > 9) return undefined;
  const before = text.charCodeAt(at - 1) - 48;
  const after = text.charCodeAt(at + 4) - 48;
  if ((before >= 0 && before <= 9) || (after >= 0 && after <= 9)) return undefined;
  return 2000 + tens * 10 + units;
}

/**
 * The overview's openings (once per text): its first words, then each later paragraph's.
 */
function openings(text: string, reading: SectionText): readonly OwnPeriod[] {
  if (!namesAYear(text)) return [];
  const found: OwnPeriod[] = [];
  const first = firstWords(text, reading);
  if (first) found.push(first);
  for (let end = reading.firstLineBreak; end >= 0; end = text.indexOf('\n', end + 1)) {
    const opening = yearOpening(text, end + 1, 'paragraph');
    if (opening) found.push(opening);
  }
  return found;
}

/**
 * Unit names an agency's own name ends with (街道, 镇, 局…): "2022年砲里街道…" opens with the
 * agency's name when its name holds 砲里街道. Not 市, 县 or 区: "2022年某市出台…" names the city
 * the agency is in, an event.
 */
const AGENCY_UNIT = /(?:街道|镇|乡|局|委|办|办事处|政府|管委会|中心|分局)$/u;

/** Do the words after the year begin with (a part of) the agency's name that ends with a unit? */
function opensWithAgency(words: string, agencyName: string): boolean {
  for (let length = words.length; length >= 2; length--) {
    const part = words.slice(0, length);
    if (AGENCY_UNIT.test(part) && agencyName.includes(part)) return true;
  }
  return false;
}

const SECTIONS = ['overview', 'problems', 'other'] as const;

export const textStaleYear: Rule = (input, findings) => {
  const { report } = input;
  const titles = TEMPLATES[report.template].sectionTitles;
  const ownYear = String(report.year);
  for (const section of SECTIONS) {
    const reading = input.text(section);
    const stated = reading.read(ownPeriods);
    // the first words are the overview's only: 五 may open with last year's problems
    const opened = section === 'overview' ? [...reading.read(openings), ...reading.read(earlierSentences(report.year))] : [];
    for (const found of opened.length === 0 ? stated : [...stated, ...opened]) {
      const { year, at, name } = found;
      if (year === report.year) continue;
      // past the first words, only an earlier year: "2024年，我局将…" may be a plan
      if ((at === 'paragraph' || at === 'sentence') && year > report.year) continue;
      if (name !== undefined && !opensWithAgency(name, report.agencyName)) continue;
      // a sentence that states no figures, compares or names this year too ("2022年，受理8件，2023年受理12件");
      // what was done after the year ("2022年通过政府网站…") is read so wherever it opens
      if ((at === 'sentence' || found.done) && (!statesFigures(reading.text, found.start, found.done === true) || sentenceNames(reading.text, found.start, ownYear))) continue;
      if (at !== 'phrase' && opensWithHonour(reading.text, found)) continue;
      const quote = quoteOf(reading.text, found);
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
/**
 * an amount: "2230元", "0.5万元", "零元", "¥0"; full-width digits as pasted from Word ("０元"), and
 * numerals in words ("三百元", "贰佰元"; not "万元" alone, the unit of a label, nor "一元化")
 */
const AMOUNT =
  /(?:[\d０-９][\d０-９,.，．]*|零)\s*(?:万元|元)|[¥￥]\s*[\d０-９]|[一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾][一二两三四五六七八九十百千万壹贰叁肆伍陆柒捌玖拾佰仟]*元(?!化)/u;
/**
 * none: "未收取", "没有收取任何费用", "无信息处理费收取", "不存在收费情况", "未发生…收费事项",
 * "免收", "信息处理费：无", "为零", "均未收费", "收费金额：0", "收取信息处理费0次", "发出收费通知书0份"
 * (a bare 不 is not one: "不断规范收费"); "⽆" is the Kangxi radical a PDF's text layer may give for 无
 */
const NONE =
  /未|没有|无(?!论)|⽆|不存在|不涉及|不产生|不收|免收|免予|免除|为零|为[0０](?![\d０-９.])|[:：]\s*(?:[0０]|零)(?![\d０-９.])|(?<![\d０-９.])[0０]\s*(?:次|笔|件|份)/u;
/**
 * AMOUNT.test(clause), by a plain look first: every amount has 元 or a currency sign (the pattern
 * tries its three openings at every character: 0.25 µs for a clause of 30 without any)
 */
const statesAmount = (clause: string) =>
  (clause.includes('元') || clause.includes('¥') || clause.includes('￥')) && AMOUNT.test(clause);
/** no application at all: no fee could be charged ("本年度未收到政府信息公开申请") */
const NO_APPLICATION = /(?:未|没有)(?:收到|受理|接到)[^，,。；]{0,12}?申请(?!人)/u;
/** "依申请公开一律免费提供", "零收费" */
const FREE = /免费|零收费/u;

/** a clause that collected fees and left the amount to the next: "共收取信息处理费2笔" */
const COLLECTED = /收取[^，,。；]*?(?:处理费|费用)/u;

/** every statement of fees names 费, 收取 or 申请: a text with none of them is not split */
const FEE_TRACE = /费|收取|申请/u;

/**
 * Does 六 say whether 信息处理费 was collected? Read clause by clause: a fee word with an amount or
 * with a "none". A text imported line by line (a .txt from a PDF) may break a sentence inside a
 * word ("本单位无信息处" / "理费收取情况。"): when nothing is found, it is read again with such
 * breaks joined.
 */
function statesFees(text: string): boolean {
  if (!FEE_TRACE.test(text)) return false;
  if (readsFees(text)) return true;
  return text.includes('\n') && readsFees(text.replace(WRAPPED_LINE, ''));
}

/**
 * A break inside a sentence: after a line of 14 characters or more that does not end a sentence,
 * a clause or a title (。；：》）), before a line that opens neither a numbered heading nor the none
 * of other matters ("无其他需要报告的事项", which a fee sentence above must not take as its own).
 */
const WRAPPED_LINE =
  /(?<=^[^\n]{13,}[^\n\s。；;！!？?：:》）)])[ \t]*\n\s*(?![\s（(〔【]|[一二三四五六七八九十]+[、.．]|\d+[、.．]|(?:无|没有|暂无)其他)/gmu;

function readsFees(text: string): boolean {
  let collected = false;
  let heading = false;
  // clause by clause, each cut at its break when reached (most texts state their fees in the first
  // clauses: the rest is never cut up)
  let start = 0;
  for (let end = 0; end <= text.length; end++) {
    if (end < text.length && FEE_CLAUSE_BREAKS[text.charCodeAt(end)] !== 1) continue;
    const clause = text.slice(start, end);
    /** the clause ends its line ("（一）收取信息处理费情况" above its answer) */
    const lineEnd = text.charCodeAt(end) === NEWLINE;
    start = end + 1;
    // a heading's answer on the line below: "（一）收取信息处理费情况" then "无。"
    if (heading) {
      if (clause.trim() === '') continue;
      if (answersHeading(clause)) return true;
      heading = false;
    }
    // a clause without a trace states nothing of fees (FEE_TRACE): passed by without the patterns,
    // unless it may hold the amount of the one before
    if (!collected && !clause.includes('费') && !clause.includes('收取') && !clause.includes('申请')) continue;
    if (NO_APPLICATION.test(clause) || FREE.test(clause)) return true;
    if (FEE_WORD.test(clause) && (statesAmount(clause) || statesNone(clause))) return true;
    // "收取信息处理费1笔，金额100元": the amount in the clause after the one that collected
    if (collected && statesAmount(clause)) return true;
    collected = COLLECTED.test(clause);
    // a line of its own naming the fees ("二、收取信息处理费的情况", "信息处理费：", "发出收费通知的件数（件）"),
    // not a sentence ("严格执行《…信息处理费管理办法》。" then "无" is no answer)
    heading = clause.includes('费') && (lineEnd || ENDS_WITH_COLON.test(clause));
  }
  return false;
}

/** the marks that end a clause for the fee reader (a line's end too, told apart from a sentence's) */
const FEE_CLAUSE_BREAKS = new Uint8Array(65536);
for (const ch of '。；;！!？?\n，,') FEE_CLAUSE_BREAKS[ch.charCodeAt(0)] = 1;
const NEWLINE = 10;
/**
 * a none of irregular charges, not of the amount: "无违规收费现象", "未发现乱收费" say nothing of what
 * was collected ("信息处理费及违规收费情况：无" still answers both)
 */
const NOT_THE_AMOUNT = /(?:无|没有|未(?:发现|发生|出现|存在)?)(?:任何)?(?:违规|违法|乱收)/u;
/** a none of the fees: NONE's words, not a none of irregular charges */
const statesNone = (clause: string) => NONE.test(clause) && !NOT_THE_AMOUNT.test(clause);
/** a label before its value: "信息处理费收取情况：" */
const ENDS_WITH_COLON = /[:：]\s*$/u;
/** a cell's figure alone: "0", "0元", "2件" */
const BARE_NUMBER = /^\s*[\d０-９][\d０-９,.，．]*\s*(?:万元|元|件|次|笔)?\s*$/u;

/**
 * Is this short clause the answer to a fee heading on the line above: "无", "本年度无", "0元",
 * "本机关2022年无此类情况"? Not "无其他需要报告的事项".
 */
function answersHeading(clause: string): boolean {
  if (clause.length > 20 || clause.includes('其他') || clause.includes('事项')) return false;
  return BARE_NUMBER.test(clause) || statesAmount(clause) || statesNone(clause);
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
