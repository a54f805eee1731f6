/**
 * The statements of none the claims reader (narrative-claims.ts) reads in a report's text: none
 * received ("未收到政府信息公开申请", "本年度无政府信息公开申请"), no review or suit ("未发生行政复议、
 * 行政诉讼"), none carried into next year ("无下年度结转"). Each returns the words to quote back (or
 * whether the sentence says it); narrative-claims.ts makes them claims, and `narrative.contradiction`
 * holds them against the tables. Deliberately narrow: a none of one kind (of application, of
 * applicant, of channel, of outcome) is not a none of them all, and a missed none costs nothing.
 */
import { CHANNELS, OUTCOME, clauseFrom, hasDigit, isBlank } from './claim-words.js';

/** "未收到…申请" (not "未收到申请人投诉", not "未发生依申请公开答复超期") */
const APPLICATION_NONE = /(?:未|没有)(?:收到|受理|接到|接收)([^\d]{0,12}?)申请(?!人)/u;
/** …or of one kind of application ("未收到需要收取信息处理费的申请", "未收到重复申请", "未收到涉及第三方的申请") */
const NOT_NONE_OF_APPLICATIONS = new RegExp(`投诉|举报|逾期|超期|更正|复议|诉讼|许可|费|重复|延期|延长|第三方|${CHANNELS}|口头`, 'u');
/**
 * None received in words a clause does not hold: "本年度无政府信息公开申请", "全年无依申请公开事项"
 * (a 无 right after the year's words), and "未收到公民、法人或其他组织提出的…申请" or "未收到个人、法人
 * 或者其他组织向本机关申请公开政府信息" (开州区公安局 2021) (both kinds of applicant named, across the 、
 * that ends a clause: none at all). Read in the whole sentence.
 */
const NONE_RECEIVED =
  /(?:全年|本年度?|今年|年内|年度内)[^，,。；\d]{0,6}?(?:无|没有)([^，,。；\d]{0,10}?)申请(?![人被])|(?:未|没有)(?:收到|受理|接到|接收)(?:公民|自然人|个人)、(?:法人|企业)[^，,。；\d]{0,20}?申请(?![人被])/u;
/**
 * "没有接到群众主动要求公开政府信息的申请" (义兴镇 2021): 群众 asking for disclosure is the public, none
 * at all (tried only where the sentence says 群众; not where it names the organisations too:
 * "未收到群众要求公开…的申请，收到企业申请2件")
 */
const NONE_FROM_PUBLIC = /(?:未|没有)(?:收到|受理|接到|接收)群众(?:主动)?要求公开[^，,。；\d]{0,8}?申请(?![人被])/u;
/**
 * "2022年我无依申请公开事项" (临潼区物流区 2022): a none after a numbered year, read only where the
 * year opens the sentence and no figure follows ("2021年无申请，2022年收到3件" compares two years)
 */
const YEAR_NONE_RECEIVED = /^\s*(?:19|20)\d{2}\s*年度?[^，,。；\d]{0,6}?(?:无|没有)([^，,。；\d]{0,10}?)申请(?![人被])/u;
/**
 * …not of one kind ("无逾期答复的申请"), nor of the appeals or complaints an application led to
 * ("无因申请引发的行政复议"), nor by letter or visit
 */
const NOT_NONE_RECEIVED = new RegExp(`${NOT_NONE_OF_APPLICATIONS.source}|因|引发|引起|涉及|信件|来信|来访|邮件|纠`, 'u');

/**
 * The sentence's statement of none received in NONE_RECEIVED's words (quoted back), else null;
 * asked only of a sentence with a 无, 未 or 没有 (sentenceClaims notes them as it steps through)
 */
export function noneReceived(sentence: string): string | null {
  if (!sentence.includes('申请')) return null;
  let m = NONE_RECEIVED.exec(sentence);
  if (!m) m = otherNoneReceived(sentence);
  if (!m) return null;
  return NOT_NONE_RECEIVED.test(m[0]) || NOT_NONE_RECEIVED.test(clauseFrom(sentence, m.index + m[0].length)) ? null : m[0];
}
/** NONE_FROM_PUBLIC's or YEAR_NONE_RECEIVED's none, each behind a plain check */
function otherNoneReceived(sentence: string): RegExpExecArray | null {
  if (sentence.includes('群众')) {
    const m = NONE_FROM_PUBLIC.exec(sentence);
    if (m && !ORGANISATIONS.test(sentence)) return m;
  }
  // a year opening the sentence: a look at its first character before the pattern
  const first = sentence.charCodeAt(0);
  if (first !== 50 && first !== 49 && !isBlank(first)) return null;
  const m = YEAR_NONE_RECEIVED.exec(sentence);
  return m && !hasDigit(sentence.slice(m[0].length)) ? m : null;
}
/**
 * "未收到法人或者其他组织的申请": none of one kind of applicant, not none at all (a none that
 * names both, "公民、法人或其他组织", is none at all)
 */
