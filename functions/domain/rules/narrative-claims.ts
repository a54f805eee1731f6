/**
 * Reads the numbers a report's text claims about its own tables ("收到政府信息公开申请75件",
 * "答复3050件", "103件顺延到下年度", "行政复议134件", "未发生行政复议、行政诉讼") so
 * `narrative.mismatch` and `narrative.contradiction` can hold them against the tables (the shares,
 * "予以公开占45.2%", are narrative-shares.ts's; the words both read, claim-words.ts's; the
 * statements of none, narrative-nones.ts's).
 * Deliberately narrow: a missed claim costs nothing, a misread one is a false warning.
 */
import {
  BLANKS,
  CHANGE_WORDS,
  CHANNELS,
  NOT_APPLICATIONS,
  OUTCOME,
  RESULT_NAMES,
  RESULT_WORDS,
  SENTENCE_BREAKS,
  characterCodes,
  hasDigit,
  isDigit,
  parseChineseNumber,
  sentenceEnd,
  sentenceStart,
  type ResultGroup,
} from './claim-words.js';
import { appealNone, applicationNone, noneReceived, statesNoneCarriedForward } from './narrative-nones.js';
import { kindEventsScan, subjectSentencesScan } from './text-scan.js';

export type ClaimSubject =
  /** 收到/受理 … 申请 N件: table 三 一 (or 一 + 二) */
  | 'applications'
  /** 办结/答复 N件: table 三 （七）总计 */
  | 'handled'
  /** 上年结转 N件: table 三 二 */
  | 'carriedOver'
  /** 结转/顺延到下年度 N件: table 三 四 */
  | 'carriedForward'
  | 'review'
  | 'litigation'
  | ResultGroup;

export interface Claim {
  readonly subject: ClaimSubject;
  readonly value: number;
  /** the words the value was read from, to quote back to the filer */
  readonly quote: string;
  /** the text says the figure includes last year's carried-over applications ("含上年结转…") */
  readonly includesCarriedOver?: boolean;
  /** a statement of none ("未收到申请", "未发生行政复议", "无下年度结转"): `narrative.contradiction` reads these */
  readonly none?: boolean;
  /** "办理…申请N件": the figure may be the applications handled (（七）) rather than received */
  readonly mayBeHandled?: boolean;
  /**
   * "按时办结N件": the ones settled in time, which may be fewer than all settled (（七）); "受理的N件":
   * the ones accepted, which may be fewer than all received
   */
  readonly atMost?: boolean;
  /** "结转政府信息公开申请数量N件" names no year: the ones carried over (二) or carried forward (四) */
  readonly mayBeCarriedOver?: boolean;
}

const NUMBER = '(\\d{1,3}(?:,\\d{3})+|\\d+|[零〇一二两三四五六七八九十百千]+)';
/** Arabic figures only: "办结一件申请、解决一个问题" is a slogan, not a count. */
const FIGURE = '(\\d{1,3}(?:,\\d{3})+|\\d+)';
const UNIT = '\\s*(?:件|个|起|宗|份)';
/** 办结/结转 counts take 件 only: "答复期限15个工作日" is not a count. */
const CASES = '\\s*(?:件|宗)';
const RECEIVE = '(?:收到|受理|接收|新收|接到|办理|收办)';

/**
 * "受理依申请信息56条", "收到政府信息公开申请3项": right after the applications' words, an Arabic
 * figure with 条 or 项 counts them too (its figure is the second group; "一条龙" is a slogan)
 */
const ITEM_UNIT = '\\s*(?:条|项)';
const APPLICATION_COUNT = new RegExp(`${RECEIVE}[^\\d]{0,15}?申请[^\\d]{0,8}?(?:${NUMBER}${UNIT}|${FIGURE}${ITEM_UNIT})`, 'u');
/**
 * "2019年依申请公开共受理2件" (北京市通州区新华街道 2019): 依申请公开 named first as the topic, the
 * verb and the count right after it (nothing between: "依申请公开答复率100%" is no count)
 */
const TOPIC_COUNT = new RegExp(`依申请公开(?:工作|事项|方面)?(?:共计?|全年|累计)?(?:受理|收到|接收|接到)了?${FIGURE}${CASES}`, 'u');
/**
 * "受理依申请公开政府信息数量共计0条": the count's 数量 and its verb stretch the words after 申请
 * past APPLICATION_COUNT's few; tried only where that found none and the clause says 数量
 */
const APPLICATION_QUANTITY = new RegExp(
  `${RECEIVE}[^\\d]{0,15}?申请[^\\d]{0,8}?数量(?:共计?|合计|总计|为|是)?\\s*(?:${NUMBER}${UNIT}|${FIGURE}${ITEM_UNIT})`,
  'u',
);
/** "收到申请公开的信息12条", "收到申请人意见5条": the items of the applications, or someone's remarks */
const NOT_ITEMS_OF_APPLICATIONS = /的|人|涉及|所|要求|内容|意见|问题|事宜/u;
/**
 * "共受理36件政府信息公开申请", "收到1件政府信息公开申请": the figure before the word. Only the
 * report's own kinds of application may stand between ("收到1件网上申请" is one channel's). Also
 * "收到1件依申请公开事项", and "共收到12件信息依申请公开" closing its clause (长河街道 2023; not "…依申请公开咨询").
 */
const APPLICATION_COUNT_BEFORE = new RegExp(
  `(?:收到|受理|接收|新收|接到|收办)了?[^\\d，。；]{0,4}?${NUMBER}${UNIT}的?(?:(?:政府信息公开|信息公开|依申请公开|公开)?申请(?!人)|依申请公开事项(?!的)|(?:政府)?(?:信息)?依申请公开(?:件|事项)?\\s*$)`,
  'u',
);
/**
 * "收到1条政府信息公开申请" (a 区民政局 2024, jmsjqzf.gov.cn): an Arabic figure with 条 or 项 before
 * the applications' full name (not a bare 申请: "收到3条申请人留言")
 */
const APPLICATION_ITEMS_BEFORE = new RegExp(
  `(?:收到|受理|接收|新收|接到|收办)了?[^\\d，。；]{0,4}?${FIGURE}${ITEM_UNIT}的?(?:(?:政府信息公开|信息公开|依申请公开)申请(?!人)|依申请公开事项(?!的))`,
  'u',
);
/** "申请和咨询120件", "申请及留言": a count of more than the applications */
const MORE_THAN_APPLICATIONS = /[和及与、]|咨询|留言|来信|建议/u;
/**
 * A figure before the applications' name (APPLICATION_COUNT_BEFORE's or APPLICATION_ITEMS_BEFORE's
 * match), with the clause's words after it: not one channel's, nor a count of more than the
 * applications ("收到5件政府信息公开申请和3件咨询")
 */
function figureBefore(pattern: RegExp, clause: string): { readonly match: RegExpExecArray; readonly rest: string } | null {
  const match = pattern.exec(clause);
  if (!match || CHANNEL.test(match[0])) return null;
  const rest = clause.slice(match.index + match[0].length);
  return MORE_THAN_APPLICATIONS.test(rest.slice(0, 2)) ? null : { match, rest };
}
/**
 * "收到申请同比增加5件", "行政复议较上年减少2件": a change from last year, not a count (较 and 比 only
 * before the year they name: "比例", "较好" stand in counts' words)
 */