const ORGANISATIONS = /法人|组织|企业/u;
const PERSONS = /公民|自然人|个人|群众/u;
const oneKindOfApplicant = (words: string) => ORGANISATIONS.test(words) !== PERSONS.test(words);
/** "未收到申请公开政府信息的电子邮件": a channel named after 申请 limits the none too */
const CHANNEL_AFTER = new RegExp(`${CHANNELS}|口头`, 'u');
/** "未收到依申请公开方面的投诉", "未收到对申请答复不满的举报": what was not received is named after 申请 */
const OBJECT_AFTER = /投诉|举报|异议|意见|建议|咨询|不满/u;

/** "未收到政府信息公开申请" in a clause (the words to quote), else null */
export function applicationNone(clause: string): string | null {
  const none = APPLICATION_NONE.exec(clause);
  if (
    !none ||
    NOT_NONE_OF_APPLICATIONS.test(none[1]!) ||
    oneKindOfApplicant(none[1]!) ||
    CHANNEL_AFTER.test(clause.slice(none.index + none[0].length)) ||
    OBJECT_AFTER.test(clause.slice(none.index + none[0].length))
  ) {
    return null;
  }
  return none[0];
}

/** "未发生…", "没有…", "无…", "无一起…" before the word ("无一例外" and "无论" are not a none) */
const NONE_BEFORE = /(?:未|没有|无一(?:起|件|宗|例(?!外))|无(?!论|缝|遗漏|死角|差错|纰漏|一))[^\d]{0,20}?$/u;
/**
 * "无一起行政复议被纠正", "无一起行政诉讼案件因答复不当被判决败诉": "not one" is usually said of an
 * outcome, named anywhere in the rest of the clause
 */
const NOT_ONE_OUTCOME = /被|败|错|违法|撤|不利|瑕疵|问题/u;
/** a statement of none is cut at the clause before it ("事事无遗漏，依法做好行政复议应诉") */
function afterLastClauseBreak(text: string): string {
  const at = Math.max(text.lastIndexOf('，'), text.lastIndexOf(','), text.lastIndexOf('：'), text.lastIndexOf(':'));
  return at < 0 ? text : text.slice(at + 1);
}
/** does the rest of the clause from `from` name an outcome ("无一起行政复议…被纠正")? */
function oneOutcome(sentence: string, from: number): boolean {
  const rest = clauseFrom(sentence, from);
  return OUTCOME.test(rest) || NOT_ONE_OUTCOME.test(rest);
}

/** the character before 诉讼 in the names of suits that are not 表四's */
const OTHER_SUITS = '事益';

/**
 * A none of the appeals named by `word` (行政复议 or 行政诉讼, or 复议 or 诉讼 alone) in a sentence with a 未, 没有 or 无
 * ("未发生行政复议、行政诉讼", read across the 、 that ends a clause): the words to quote, else null.
 */
export function appealNone(sentence: string, word: string): string | null {
  const at = sentence.indexOf(word);
  if (at < 0) return null;
  // "无一起行政复议被纠正" speaks of an outcome; a figure after the word is a count (in its
  // clause: "未发生行政复议案件，行政诉讼1件" says none of the reviews)
  const after = clauseFrom(sentence.slice(0, at + word.length + 12), at + word.length);
  // ("未发生被行政复议机关责令整改的情况" speaks of the body that decides reviews, and of one outcome)
  if (hasDigit(after) || OUTCOME.test(after) || after.startsWith('机关')) return null;
  // "未经行政复议直接起诉", "未经复议…" names a route to court, not a none (nor does "未经复议直接提起诉讼")
  if (sentence.startsWith('未经', at - 2)) return null;
  // "民事诉讼", "刑事诉讼", "公益诉讼" are not 表四's (a name without 行政 is read too)
  if (word === '诉讼' && at > 0 && OTHER_SUITS.includes(sentence[at - 1]!)) return null;
  const before = afterLastClauseBreak(sentence.slice(Math.max(0, at - 24), at));
  const negation = NONE_BEFORE.exec(before);
  // "未发生被纠错的行政复议": none of one outcome, not none at all; "未发生新的行政复议": none
  // begun this year, while 表四 also counts the ones still open from last year
  if (!negation || negation[0].startsWith('未经') || OUTCOME.test(negation[0]) || negation[0].includes('新') || (negation[0].startsWith('无一') && oneOutcome(sentence, at + word.length))) return null;
  return sentence.slice(at - negation[0].length, at + word.length).replace(/\s+/gu, '');
}

/** "无下年度结转", "本年度无结转下一年度办理的事项": the whole sentence (no 结转 of last year's, no figure) */
const NONE_FORWARD_ALONE =
  /^(?:本年度?|全年|年内|今年)?[，,]?(?:无|没有|未有|不存在)(?:结转(?:到|至)?下一?年度?|下一?年度?结转)(?:继续)?(?:办理)?(?:的?(?:事项|件|情况))?$/u;
/** Does the sentence (white space removed) say only that none was carried into next year? */
export const statesNoneCarriedForward = (sentence: string): boolean => NONE_FORWARD_ALONE.test(sentence);