const COMPARISON = new RegExp(`同比|环比|较上|较去|较前|比上|比去|比前|${CHANGE_WORDS}`, 'u');
/** appeals are counted in 件/起/宗 ("行政复议答复书12份" is not a count of appeals) */
const APPEAL_UNIT = '\\s*(?:件|起|宗)';
const REVIEW_COUNT = new RegExp(`行政复议([^\\d诉]{0,6}?)${NUMBER}${APPEAL_UNIT}`, 'u');
const LITIGATION_COUNT = new RegExp(`行政诉讼([^\\d]{0,6}?)${NUMBER}${APPEAL_UNIT}`, 'u');
/** "发生2起行政复议、行政诉讼案件": one figure before both names, neither's alone */
const JOINED_APPEALS = /(?:复议|诉讼)[^\d，,。；]{0,6}?(?:、|和|及|与|或)[^\d，,。；]{0,3}?(?:复议|诉讼)/u;
/**
 * "发生1起有关政府信息公开事务的行政复议案件" (滨江区公安分局 2021): the figure first, after 发生 (the
 * agency appealed against, not a 复议机关's 受理), then the appeal's name
 */
const APPEAL_COUNT_BEFORE = new RegExp(`(?:发生|被提起|引发|引起)了?${NUMBER}${APPEAL_UNIT}([^\\d，,。；]{0,16}?)(行政复议|行政诉讼)`, 'u');
/** "受理行政复议申请45件", "办理行政复议案件120件": the agency deciding appeals (a 复议机关), not appealed against */
const APPEAL_BODY = /(?:受理|办理|审理)$/u;
/** "行政复议、行政诉讼案件共3件": one figure for both */
const BOTH_APPEALS = /(?:复议|诉讼)[^\d，,。；]{0,6}?(?:、|和|及|与|或)[^\d，,。；]{0,3}?(?:复议|诉讼)[^\d，,。；]{0,10}?\d/u;
/** "行政复议、行政诉讼均为0件": one figure for both, which only 0 makes the figure of each */
const BOTH_APPEALS_NONE = /(?:行政)?复议[^\d，,。；]{0,6}?(?:、|和|及|与)[^\d，,。；]{0,3}?(?:行政)?诉讼[^\d，,。；]{0,8}?(0|零)\s*(?:件|起|宗)(?![\d.])/u;
/**
 * a count's channel: a letter too ("通过来信收到申请4件"; "未收到依申请公开来信" is still read as none at all),
 * and the rest of a list of channels ("网站受理9件；…其他渠道受理依申请公开13件": 广陵分局 2021's last
 * channel, not all; "通过各种渠道收到申请8件" names every channel and is read)
 */
const CHANNEL = new RegExp(`${CHANNELS}|来信|信件|来访|其他(?:渠道|途径|方式)`, 'u');
/** the close of a list of channels at the clause's start: "…、信函等渠道", "…、当面申请等多种方式" */
const LIST_CLOSED = /^[^，,。；\d]{0,8}?等(?:多种|各种|各类)?(?:渠道|方式|途径|形式)/u;
/**
 * Do the words before a count (from its clause's start) name one channel? Not when they close a
 * list of them ("通过线上、信函等渠道收到依申请公开信息16件", 平利县 2024: every channel; the list's 、 cut
 * the clause, so the sentence shows whether one stands before it). One channel before 等 may be
 * one of several counts ("通过信函等渠道收到申请3件，网上申请5件").
 */
function oneChannel(words: string, clause: string, sentence: string): boolean {
  if (!CHANNEL.test(words)) return false;
  if (!words.includes('等') || !LIST_CLOSED.test(words)) return true;
  const at = sentence.indexOf(clause);
  if (at <= 0 || sentence.charCodeAt(at - 1) !== LIST_MARK) return true;
  // a list of channels, not of counts ("网上受理3件、信函等渠道受理申请5件": 5 is the last channel's;
  // a year before the list is no count: "2023年通过网上、信函等渠道收到申请5件")
  const listStart = Math.max(sentence.lastIndexOf('，', at), sentence.lastIndexOf(',', at)) + 1;
  return COUNT_BEFORE.test(sentence.slice(listStart, at));
}
const COUNT_BEFORE = /\d\s*[件个起宗份条项]/u;
const LIST_MARK = '、'.charCodeAt(0);
/** "收到申请后5个工作日内答复": a time, not a count */
const TIME_AFTER = /^\s*(?:工作日|日|天|小时|月|周|星期)/u;
const EVERY_KIND = /各类|各种|各项/u;
/**
 * "办理挖掘（占用）城市道路申请件77件": three or more characters between the verb and 申请, and no
 * 信息 or 公开 in the words read, name another procedure's applications (every verb of RECEIVE is
 * two characters)
 */
function otherProcedure(match: string): boolean {
  // the words after 申请 count too: "受理答复依申请政府信息公开15件" is about information
  // ("收到各类申请20件，其中政府信息公开申请15件": every kind of application, not these only)
  const at = match.indexOf('申请');
  return (at >= 5 || EVERY_KIND.test(match.slice(2, at))) && !match.includes('信息') && !match.includes('公开');
}
/** a clause that opens with a year ("2019年…"), not a month of it ("2023年1月") */
const CLAUSE_YEAR = /^((?:19|20)\d{2})\s*年(?!\s*\d|度?[一二三四五六七八九十]+月)/u;
const LATER_CLAUSE_YEAR = /[，,；;]\s*((?:19|20)\d{2})\s*年(?!\s*\d|度?[一二三四五六七八九十]+月)/gu;
/**
 * "2019年办理政府信息公开申请1件，2020年办理3件，2021年办理2件" (肥城市住建局 2021): a clause
 * opening with a year earlier than one another clause of the sentence opens with is that year's,
 * one of a year-by-year list that ends with the report's own (a plain look at the first digit first)
 */
function earlierYear(clause: string, sentence: string): boolean {
  const c = clause.charCodeAt(0);
  if (c !== 49 && c !== 50) return false;
  const year = CLAUSE_YEAR.exec(clause);
  if (!year) return false;
  for (const later of sentence.matchAll(LATER_CLAUSE_YEAR)) if (Number(later[1]) > Number(year[1])) return true;
  return false;
}
/** a reason before a count of handling: the ones of that reason ("因…等情形依规答复8件"), by plain searches */
function forReason(clause: string, end: number): boolean {
  if (reasonBefore(clause, end)) return true;
  const kind = clause.indexOf('情形');
  if (kind >= 0 && kind < end) return true;
  const cause = clause.indexOf('原因');
  return cause >= 0 && cause < end;
}
/**
 * "答复2件，1件申请人撤回": where the sentence names an application closed without an answer
 * (withdrawn, given up, not completed in time), the ones answered are one outcome among several,
 * which （七） counts together: at most all. (办结 counts the withdrawn ones too: "办结20件，其中撤回1件".)
 */
// ("答复7件，不予受理4件" (遵义市人社局 2021): the ones refused are another outcome beside the answered)
const UNANSWERED = /撤回|撤销申请|放弃|未补正|不予受理/u;
const answeredBesideUnanswered = (clause: string, at: number, sentence: string) => clause.startsWith('答复', at) && UNANSWERED.test(sentence);
/** "按时办结66件，5件逾期未补正", "当场答复3件，书面答复12件": a part of the ones settled, at most all */
const PART_OF_HANDLED = /^(?:按时|按期|如期|限时|及时|当场|书面|电话|口头|网上|延期|逾期|超期)/u;
/** counts handled ("办结", "答复"); not "尚未办结", not one result's ("予以公开答复9件", "不予公开答复2件") */
const HANDLED_COUNT = new RegExp(`(?:(?<!未)办结|(?<!(?<!申请)公开|提供|处理)答复|办理完毕|处理完毕)([^\\d率]{0,10}?)${FIGURE}${CASES}`, 'u');
/** the application's own name between the verb and the figure ("办结政府信息公开申请16件", "办结依申请公开件177件"): not a result's 公开 */
const APPLICATION_NAME = /(?:政府)?信息(?:依申请)?公开(?:申请)?|依申请公开(?:申请|件)?/gu;
/** a verb of receiving right before 答复 ("受理答复", "收到并答复") */
const RECEIVED_THEN = /(?:收到|受理|接收|接到)并?$/u;
/**
 * The words between a verb of handling and its figure, less the application's own name; kept
 * whole after a verb of receiving ("受理答复依申请政府信息公开15件" counts the ones received).
 */
function resultWords(clause: string, handled: RegExpExecArray): string {
  const gap = handled[1]!;
  return RECEIVED_THEN.test(clause.slice(Math.max(0, handled.index - 3), handled.index)) ? gap : gap.replace(APPLICATION_NAME, '');
}
/** "办结的申请中同意公开答复9件": the figure is a result's; "办结上年结转申请2件": last year's */
const RESULT_BETWEEN = /公开|提供|处理|答复|告知|结转/u;
/** "结转下年度", "顺延到下一年", "结转到2025年" (the next year by its number) */
const NEXT_YEAR = '(?:结转|顺延|转)(?:到|至|入)?(?:下一?年|(?:19|20)\\d{2}\\s*年)';
const NEXT_YEAR_CLAUSE = new RegExp(NEXT_YEAR, 'u');
const FROM_LAST_YEAR = /(?:上一?年度?|(?:19|20)\d{2}\s*年度?)的?(?:结转|顺延|转)/u;
/**
 * the applications' name and the count's words after a carry ("政府信息公开申请数量为",
 * "政府信息公开办理数量", "依申请公开申请"): longer than the few characters read otherwise, and
 * nothing else (not "…申请涉及的信息2件", not "…申请中予以公开3件")
 */
const CARRIED_NAME = '(?:政府信息公开|依申请公开|信息公开)(?:申请|办理)(?:办件|件)?(?:数量)?(?:为|是|共计?)?\\s*';
const CARRIED_OVER_COUNT = new RegExp(`上一?年度?结转(?:${CARRIED_NAME}|[^\\d]{0,8}?)${FIGURE}${CASES}`, 'u');
/**
 * …or the carry named first ("结转上年9件", 保山市 2024; "结转上年度办理3件", 硚口区政府办 2025): the figure
 * right after the year's words and a 办理 or an application's name, at most
 */
const CARRIED_OVER_AFTER = new RegExp(`结转上一?年度?(?:办理的?|的)?(?:${CARRIED_NAME})?${FIGURE}${CASES}`, 'u');
const CARRIED_FORWARD_AFTER = new RegExp(`${NEXT_YEAR}[^\\d]{0,10}?${FIGURE}${CASES}`, 'u');
const CARRIED_FORWARD_BEFORE = new RegExp(`${FIGURE}${CASES}[^\\d，]{0,6}?${NEXT_YEAR}`, 'u');
/**
 * "下年度继续办理0件" (嘉兴市民政局 2024, the sentence after "目前依法办结4件，其中…"): 四's own words
 * (结转下年度继续办理) without 结转, the ones carried forward all the same
 */
const CONTINUED_NEXT_YEAR = new RegExp(`下一?年度?继续办理[^\\d，,]{0,8}?${FIGURE}${CASES}`, 'u');
/** "结转下年度办理的政府信息公开申请数量为3件": the next year, then the applications' name */
const CARRIED_FORWARD_NAMED = new RegExp(`${NEXT_YEAR}[^\\d，]{0,8}?${CARRIED_NAME}${FIGURE}${CASES}`, 'u');
/**
 * "结转政府信息公开申请数量0件": no year named, so the ones carried over or forward (either is the
 * text's); not after a year's words ("2022年结转…", "本年度结转…", "跨年度结转…")
 */
const CARRIED_EITHER = new RegExp(`(?<![年度的])结转的?${CARRIED_NAME}${FIGURE}${CASES}`, 'u');
/**
 * "（含上年结转…）" right after a figure: it counts 二 too; so does "（含2022年结转1件）", the year
 * carried from named by its number (not "含2023年结转至2024年的2件": the ones carried onward)
 */
const INCLUDES_CARRIED = /^[^\d，]{0,3}[（(]?(?:含|包括)(?:(?:上一?年度?|往年)结转|(?:19|20)\d{2}\s*年度?的?结转(?![至到入下]))/u;

const RESULT_COUNT = new RegExp(
  `(${RESULT_NAMES})([^\\d，。；]{0,14}?)${FIGURE}\\s*件`,
  'u',
);
/** each appeal's name, and the name without 行政 that a report may use alone */
const APPEAL_WORDS = [
  ['review', '行政复议', '复议'],
  ['litigation', '行政诉讼', '诉讼'],
] as const;

/**
 * What puts a claim in a clause: a figure with its unit (every count the patterns read ends
 * so: "75件", "十二 件", "1,234件") or a 未/没有 (every statement of none has one). A clause
 * without either is never matched against the patterns.
 *
 * The kind of each UTF-16 unit, as the readers below step through a sentence (filled at load).
 * The kinds a clause is read past come first: one comparison lets most units by.
 */
/** [\d零〇一二两三四五六七八九十百千] */
const NUMERAL_KIND = 2;
/** JavaScript's \s, but the line break (a sentence break) */
const SPACE_KIND = 3;
const PLAIN = SPACE_KIND;
/** 件个起宗份: a count's unit when a figure stands before it */
const UNIT_KIND = 4;
/** 条项: a count of applications only right after their words ("受理依申请信息56条") */
const ITEM_UNIT_KIND = 10;
const WEI = 5; // 未
const MEI = 6; // 没 (of 没有)
/** 无: a none of the whole sentence's (noneReceived), not of a clause's counts */
const WU = 11;
const CLAUSE_BREAK = 7;
const COMMA_KIND = 8;
const SENTENCE_BREAK_KIND = 9;
const KIND = new Uint8Array(65536);
for (const ch of BLANKS) KIND[ch.charCodeAt(0)] = SPACE_KIND;
for (const ch of '0123456789零〇一二两三四五六七八九十百千') KIND[ch.charCodeAt(0)] = NUMERAL_KIND;
for (const ch of SENTENCE_BREAKS) KIND[ch.charCodeAt(0)] = SENTENCE_BREAK_KIND;
for (const ch of '，、') KIND[ch.charCodeAt(0)] = CLAUSE_BREAK;
for (const ch of '件个起宗份') KIND[ch.charCodeAt(0)] = UNIT_KIND;
for (const ch of '条项') KIND[ch.charCodeAt(0)] = ITEM_UNIT_KIND;
KIND['未'.charCodeAt(0)] = WEI;
KIND['没'.charCodeAt(0)] = MEI;
KIND['无'.charCodeAt(0)] = WU;
const COMMA = 44;
KIND[COMMA] = COMMA_KIND;
const YOU = '有'.charCodeAt(0);
/**
 * The words clauseClaims looks for (申请, 复议, 诉讼, 结转, 公开, …): the first character of each is
 * a kind of its own from KEY_KIND on. sentenceClaims, reaching one, looks at the units after it and
 * notes the words the clause holds as bits: clauseClaims asks a bit, never searches the
 * clause (a search costs more than the step to all of a clause's key characters).
 */
const KEY_KIND = 32;
const KEY_CHARACTERS = '申复诉转顺办答完结公提处数行因由';
for (let k = 0; k < KEY_CHARACTERS.length; k++) {
  const code = KEY_CHARACTERS.charCodeAt(k);
  // a key character is otherwise plain: a kind of its own would hide a figure, a unit or a break
  if (KIND[code] !== 0) throw new Error(`${KEY_CHARACTERS[k]} has a kind already`);
  KIND[code] = KEY_KIND + k;
}
/** a word clauseClaims looks for, by its bit */
interface KeyWord {
  readonly bit: number;
}
/**
 * for each key character, the word it opens: its second unit (0: a word of one character) and its
 * bit; 行 opens two (行政复议, 行政诉讼: wordsAt reads them)
 */
const SECOND = new Uint16Array(KEY_CHARACTERS.length);
const BIT = new Int32Array(KEY_CHARACTERS.length);
let bits = 0;
function keyWord(text: string): KeyWord {
  const k = KEY_CHARACTERS.indexOf(text[0]!);
  if (k < 0) throw new Error(`${text}: its first character is not in KEY_CHARACTERS`);
  // 行 opens the two words wordsAt reads by their units: another would never be found
  if (text[0] === '行' && text !== '行政复议' && text !== '行政诉讼') throw new Error(`${text}: wordsAt reads only 行政复议 and 行政诉讼 after 行`);
  const bit = 1 << bits++;
  if (text[0] !== '行') {
    if (BIT[k] !== 0 || text.length > 2) throw new Error(`${text}: one word of one or two characters per key character`);
    SECOND[k] = text.length === 2 ? text.charCodeAt(1) : 0;
    BIT[k] = bit;
  }
  return { bit };
}
const XING = KEY_CHARACTERS.indexOf('行');
const [ZHENG, FU, YI, SU, SONG] = Array.from('政复议诉讼', (ch) => ch.charCodeAt(0));
/** the bit of the word that opens at i, where the key character KEY_CHARACTERS[k] is (0: none) */
function wordsAt(text: string, i: number, k: number): number {
  if (k === XING) {
    if (text.charCodeAt(i + 1) !== ZHENG) return 0;
    const third = text.charCodeAt(i + 2);
    const fourth = text.charCodeAt(i + 3);
    return third === FU && fourth === YI ? W.reviewWord.bit : third === SU && fourth === SONG ? W.litigationWord.bit : 0;
  }
  const second = SECOND[k]!;
  return second === 0 || text.charCodeAt(i + 1) === second ? BIT[k]! : 0;
}
/** the clause holds the word (`keys`: the bits of the words it holds, sentenceClaims's) */
function holds(keys: number, word: KeyWord): boolean {
  return (keys & word.bit) !== 0;
}
const W = {
  application: keyWord('申请'),
  review: keyWord('复议'),
  litigation: keyWord('诉讼'),
  quantity: keyWord('数量'),
  to: keyWord('转'),
  postponed: keyWord('顺延'),
  settled: keyWord('办结'),
  answered: keyWord('答复'),
  finished: keyWord('完毕'),
  carried: keyWord('结转'),
  disclosed: keyWord('公开'),
  provided: keyWord('提供'),
  processed: keyWord('处理'),
  reviewWord: keyWord('行政复议'),
  litigationWord: keyWord('行政诉讼'),
  because: keyWord('因'),
  dueTo: keyWord('由于'),
} as const;
const APPEAL_COUNTS = [
  ['review', W.reviewWord, REVIEW_COUNT],
  ['litigation', W.litigationWord, LITIGATION_COUNT],
] as const;

/** "，", "、", or a comma that does not group thousands ("1,234" is one number) */
const clauseBreakAt = (text: string, i: number) => {
  const kind = KIND[text.charCodeAt(i)];
  return (
    kind === CLAUSE_BREAK ||
    (kind === COMMA_KIND && !(isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3))))
  );
};

/**
 * The unit at i is a count's when a figure stands before it, from `start` on, white space between
 * allowed: the figure's last unit (a digit or a numeral in words), or -1.
 */
function countFigure(text: string, i: number, start: number): number {
  let j = i - 1;
  while (j >= start && KIND[text.charCodeAt(j)] === SPACE_KIND) j--;
  const figure = j >= start ? text.charCodeAt(j) : -1;
  return figure >= 0 && KIND[figure] === NUMERAL_KIND ? figure : -1;
}

/**
 * The words without their white space ("行政诉讼案件 57 件" → "行政诉讼案件57件"), by a step through
 * them: a quote is a few characters and nearly never has any, where a pattern's run costs more
 * than reading it.
 */
function withoutSpace(words: string): string {
  for (let i = 0; i < words.length; i++) {
    const c = words.charCodeAt(i);
    // a figure, a letter or a Chinese character (nearly every unit) by two comparisons: no \s
    // lies between them, and the table of kinds is not read (a look at it may miss the cache)
    if ((c > 32 && c < 0xa0) || (c > 0x3000 && c !== 0xfeff)) continue;
    if (KIND[c] === SPACE_KIND || c === NEWLINE) return words.replace(/\s+/gu, '');
  }
  return words;
}
const NO_EXTRA: Partial<Claim> = {};
const EITHER_CARRY: Partial<Claim> = { mayBeCarriedOver: true };
const AT_MOST: Partial<Claim> = { atMost: true };

function push(claims: Claim[], subject: ClaimSubject, match: RegExpExecArray | null, extra: Partial<Claim> = NO_EXTRA, group = 1): void {
  if (!match) return;
  const value = parseChineseNumber(match[group]!);
  if (value === undefined) return;
  const quote = withoutSpace(match[0]);
  claims.push(extra === NO_EXTRA ? { subject, value, quote } : { subject, value, quote, ...extra });
}

/** "（其中部分公开3件）", "，其中部分公开3件", "（含部分公开）" right after 予以公开's figure */
const INCLUDES_PARTIAL = /^\s*[（(]?(?:其中|含|包括)了?部分公开/u;
const includesPartial = (words: string) => words.includes('部分公开') && INCLUDES_PARTIAL.test(words);
/**
 * the group a result's printed words name (one of RESULT_WORDS, as RESULT_COUNT read them): told
 * apart by their first and third characters (予公, 部公, 不公, 无提, 不处, 其处), with no string hashed
 */
const RESULT_FIRST = RESULT_WORDS.map(([, w]) => w.charCodeAt(0));
const RESULT_THIRD = RESULT_WORDS.map(([, w]) => w.charCodeAt(2));
/** each group's words' first two characters ("予以", "部分"…): a gap that names another group joins two */
const RESULT_HEADS = RESULT_WORDS.map(([, w]) => w.slice(0, 2));
function resultIndex(words: string): number {
  const first = words.charCodeAt(0);
  const third = words.charCodeAt(2);
  for (let k = 0; k < RESULT_FIRST.length; k++) if (RESULT_FIRST[k] === first && RESULT_THIRD[k] === third) return k;
  throw new Error(`${words}: not a result's words`);
}
if (new Set(RESULT_WORDS.map(([, w]) => w[0]! + w[2]!)).size !== RESULT_WORDS.length) throw new Error('RESULT_WORDS: two share their first and third characters');
/** "予以公开（含部分公开）12件": words that join two groups in one figure */
const JOINS_GROUPS = /含|包括|和|及|与|或|、|加/u;

/** a reason named before a result's group ("因本机关不掌握相关政府信息无法提供1件"), found by plain searches */
function reasonBefore(clause: string, end: number): boolean {
  const at = clause.indexOf('因');
  if (at >= 0 && at < end) return true;
  const due = clause.indexOf('由于');
  return due >= 0 && due < end;
}
function resultClaim(claims: Claim[], clause: string, keys: number): void {
  const match = RESULT_COUNT.exec(clause);
  if (!match) return;
  const [, word, gap] = match;
  const k = resultIndex(word!);
  // "予以公开（含部分公开）12件", "予以公开或部分公开59件" count two groups at once: not one the table prints
  if (gap !== '' && JOINS_GROUPS.test(gap!) && RESULT_HEADS.some((head, h) => h !== k && gap!.includes(head))) return;
  // "部分予以公开1件" is a 部分公开, not a 予以公开
  const partly = word === '予以公开' && clause.endsWith('部分', match.index);
  const subject = partly ? 'partiallyDisclosed' : RESULT_WORDS[k]![0];
  // "因本机关不掌握相关政府信息无法提供1件，信息不存在的1件" (高平市政府办 2022): a reason before a
  // group of rows names one of its rows, not the group (the table's 无法提供 counts both)
  if (subject !== 'disclosed' && subject !== 'partiallyDisclosed' && (keys & (W.because.bit | W.dueTo.bit)) !== 0 && reasonBefore(clause, match.index)) return;
  // "予以公开12件（其中部分公开3件）", "予以公开12件，其中部分公开3件": the 12 counts both groups
  if (subject === 'disclosed' && includesPartial(clause.slice(match.index + match[0].length))) return;
  if (subject === 'partiallyDisclosed' && claims.at(-1)?.subject === 'disclosed' && includesPartial(clause)) claims.pop();
  const value = parseChineseNumber(match[3]!);
  if (value !== undefined) claims.push({ subject, value, quote: (partly ? '部分' : '') + withoutSpace(match[0]) });
}

/** What one sentence is about, worked out once for all its clauses. */
interface SentenceContext {
  readonly text: string;
  /** counts of handling read only where the sentence speaks of 申请, not 建议/提案/留言 (on first need) */
  aboutApplications?: boolean;
  /** "行政复议、行政诉讼案件共3件", read on first need */
  bothAppeals?: boolean;
  /** "行政复议、行政诉讼均为0件", once read (null: not said) */
  bothAppealsNone?: RegExpExecArray | null;
  /** a part after a 分号 of a sentence about applications: its results and carry-over are read, not 办结/答复 */
  readonly partOnly?: boolean;
  /** a count of 行政复议 was read before, in this sentence or the part before its 分号: a bare 诉讼 is 行政诉讼 */
  reviewRead?: boolean;
  /** the agency's own 行政许可/行政处罚 counted in the sentence, without 信息公开 (on first need) */
  ownEnforcement?: boolean;
}

/**
 * "2020年办理行政许可415件、行政处罚7件、行政复议1件，无投诉举报、行政诉讼" (新乡市农业农村局 2020):
 * a sentence that counts the agency's own 行政许可 or 行政处罚 and names no 信息公开 speaks of its
 * enforcement work, and its 行政复议 and 行政诉讼 of that work's, not of the information's (plain
 * searches first)
 */
const ENFORCEMENT_COUNT = new RegExp(`行政(?:许可|处罚)[^\\d，,。；]{0,4}?${NUMBER}\\s*(?:件|起|宗|项)`, 'u');
const ownEnforcement = (sentence: string) =>
  (sentence.includes('行政许可') || sentence.includes('行政处罚')) && !sentence.includes('信息公开') && ENFORCEMENT_COUNT.test(sentence);

const aboutApplications = (sentence: string) => sentence.includes('申请') && !NOT_APPLICATIONS.test(sentence);

/**
 * The claims of one clause that holds a unit or a 未/没有 (a clause never spans a comma); `items`:
 * a figure with 条 or 项, read only as a count of applications; `arabic`: an Arabic figure before
 * a unit (every count of handling, carry-over and results has one: "办结12件").
 */
function clauseClaims(clause: string, unit: boolean, sentence: SentenceContext, claims: Claim[], items: boolean, keys: number, arabic: boolean): void {
  // each pattern is tried only where its literal words are (the words clauseClaims looks for are
  // known from the clause's bits, `holds`; other words by plain searches)
  const application = holds(keys, W.application);
  if (!holds(keys, W.review) && !holds(keys, W.litigation)) {
    let count = (unit || items) && application ? APPLICATION_COUNT.exec(clause) : null;
    if (!count && unit && application && clause.includes('依申请公开')) count = TOPIC_COUNT.exec(clause);
    if (!count && (unit || items) && application && holds(keys, W.quantity)) count = APPLICATION_QUANTITY.exec(clause);
    const itemFigure = count !== null && count[1] === undefined;
    if (itemFigure && NOT_ITEMS_OF_APPLICATIONS.test(count![0].slice(count![0].lastIndexOf('申请') + 2))) count = null;
    // "收到网上申请105件，快递17件，合计122件": the figure of one channel, not of all applications
    // (or named before the verb: "通过门户网站办理申请3件、纸质申请36件")
    const channel = count
      ? CHANNEL.test(count[0].slice(0, count[0].lastIndexOf('申请'))) || oneChannel(clause.slice(0, count.index), clause, sentence.text)
      : false;
    const afterWord = count ? count[0].slice(count[0].lastIndexOf('申请') + 2) : '';
    const rest = count ? clause.slice(count.index + count[0].length) : '';
    // "2022年结转到2023年办理的申请2件": the carried-over ones, not the year's
    // "收到申请人投诉3件", "受理申请人来访4件": the applicants' complaints or visits, not their applications
    if (count && !channel && !afterWord.startsWith('人') && !MORE_THAN_APPLICATIONS.test(afterWord) && !COMPARISON.test(afterWord) && !otherProcedure(count[0]) && !TIME_AFTER.test(rest) && !clause.slice(0, count.index).includes('结转') && !earlierYear(clause, sentence.text)) {
      push(claims, 'applications', count, {
        includesCarriedOver: INCLUDES_CARRIED.test(rest),
        // "办理申请N件" may count the applications handled rather than received
        ...(count[0].startsWith('办理') ? { mayBeHandled: true } : {}),
      }, itemFigure ? 2 : 1);
    }
    if (!count && unit && application) {
      const before = figureBefore(APPLICATION_COUNT_BEFORE, clause);
      if (before) push(claims, 'applications', before.match, { includesCarriedOver: INCLUDES_CARRIED.test(before.rest) });
    }
    if (!count && items && application) {
      const before = figureBefore(APPLICATION_ITEMS_BEFORE, clause);
      if (before) push(claims, 'applications', before.match);
    }
    const none = application ? applicationNone(clause) : null;
    if (none !== null) claims.push({ subject: 'applications', value: 0, quote: none, none: true });
    if (arabic && (sentence.aboutApplications ??= aboutApplications(sentence.text))) {
      // Each pattern only where the words it cannot match without are (a figure-dense city
      // report has many clauses of counts that are none of these).
      const nextYear = (holds(keys, W.to) || holds(keys, W.postponed)) && NEXT_YEAR_CLAUSE.test(clause);
      // "转下一年度办理答复的有1件" counts the carried-forward ones, not the ones handled
      if (!nextYear && !sentence.partOnly && (holds(keys, W.settled) || holds(keys, W.answered) || holds(keys, W.finished))) {
        const handled = HANDLED_COUNT.exec(clause);
        if (handled && !RESULT_BETWEEN.test(resultWords(clause, handled)) && !COMPARISON.test(handled[1]!)) {
          // (or the ones of a reason: "因不属于本单位公开范围…、经检索无对应信息等情形依规答复8件", 崇川区数据局
          // 2025, 8 of 17; the list's 、 may leave only 等情形 in the clause)
          const part =
            (handled.index >= 2 && PART_OF_HANDLED.test(clause.slice(handled.index - 2, handled.index))) ||
            forReason(clause, handled.index) ||
            answeredBesideUnanswered(clause, handled.index, sentence.text);
          // "通过门户网站办理并答复信息公开申请3件、纸质申请36件": one channel's, as for the ones received
          if (part || !oneChannel(clause.slice(0, handled.index), clause, sentence.text)) push(claims, 'handled', handled, part ? AT_MOST : NO_EXTRA, 2);
        }
      }
      if (holds(keys, W.carried)) {
        const over = CARRIED_OVER_COUNT.exec(clause) ?? (clause.includes('结转上') ? CARRIED_OVER_AFTER.exec(clause) : null);
        push(claims, 'carriedOver', over);
        if (!over && !nextYear) push(claims, 'carriedForward', CARRIED_EITHER.exec(clause), EITHER_CARRY);
      }
      // "上年度结转至2023年的2件": last year's, carried into this year (the next year named by its number)
      if (nextYear && !FROM_LAST_YEAR.test(clause)) {
        push(claims, 'carriedForward', CARRIED_FORWARD_AFTER.exec(clause) ?? CARRIED_FORWARD_BEFORE.exec(clause) ?? CARRIED_FORWARD_NAMED.exec(clause));
      } else if (!nextYear && clause.includes('继续办理')) push(claims, 'carriedForward', CONTINUED_NEXT_YEAR.exec(clause));
      if (holds(keys, W.disclosed) || holds(keys, W.provided) || holds(keys, W.processed)) resultClaim(claims, clause, keys);
    }
    return;
  }
  if (!unit) return;
  if ((sentence.ownEnforcement ??= ownEnforcement(sentence.text))) return;
  if ((sentence.bothAppeals ??= BOTH_APPEALS.test(sentence.text))) {
    // read in the sentence, once: a 、 between the two words also cuts clauses
    if (sentence.bothAppealsNone !== undefined) return;
    const none = (sentence.bothAppealsNone = BOTH_APPEALS_NONE.exec(sentence.text));
    if (none && !OUTCOME.test(none[0])) for (const subject of ['review', 'litigation'] as const) push(claims, subject, none);
    return;
  }
  let read = false;
  for (const [subject, word, pattern] of APPEAL_COUNTS) {
    const match = holds(keys, word) ? pattern.exec(clause) : null;
    // "涉及行政复议的申请2件" counts applications; "行政复议同比减少2件" a change
    if (match && appealCount(match[1]!) && !APPEAL_BODY.test(clause.slice(Math.max(0, match.index - 2), match.index))) {
      // "未经复议直接提起行政诉讼的案件1件", "复议后起诉的行政诉讼1件": the suits of one of 表四's two
      // routes, at most all of them
      const oneRoute = subject === 'litigation' && match.index > 0 && ONE_ROUTE.test(clause.slice(0, match.index));
      push(claims, subject, match, oneRoute ? AT_MOST : NO_EXTRA, 2);
      read = true;
      if (subject === 'review') sentence.reviewRead = true;
    }
  }
  // "涉及复议0件，诉讼0件" (大云镇 2024): 复议 without 行政 opening the clause (then a bare 诉讼 is read below)
  if (!read && !holds(keys, W.reviewWord) && holds(keys, W.review)) {
    const bare = BARE_REVIEW.exec(clause);
    if (bare && appealCount(bare[1]!)) {
      push(claims, 'review', bare, NO_EXTRA, 2);
      read = true;
      sentence.reviewRead = true;
    }
  }
  // the figure before the name (not an outcome named between, nor after it in the clause: "发生1起行政复议案件被纠正")
  if (!read && (clause.includes('发生') || clause.includes('提起') || clause.includes('引'))) {
    const before = APPEAL_COUNT_BEFORE.exec(clause);
    if (before && appealCount(before[2]!) && !OUTCOME.test(clause.slice(before.index + before[0].length)) && !JOINED_APPEALS.test(sentence.text)) {
      push(claims, before[3] === '行政复议' ? 'review' : 'litigation', before);
    }
  }
  // "行政复议9件、诉讼1件": a clause that opens with 诉讼 after a count of 行政复议 counts the suits
  if (sentence.reviewRead && !holds(keys, W.litigationWord)) {
    const bare = BARE_LITIGATION.exec(clause);
    if (bare && appealCount(bare[1]!)) push(claims, 'litigation', bare, NO_EXTRA, 2);
  }
}

/** the words between an appeal's name and its figure leave it a count of the appeals */
const appealCount = (gap: string) => !OUTCOME.test(gap) && !COMPARISON.test(gap) && !gap.includes('申请');
/** the words before a count of 行政诉讼 that name one route to court (表四's 未经复议直接起诉 or 复议后起诉) */
const ONE_ROUTE = /未经|直接|复议后|经复议|经过复议/u;
/**
 * "复议0件", "涉及复议1件", "全年发生复议案件2件" opening a clause: 复议 without 行政 is the
 * 行政复议 of 表四 where it opens a clause with its count (not "行政复议机关…", not "申请复议…")
 */
const BARE_REVIEW = new RegExp(`^\\s*(?:(?:全年|本年度?|今年|年内)(?:共|累计)?)?(?:涉及|新?发生了?|被申请)?复议([^\\d诉]{0,6}?)${NUMBER}${APPEAL_UNIT}`, 'u');
/** "诉讼1件", "被提起诉讼1件", "诉讼案件1件" opening a clause (not "民事诉讼", not "复议后诉讼") */
const BARE_LITIGATION = new RegExp(`^\\s*(?:被(?:提起)?|提起)?诉讼([^\\d]{0,6}?)${NUMBER}${APPEAL_UNIT}`, 'u');

/**
 * The claims of the sentence `sentence`, which is text[start, end). Its clauses that hold a
 * count or a 未/没有 are read (found by a step through the units that are not plain, in the text
 * itself, not a copy: kindEvents; a claim never spans a comma, and "1,234" is one number); the
 * statements of no appeal are read wherever it names one. Returns whether the sentence holds a
 * 未, 没有 or 无 (every statement of none has one).
 */
function sentenceClaims(
  text: string,
  start: number,
  end: number,
  sentence: string,
  claims: Claim[],
  about = sentence,
  partOnly = false,
  afterReview = false,
): boolean {
  let context: SentenceContext | undefined;
  let from = start;
  /** where the clause before this one starts (-1: none) */
  let previous = -1;
  let count = false;
  /** an Arabic figure before a unit in the clause (a count may have one in words: count alone) */
  let arabic = false;
  let items = false;
  let none = false;
  let negated = false;
  /** the words clauseClaims looks for that the clause holds (KeyWord's bits) */
  let keys = 0;
  // only the units that are not plain, then the sentence's end
  const n = kindEvents(text, start, end);
  const events = EVENTS.events;
  for (let e = 0; e <= n; e++) {
    const event = e < n ? events[e]! : end | (SENTENCE_BREAK_KIND << KIND_SHIFT);
    const i = event & POSITION;
    const kind = event >>> KIND_SHIFT;
    if (kind >= KEY_KIND) {
      keys |= wordsAt(text, i, kind - KEY_KIND);
      continue;
    }
    if (kind === SENTENCE_BREAK_KIND || kind === CLAUSE_BREAK || (kind === COMMA_KIND && clauseBreakAt(text, i))) {
      // what the whole sentence is about decides how its clauses read
      if (count || none || items) {
        context ??= partOnly ? { text: about, partOnly } : afterReview ? { text: about, reviewRead: true } : { text: about };
        const read = claims.length;
        const clause = text.slice(from, i);
        clauseClaims(clause, count, context, claims, items, keys, arabic);
        if (count && previous >= 0 && text.charCodeAt(from) === SHOU && text.startsWith('受理', from)) acceptedCount(text, previous, from, i, context, claims);
        if (count && claims.length === read) unreadCount(text, start, from, i, clause, context, claims);
      }
      previous = from;
      from = i + 1;
      count = false;
      arabic = false;
      items = false;
      none = false;
      keys = 0;
    } else if (kind === UNIT_KIND) {
      if (!arabic) {
        const figure = countFigure(text, i, from);
        count ||= figure >= 0;
        arabic = isDigit(figure);
      }
    } else if (kind === ITEM_UNIT_KIND) items ||= countFigure(text, i, from) >= 0;
    else if (kind === WEI) none = negated = true;
    else if (kind === MEI) negated ||= none ||= text.charCodeAt(i + 1) === YOU;
    else if (kind === WU) negated = true;
  }
  // "No appeals" is read per sentence: "未发生因政府信息公开申请行政复议、行政诉讼件" names both
  // in one breath, across the 、.
  if (!negated) return false;
  /** the sentence counts the agency's own enforcement (read once, as its clauses did if they asked) */
  let enforcement = context?.ownEnforcement;
  for (const [subject, word, bare] of APPEAL_WORDS) {
    // "未发生因政府信息公开工作引起的诉讼复议等情况" (武汉开发区卫健局 2020): without 行政, where the
    // sentence never names it with 行政
    const quote = appealNone(sentence, word) ?? (sentence.includes(word) ? null : appealNone(sentence, bare));
    // (the none of a sentence about the agency's own enforcement is not the information's)
    if (quote !== null && !(enforcement ??= ownEnforcement(about))) claims.push({ subject, value: 0, quote, none: true });
  }
  return true;
}

/**
 * where kindEvents's results are: the scan's own (text-scan.ts) or, in JavaScript, `steps` (one
 * sentence's at a time: sentenceClaims reads them before the next call)
 */
const EVENTS = { events: new Int32Array(256), steps: new Int32Array(256) };
/** an event: its position, with its kind in the top byte */
const KIND_SHIFT = 24;
const POSITION = (1 << KIND_SHIFT) - 1;

/**
 * The units from `start` to `end` whose kind is more than PLAIN (a figure, a unit, a break, a key
 * character, a 未/没/无), in order, into EVENTS.events, each as position | kind << 24; their count.
 * In the scan under Node (text-scan.ts: the text is already there, from subjectSentences), else
 * stepped through here.
 */
function kindEvents(text: string, start: number, end: number): number {
  const scanned = kindEventsScan(text, start, end, KIND, PLAIN, EVENTS);
  if (scanned !== undefined) return scanned;
  let n = 0;
  for (let i = start; i < end; i++) {
    const kind = KIND[text.charCodeAt(i)]!;
    if (kind <= PLAIN) continue;
    if (n === EVENTS.steps.length) {
      const more = new Int32Array(n * 2);
      more.set(EVENTS.steps);
      EVENTS.steps = more;
    }
    EVENTS.steps[n++] = i | (kind << KIND_SHIFT);
  }
  EVENTS.events = EVENTS.steps;
  return n;
}

/**
 * A clause with a count that the clause alone did not read: the verb may be before a list's 、, or
 * after the figure. Out of sentenceClaims's loop, which this rarely needs.
 */
function unreadCount(text: string, start: number, from: number, end: number, clause: string, sentence: SentenceContext, claims: Claim[]): void {
  // "收到公民、法人或其他组织提出的政府信息公开申请12件": the list's 、 cut the verb from its figure
  // (the applications' full name is after the list's last 、: a plain search first)
  if (text.charCodeAt(from - 1) === LIST_MARK && from > start && (clause.includes('信息公开申请') || clause.includes('信息公开的申请'))) {
    listedCount(text, start, from, end, sentence, claims);
  }
  // "19件已按照规定时限依法进行了答复": the figure before the verb of handling
  else if (isDigit(text.charCodeAt(from)) && !sentence.partOnly && clause.includes('已')) {
    handledBefore(clause, sentence, claims);
  }
}

/**
 * A count of applications in a run of clauses joined by 、 (a list of applicants or of topics
 * between the verb and 申请: "共接收公民、法人及其他组织政府信息公开申请17件", "收到涉及房屋征收、物业管理
 * 等领域的政府信息公开申请共15件"): read only with the applications' full name right before 申请,
 * and with a 、 between the verb and it.
 */
const LISTED_COUNT = new RegExp(
  `(?:收到|受理|接收|新收|接到|收办)([^\\d，,。；]{0,40}?)(?:政府)?信息公开的?申请(?!人)(?:数量)?(?:共计?|合计|总计|为)?${NUMBER}${UNIT}`,
  'u',
);
/**
 * a list of kinds, not of applicants or topics: "收到咨询、政府信息公开申请12件" or "收到行政许可、政府信息公开
 * 申请12件" may count both
 */
const NOT_LISTED = new RegExp(`咨询|留言|来信|建议|投诉|举报|信访|复议|诉讼|结转|许可|申请|${CHANNELS}|来访|口头`, 'u');
function listedCount(text: string, start: number, from: number, end: number, sentence: SentenceContext, claims: Claim[]): void {
  // the run's start: back from the clause over the clauses its 、 joined, to another break
  let listFrom = from - 1;
  while (listFrom > start && (!clauseBreakAt(text, listFrom - 1) || text.charCodeAt(listFrom - 1) === LIST_MARK)) listFrom--;
  const run = text.slice(listFrom, end);
  const listed = LISTED_COUNT.exec(run);
  if (!listed || !listed[1]!.includes('、') || NOT_LISTED.test(listed[1]!) || COMPARISON.test(listed[0])) return;
  if (run.slice(0, listed.index).includes('结转') || !(sentence.aboutApplications ??= aboutApplications(sentence.text))) return;
  const rest = run.slice(listed.index + listed[0].length);
  if (TIME_AFTER.test(rest)) return;
  push(claims, 'applications', listed, { includesCarriedOver: INCLUDES_CARRIED.test(rest) }, 2);
}

/**
 * "…，19件已按照规定时限和程序依法依规进行了答复，1件结转下年" (抚宁区政府办 2025): a figure opening
 * the clause, then 已 and a verb of handling: the ones answered, at most all the ones handled. At
 * most: such a figure is often one outcome among several ("2件已答复，1件申请人撤回"), where （七）
 * counts the withdrawn one too; "网上申请5件，3件已答复" is one channel's, "19件已按期答复" the ones in time.
 */
const HANDLED_BEFORE = new RegExp(`^${FIGURE}${CASES}(?:申请)?均?已经?([^\\d，,。；]{0,20}?)(?:办结|答复)`, 'u');
/** words of a part, a delay or a result between 已 and the verb */
const NOT_HANDLED_BEFORE = /未|逾期|超期|延期|转|公开|提供|处理|告知/u;
function handledBefore(clause: string, sentence: SentenceContext, claims: Claim[]): void {
  const handled = HANDLED_BEFORE.exec(clause);
  if (!handled || NOT_HANDLED_BEFORE.test(handled[2]!) || COMPARISON.test(handled[2]!)) return;
  if (!(sentence.aboutApplications ??= aboutApplications(sentence.text))) return;
  push(claims, 'handled', handled, AT_MOST);
}

/** "受理的5件", "受理5件" opening a clause (an Arabic figure) */
const ACCEPTED = new RegExp(`^受理的?\\s*${FIGURE}${CASES}`, 'u');
/** the clause before it: the applications received, named without a figure or a channel ("本年度共收到政府信息公开申请") */
const RECEIVED_NAMED = /(?:收到|接收|接到)[^\d，,、]{0,6}?(?:(?:政府)?信息公开申请|依申请公开(?:申请|事项)?)$/u;

/**
 * "本年度共收到政府信息公开申请，受理的5件均已办结": the clause at [from, end) counts the ones
 * accepted of the applications the clause at [previous, from - 1) names. Some received may have
 * been refused, so the figure is at most all of the year's with last year's.
 */
function acceptedCount(text: string, previous: number, from: number, end: number, sentence: SentenceContext, claims: Claim[]): void {
  if (text.charCodeAt(from - 1) !== FULL_COMMA && text.charCodeAt(from - 1) !== COMMA) return;
  const accepted = ACCEPTED.exec(text.slice(from, end));
  if (!accepted || !(sentence.aboutApplications ??= aboutApplications(sentence.text))) return;
  const before = text.slice(previous, from - 1);
  if (RECEIVED_NAMED.test(before) && !hasDigit(before) && !CHANNEL.test(before)) push(claims, 'applications', accepted, AT_MOST);
}
const FULL_COMMA = '，'.charCodeAt(0);
const SHOU = '受'.charCodeAt(0);


/** the words that open a sentence listing the parts of the one before it (narrativeClaims) */
const PARTS = ['其中', '办理结果', '处理结果'] as const;
/** their first characters (a plain look before the searches) */
const PARTS_START = characterCodes(PARTS.map((word) => word[0]).join(''));
const opensParts = (text: string, at: number) => PARTS_START.has(text.charCodeAt(at)) && PARTS.some((word) => text.startsWith(word, at));

/** the words one of which every claim's sentence names (clauseClaims) */
const SUBJECT_WORDS = ['申请', '复议', '诉讼'] as const;

/**
 * The sentences that name 申请, 复议 or 诉讼, as [start, end) of the text, in order: every claim
 * and every sweeping statement the rules read is in one. They are found by plain searches for
 * the three words (the engine's own loop, several times faster than a step through the text in
 * JavaScript); only these sentences are then stepped through. In a city report's overview they
 * are a sixth of the text: the rest, figures about 文件 and 发布会, is never read character by
 * character.
 */
export function subjectSentences(text: string): readonly (readonly [number, number])[] {
  // the same search in WebAssembly under Node (text-scan.ts), for a long text
  return subjectSentencesScan(text) ?? subjectSentencesSteps(text);
}

/** subjectSentences in JavaScript (the form's; exported for text-scan.test.ts) */
export function subjectSentencesSteps(text: string): readonly (readonly [number, number])[] {
  const bounds: (readonly [number, number])[] = [];
  const next = SUBJECT_WORDS.map((word) => text.indexOf(word));
  for (;;) {
    let at = -1;
    for (const i of next) if (i >= 0 && (at < 0 || i < at)) at = i;
    if (at < 0) return bounds;
    const start = sentenceStart(text, at);
    const end = sentenceEnd(text, at);
    bounds.push([start, end]);
    // a word never holds a sentence break: one found before the end is in this sentence
    for (let k = 0; k < next.length; k++) if (next[k]! >= 0 && next[k]! < end) next[k] = text.indexOf(SUBJECT_WORDS[k]!, end + 1);
  }
}

/**
 * The claims of a text, read in the sentences that name a subject (subjectSentences; the
 * sentence's clauses without a figure and its unit or a 未/没有 are passed by in one step each).
 * The rules read them once per text through section-text.ts.
 */
export function narrativeClaims(text: string, sentences = subjectSentences(text)): readonly Claim[] {
  const claims: Claim[] = [];
  // where the next 结转 is (a none of the carried-forward ones alone after a sentence names it)
  let forwardAt = text.indexOf('结转');
  // where a sentence that read a count of 行政复议 ended at a 分号 ("行政复议9件，全部维持；诉讼1件")
  let reviewBreak = -2;
  for (let k = 0; k < sentences.length; k++) {
    const [start, end] = sentences[k]!;
    const sentence = text.slice(start, end);
    const before = claims.length;
    const negated = sentenceClaims(text, start, end, sentence, claims, sentence, false, start === reviewBreak + 1);
    reviewBreak = isSemicolon(text.charCodeAt(end)) && readReview(claims, before) ? end : -2;
    // none received in the sentence's words, unless a clause already said so
    const none = negated ? noneReceived(sentence) : null;
    if (none !== null && !claims.some((c, i) => i >= before && c.none && c.subject === 'applications')) {
      claims.push({ subject: 'applications', value: 0, quote: none, none: true });
    }
    // "共受理申请133件。其中，予以公开46件，…结转下年度继续办理16件。": the 其中 sentence lists the
    // parts of the one before, about what that one is about (it names no subject itself)
    const next = afterBlanks(text, end + 1);
    let last = end;
    // (as does "办理结果如下：予以公开35件；…" right after it)
    // (or "处理结果中，部分公开2件，…结转至下一年度办理2件。", 高平市政府办 2023)
    if (opensParts(text, next) && sentences[k + 1]?.[0] !== next) {
      last = sentenceEnd(text, next);
      sentenceClaims(text, next, last, text.slice(next, last), claims, sentence);
    }
    // "办理结果如下：予以公开35件；部分公开1件；…；结转下年度继续办理1件。": the parts after a 分号
    // that name no subject go on with the sentence's; their results and carry-over are read (a
    // part about 建议/留言/热线 or 投诉/信访 is not)
    while (isSemicolon(text.charCodeAt(last)) && sentences[k + 1]?.[0] !== last + 1) {
      const partEnd = sentenceEnd(text, last + 1);
      const part = text.slice(last + 1, partEnd);
      if (!NOT_APPLICATIONS.test(part) && !OTHER_MATTERS.test(part)) sentenceClaims(text, last + 1, partEnd, part, claims, sentence, true);
      last = partEnd;
    }
    // "共收到政府信息公开申请58件，上年结转3件。目前依法办结59件，其中予以公开的18件，…。结转下年度继续
    // 办理的2件。" (嘉兴市政府办 2022): the sentences after it that open with their handling or their
    // carry into next year go on with it (in a function of its own: rarely needed)
    const after = last === end ? next : afterBlanks(text, last + 1);
    if (GOES_ON_START.has(text.charCodeAt(after)) && sentences[k + 1]?.[0] !== after) last = goOn(text, after, last, sentence, claims);
    // "共收到申请5件，均已办结。无下年度结转。": the next sentence, alone, says none of these went on
    if (forwardAt >= 0 && forwardAt <= last) forwardAt = text.indexOf('结转', last + 1);
    if (forwardAt >= 0 && forwardAt < last + 16 && aboutApplications(sentence)) noneCarriedForward(text, last + 1, claims);
  }
  return claims;
}

/**
 * The sentences from `at` (right after `last`) that open with the handling of the applications
 * `sentence` names, or with their carry into next year, and name no subject of their own: read as
 * going on with it; one about 建议/留言/投诉… ends the run. Returns where the last one read ends
 * (else `last`).
 */
function goOn(text: string, at: number, last: number, sentence: string, claims: Claim[]): number {
  if (!goesOnAt(text, at) || !aboutApplications(sentence)) return last;
  do {
    const end = sentenceEnd(text, at);
    const part = text.slice(at, end);
    if (NOT_APPLICATIONS.test(part) || OTHER_MATTERS.test(part) || SUBJECT_WORDS.some((w) => part.includes(w))) return last;
    sentenceClaims(text, at, end, part, claims, sentence);
    last = end;
    at = afterBlanks(text, last + 1);
  } while (goesOnAt(text, at));
  return last;
}

/** was a count of 行政复议 read from claims[from] on? */
function readReview(claims: readonly Claim[], from: number): boolean {
  for (let i = from; i < claims.length; i++) if (claims[i]!.subject === 'review' && !claims[i]!.none) return true;
  return false;
}


/** A none of the carried-forward ones in the sentence at `from`, if it says only that. */
function noneCarriedForward(text: string, from: number, claims: Claim[]): void {
  from = afterBlanks(text, from);
  const sentence = text.slice(from, sentenceEnd(text, from)).replace(/\s+/gu, '');
  if (statesNoneCarriedForward(sentence)) claims.push({ subject: 'carriedForward', value: 0, quote: sentence, none: true });
}
const NEWLINE = 10;
/** the first position from i that is neither white space nor a line break */
function afterBlanks(text: string, i: number): number {
  while (i < text.length && (KIND[text.charCodeAt(i)] === SPACE_KIND || text.charCodeAt(i) === NEWLINE)) i++;
  return i;
}
/**
 * a sentence that opens with the handling of the applications named before, or with their carry
 * into next year ("结转下年度…", or "下年度继续办理0件", 嘉兴市民政局 2024)
 */
// ("年内共办结182件，结转下年度继续办理3件。", 江苏省公安厅 2023)
const GOES_ON = /(?:目前|现|已|共|累计|全年|年内|依法){0,3}(?:办结|答复)|结转下一?年|下一?年度?继续办理/uy;
/** the characters GOES_ON's words open with (a plain look before the pattern) */
const GOES_ON_START = characterCodes('目现已共累全年依办答结下');
/** does a sentence at `at` open with GOES_ON's words? (sticky: tried there only, no copy of the text) */
function goesOnAt(text: string, at: number): boolean {
  GOES_ON.lastIndex = at;
  return GOES_ON.test(text);
}
/** a part about complaints or petitions ("收到投诉举报30件，其中不予处理2件") is not about the applications */
const OTHER_MATTERS = /投诉|举报|信访|工单|诉求/u;
const isSemicolon = (c: number) => c === 0xff1b || c === 59;
