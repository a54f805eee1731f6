/**
 * The text held against the tables: `narrative.mismatch` when a figure the text states differs
 * from the table's, `narrative.contradiction` when the text states something the tables deny
 * (none received, all settled, all upheld, no appeals). Warnings: the filer checks which side
 * is wrong.
 */
import type { Finding, RuleId } from '../finding.js';
import { TEMPLATES, applicantColumns, resultRows, type RowDef, type TableDef } from '../report-template.js';
import type { Report, TableData } from '../report.js';
import { CHANNELS, RESULT_NAMES, type ResultGroup } from './claim-words.js';
import type { Claim, ClaimSubject } from './narrative-claims.js';
import { formatNumber as fmt, numeric, sumOf, type Rule, type RuleInput } from './rule-context.js';
import type { SectionText } from './section-text.js';
import { columnIndex, defined, gridValue, rowIndex, type Grid } from './table-grid.js';

const RESULT_ROW_PREFIX: Record<ResultGroup, string> = {
  disclosed: 'disclosed',
  partiallyDisclosed: 'partiallyDisclosed',
  withheld: 'withheld',
  unavailable: 'unavailable',
  notProcessed: 'notProcessed',
  otherHandling: 'other',
};

const RESULT_NAME: Record<ResultGroup, string> = {
  disclosed: '（一）予以公开',
  partiallyDisclosed: '（二）部分公开',
  withheld: '（三）不予公开',
  unavailable: '（四）无法提供',
  notProcessed: '（五）不予处理',
  otherHandling: '（六）其他处理',
};

const SUBJECT_NAME: Record<Exclude<ClaimSubject, ResultGroup>, string> = {
  applications: '表三“一、本年新收政府信息公开申请数量”总计',
  handled: '表三“（七）总计”',
  carriedOver: '表三“二、上年结转政府信息公开申请数量”总计',
  carriedForward: '表三“四、结转下年度继续办理”总计',
  review: '表四“行政复议”总计',
  litigation: '表四“行政诉讼”总计（未经复议直接起诉与复议后起诉之和）',
};

const subjectName = (subject: ClaimSubject) =>
  subject in RESULT_NAME ? `表三“${RESULT_NAME[subject as ResultGroup]}”总计` : SUBJECT_NAME[subject as keyof typeof SUBJECT_NAME];

/** The figures of tables 三 and 四 the text may state, read once per report. */
interface Figures {
  readonly received?: number | undefined;
  readonly carriedOver?: number | undefined;
  readonly handled?: number | undefined;
  readonly carriedForward?: number | undefined;
  readonly review?: number | undefined;
  readonly litigation?: number | undefined;
  readonly results: Partial<Record<ResultGroup, number>>;
  /** 2021 format: row 3.其他 of （六）其他处理, which a text may call 其他处理 beside "逾期未补正2件" */
  readonly otherOnly?: number | undefined;
  readonly applications: TableData;
  readonly appeals: TableData;
}

/** the result rows of each group, per table (the 2019 format has one 其他处理 row) */
const groupRows = new WeakMap<TableDef, readonly (readonly [ResultGroup, readonly RowDef[]])[]>();

function rowsOfGroups(def: TableDef) {
  let rows = groupRows.get(def);
  if (!rows) {
    const leaves = resultRows(def);
    rows = (Object.keys(RESULT_ROW_PREFIX) as ResultGroup[]).map(
      (group) => [group, leaves.filter((r) => r.id.startsWith(RESULT_ROW_PREFIX[group]))] as const,
    );
    groupRows.set(def, rows);
  }
  return rows;
}

/** per group, the positions of its rows' 总计 cells in the grid of 三 */
function groupTotals(grid: Grid): readonly (readonly [ResultGroup, readonly number[]])[] {
  let totals = groupTotalCells.get(grid.def);
  if (!totals) {
    const total = columnIndex(grid.def, 'total');
    totals = rowsOfGroups(grid.def).map(([group, rows]) => [group, rows.map((r) => rowIndex(grid.def, r.id) * grid.width + total)] as const);
    groupTotalCells.set(grid.def, totals);
  }
  return totals;
}
const groupTotalCells = new WeakMap<TableDef, readonly (readonly [ResultGroup, readonly number[]])[]>();

/** read once per validation: both narrative rules hold the text against the same figures */
function figures(input: RuleInput): Figures {
  const grid = input.grid('applications');
  const appealsGrid = input.grid('appeals');
  const results: Partial<Record<ResultGroup, number>> = {};
  for (const [group, cells] of groupTotals(grid)) {
    let value = 0;
    for (const k of cells) value += grid.values[k]!;
    if (!Number.isNaN(value)) results[group] = value;
  }
  return {
    received: defined(gridValue(grid, 'newReceived', 'total')),
    carriedOver: defined(gridValue(grid, 'carriedOver', 'total')),
    handled: defined(gridValue(grid, 'resultsTotal', 'total')),
    otherOnly: defined(gridValue(grid, 'otherOther', 'total')),
    carriedForward: defined(gridValue(grid, 'carriedForward', 'total')),
    review: defined(gridValue(appealsGrid, 'review', 'total')),
    litigation: defined(gridValue(appealsGrid, 'litigationDirect', 'total') + gridValue(appealsGrid, 'litigationAfterReview', 'total')),
    results,
    applications: input.table('applications').data,
    appeals: input.table('appeals').data,
  };
}

const plus = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : a + b);
/** values.push(v) when the table gives v (run once per claim: no array of blanks to filter) */
const given = (values: number[], v: number | undefined) => {
  if (v !== undefined) values.push(v);
};

/** The values the table allows for a claim, the first being the one to name. */
function allowed(f: Figures, { subject, includesCarriedOver, mayBeHandled, mayBeCarriedOver }: Claim): number[] {
  const values: number[] = [];
  switch (subject) {
    // "共收到申请N件" often counts last year's carried-over applications too; when the text
    // says so ("含上年结转…"), only that sum is right.
    case 'applications':
      if (!includesCarriedOver) given(values, f.received);
      given(values, plus(f.received, f.carriedOver));
      if (!includesCarriedOver && mayBeHandled) given(values, f.handled);
      break;
    case 'handled':
      given(values, f.handled);
      break;
    case 'carriedOver':
      given(values, f.carriedOver);
      break;
    // "结转政府信息公开申请数量N件" names no year: 二's or 四's
    case 'carriedForward':
      given(values, f.carriedForward);
      if (mayBeCarriedOver) given(values, f.carriedOver);
      break;
    case 'review':
      given(values, f.review);
      break;
    case 'litigation':
      given(values, f.litigation);
      break;
    // "逾期未补正2件，其他处理5件": the text may name the sub-rows of （六） apart
    case 'otherHandling':
      given(values, f.results.otherHandling);
      given(values, f.otherOnly);
      break;
    default:
      given(values, f.results[subject]);
  }
  return values;
}

const overviewFinding = (report: Report, rule: RuleId, details: Pick<Finding, 'expected' | 'actual' | 'message'>): Finding => ({
  rule,
  severity: 'warning',
  path: 'overview',
  label: TEMPLATES[report.template].sectionTitles.overview,
  ...details,
});

/** The percentage as printed with `decimals` digits, rounded or cut (both are seen in reports). */
function sharesMatch(part: number, whole: number, percent: number, decimals: number): boolean {
  if (whole <= 0) return false;
  const scale = 10 ** decimals;
  const ratio = (part / whole) * 100 * scale;
  return [Math.round(ratio), Math.floor(ratio + 1e-9)].some((v) => Math.abs(v / scale - percent) < 1e-9);
}

function shareFindings(input: RuleInput, f: Figures, findings: Finding[]): void {
  const { report } = input;
  const { def } = input.table('applications');
  const orgColumns = applicantColumns(def).filter((c) => c.id !== 'natural');
  const received = f.received;
  const receivedAll = received !== undefined && f.carriedOver !== undefined ? received + f.carriedOver : undefined;
  for (const share of input.text('overview').shares) {
    // [part, whole] pairs the clerk may have meant; the first names the expected figure
    let pairs: [number | undefined, number | undefined, string][];
    if (share.part === 'natural' || share.part === 'organisations') {
      const ofRow = (row: string) =>
        share.part === 'natural'
          ? numeric(f.applications[row]?.natural)
          : sumOf(orgColumns.map((c) => f.applications[row]?.[c.id]));
      const withCarried = (() => {
        const a = ofRow('newReceived');
        const b = ofRow('carriedOver');
        return a === undefined || b === undefined ? undefined : a + b;
      })();
      pairs = [
        [ofRow('newReceived'), received, '本年新收申请'],
        [withCarried, receivedAll, '本年新收与上年结转申请'],
      ];
    } else {
      const part = f.results[share.part];
      pairs = [
        [part, f.handled, '办理结果（七）总计'],
        [part, received, '本年新收申请'],
        [part, receivedAll, '本年新收与上年结转申请'],
      ];
    }
    const usable = pairs.filter((p): p is [number, number, string] => p[0] !== undefined && p[1] !== undefined && p[1] > 0);
    if (usable.length === 0) continue;
    if (usable.some(([part, whole]) => sharesMatch(part, whole, share.percent, share.decimals))) continue;
    const [part, whole, base] = usable[0]!;
    const expected = `${((part / whole) * 100).toFixed(share.decimals)}%`;
    const name = share.part === 'natural' ? '自然人申请' : share.part === 'organisations' ? '法人或其他组织申请' : RESULT_NAME[share.part];
    findings.push(
      overviewFinding(report, 'narrative.mismatch', {
        expected,
        actual: `${fmt(share.percent)}%`,
        message: `总体情况中写“${share.quote}”，按表三计算，${name} ${fmt(part)} 件占${base} ${fmt(whole)} 件的 ${expected}，与文字不一致，请核对。`,
      }),
    );
  }
}

export const narrativeMismatch: Rule = (input, findings) => {
  const { report } = input;
  const overview = input.text('overview');
  const claims = overview.claims.filter((c) => !c.none); // none: narrative.contradiction's
  const shares = overview.shares;
  if (claims.length === 0 && shares.length === 0) return;
  const f = input.derive(figures);
  const seen = new Set<string>();
  for (const claim of claims) {
    const values = allowed(f, claim);
    if (values.length === 0 || values.includes(claim.value)) continue;
    // "按时办结66件" may leave out the ones settled late or withdrawn, "受理的5件" the ones refused:
    // only more than all is wrong
    if (claim.atMost && claim.value <= Math.max(...values)) continue;
    const key = `${claim.subject}:${claim.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    findings.push(overviewFinding(report, 'narrative.mismatch', mismatchDetails(claim, values)));
  }
  if (shares.length > 0) shareFindings(input, f, findings);
};

/** What a mismatch names: the table's figure (or figures) the claim differs from. */
function mismatchDetails(claim: Claim, values: readonly number[]): Pick<Finding, 'expected' | 'actual' | 'message'> {
  const [first, second] = values as [number, number | undefined];
  const said = `总体情况中写“${claim.quote}”，`;
  // "受理的3200件": more than all of the year's with last year's
  if (claim.atMost && claim.subject === 'applications' && second !== undefined) {
    const most = Math.max(...values);
    return { expected: most, actual: claim.value, message: `${said}多于${SUBJECT_NAME.applications}与“二、上年结转”之和 ${fmt(most)}，请核对文字或表格。` };
  }
  let against: string;
  if (claim.subject === 'applications' && claim.includesCarriedOver) against = `${SUBJECT_NAME.applications}与“二、上年结转”之和 ${fmt(first)} `;
  // "结转政府信息公开申请数量N件": neither 四's nor 二's
  else if (claim.mayBeCarriedOver && second !== undefined) against = `${SUBJECT_NAME.carriedForward} ${fmt(first)}、${SUBJECT_NAME.carriedOver} ${fmt(second)} 都`;
  else against = `${subjectName(claim.subject)} ${fmt(first)} `;
  return { expected: first, actual: claim.value, message: `${said}与${against}不一致，请核对文字或表格。` };
}

/**
 * "均已办结", "均在法定期限内办结", "无结转", "无下年度结转": every application settled within the
 * year ("无积压" is a slogan, not this); also "无转结下年度" (大云镇 2024, 结转 mistyped).
 */
const ALL_SETTLED = /(?:均|全部|都)(?:已|已经)?(?:按时|按期|依法|如期)?(?:在(?:法定|规定)(?:期限|时限)内)?(?:办结|办理完毕|处理完毕|办理完结)|(?:无|没有|未有|不存在)(?:下一?年度?)?(?:申请)?(?:结转|转结)/u;
/**
 * "均为维持", "均被维持", "均获维持", "均被复议机关维持", "均被法院判决维持", "均被法院依法判决维持",
 * "复议机关均已作出维持决定": every review or suit decided for the agency ("均作出维持或撤销决定"
 * names more than one outcome)
 */
const ALL_UPHELD =
  /(?:均|全部|都)(?:已|已经)?(?:为|被|获|予以)?(?:行政复议机关|复议机关|人民法院|法院)?(?:依法)?(?:(?:作出|做出)了?|决定|判决|裁定)?(?:依法)?(?:予以)?维持(?![或和、及与])/u;

/**
 * "均在法定时限内答复完毕", "全部按时答复办结", "均在规定时间内办结": all settled in words the
 * ALL_SETTLED does not hold ("均在法定期限内予以答复" speaks of the answers given, on time); and
 * "均已按要求受理办结", "均已及时办结", "全部已依法依规办结": a few words between 均已 and 办结 (no
 * negation, no "应/需" of a duty, no date: "均已于次年1月办结" is next year's). One pattern: one
 * search of the usual sentence that has neither.
 */
const SETTLED_MORE =
  /(?:均|全部|都)(?:(?:已|已经)?(?:在[^，,。；\d]{1,8}?内)?(?:按时|按期|依法|如期)?(?:答复办结|答复完毕|办结|办理完毕|处理完毕|办理完结)|已(?:经)?[^，,。；、\d未尚没不转应需须年月日后前]{1,6}?(?:办结|办理完毕|处理完毕|办理完结))/u;
const SETTLED_MORE_EACH = new RegExp(SETTLED_MORE.source, 'gu');

/** a statement of all upheld that speaks of the decided ones only */
const ONLY_DECIDED = /其余|除[^，,。；]{0,12}外|尚在|尚未|审理中|已审结|已办结|已结案/u;

/** any of ALL_SETTLED, ALL_UPHELD and SETTLED_MORE in one pattern: one run per sentence */
const SWEEPING = new RegExp(`${ALL_SETTLED.source}|${ALL_UPHELD.source}|${SETTLED_MORE.source}`, 'u');

/**
 * The sentences that say all were settled, or all upheld (once per text; most say neither). Both
 * are read only where the sentence names 申请 (settled) or 复议/诉讼 (upheld): the sentences of
 * SectionText.subjectSentences.
 */
function sweepingStatements(text: string, reading: SectionText): readonly string[] {
  const sweeping: string[] = [];
  for (const [start, end] of reading.subjectSentences) {
    const sentence = text.slice(start, end);
    // one search for all three in the usual sentence that has none
    if (SWEEPING.test(sentence)) sweeping.push(sentence);
  }
  return sweeping;
}

/** "另有3件结转下年度" admits the pending ones, as do "2件正在办理，其余均已办结" and "除2件外";
 * "截至目前已全部办结", "截至报告发布时已全部办结" are written weeks after the year's end, about the
 * carried-forward ones too */
const NOT_THIS_YEAR = /下一?年|建议|提案|留言|截至目前|目前已|现已|截至(?:本?报告)?(?:发布|编制|印发|公布)|正在办理|办理中|其余|除[^，,。；]{0,12}外/u;
/** "无结转下年度", "没有顺延到下一年的申请", "无下年度结转": a next year named only to say none went there */
const NO_NEXT_YEAR = /(?:无|没有|未有|不存在)(?:[^，,。；\d]{0,4}?(?:结转|顺延|转)[^，,。；\d]{0,3}?下一?年|下一?年度?(?:申请)?结转)/gu;
/** "上年结转2件，均已办结", "上年结转的2件均已办结", "2022年结转的3件均已办结": last year's, read
 * in the clause of the statement and the one before it ("上年结转1件，共办结17件，均已办结" speaks of all) */
const LAST_YEARS = /上一?年度?结转|(?:19|20)\d{2}\s*年度?结转/u;
/** "上年度无结转申请", "上年未有结转": a none of last year's carried-over ones, right before the statement */
const LAST_YEAR_BEFORE = /上一?年度?$/u;
const ALL_SETTLED_EACH = new RegExp(ALL_SETTLED.source, 'gu');

/** The first statement `each` (a global pattern) finds in the sentence that speaks of this year's applications. */
function firstSettledThisYear(each: RegExp, sentence: string, nextYear: string): RegExpExecArray | null {
  each.lastIndex = 0;
  for (let m = each.exec(sentence); m; m = each.exec(sentence)) if (settledThisYear(sentence, m.index, nextYear)) return m;
  return null;
}

/**
 * "没有结转到2023年的政府信息公开申请事项" in a 2022 report (荣昌区住建委 2022): the none at `at`
 * names the next year by its number, so it speaks of the carried-forward ones whatever year the
 * clause before names ("我委没有2021年结转的政府信息公开申请事项，没有结转到2023年的…").
 */
function noneIntoNextYear(sentence: string, at: number, nextYear: string): boolean {
  const carry = sentence.indexOf('结转', at);
  if (carry < 0 || carry > at + 4) return false;
  let k = carry + 2;
  if (sentence[k] === '到' || sentence[k] === '至') k++;
  return sentence.startsWith(nextYear, k) && sentence[k + 4] === '年';
}

/** Does the "均已办结" at `at` in the sentence speak of this year's applications? */
function settledThisYear(sentence: string, at: number, nextYear: string): boolean {
  if (!sentence.includes('申请')) return false;
  const rest = sentence.includes('年') ? sentence.replace(NO_NEXT_YEAR, '') : sentence;
  if (NOT_THIS_YEAR.test(rest)) return false;
  if (LAST_YEAR_BEFORE.test(sentence.slice(Math.max(0, at - 4), at))) return false;
  let from = at;
  let clause = 0;
  for (let breaks = 0; from > 0; from--) {
    const c = sentence[from - 1]!;
    if (c !== '，' && c !== ',' && c !== '；') continue;
    if (++breaks === 1) clause = from;
    else break;
  }
  if (ONE_GROUP.test(sentence.slice(clause, at))) return false;
  return !LAST_YEARS.test(sentence.slice(from, at + 8)) || noneIntoNextYear(sentence, at, nextYear);
}
/**
 * "部分公开的申请2件已全部办结", "网上申请5件均已办结": all of one result or one channel, named in the
 * statement's own clause ("予以公开8件，不予公开2件，均已办结" speaks of all)
 */
const ONE_GROUP = new RegExp(`${RESULT_NAMES}|其中|${CHANNELS}`, 'u');
const APPEAL_ROWS = ['review', 'litigationDirect', 'litigationAfterReview'] as const;

/** 纠正 and 尚未审结 cases of the given rows of 四 (纠正 only: `decidedOnly`), or undefined when a cell is not a number */
function notUpheld(appeals: TableData, rows: readonly string[], decidedOnly = false): number | undefined {
  let sum = 0;
  for (const r of rows) {
    const n = sumOf(decidedOnly ? [appeals[r]?.corrected] : [appeals[r]?.corrected, appeals[r]?.pending]);
    if (n === undefined) return undefined;
    sum += n;
  }
  return sum;
}

/**
 * What "均被维持" speaks of: the appeals named in the nearest clause before it that names any
 * ("行政复议3件，均被维持"; "行政复议均维持，行政诉讼1件被纠正" says nothing of the suits).
 */
function upheldSubject(before: string): { review: boolean; litigation: boolean } {
  const parts = before.split(/[，,；]/u);
  for (let i = parts.length - 1; i >= 0; i--) {
    const review = parts[i]!.includes('复议');
    const litigation = parts[i]!.includes('诉讼');
    if (review || litigation) return { review, litigation };
  }
  return { review: false, litigation: false };
}

/** the tables' figure a statement of none speaks of */
function noneOf(f: Figures, subject: ClaimSubject): number | undefined {
  switch (subject) {
    case 'applications':
      return f.received;
    case 'carriedForward':
      return f.carriedForward;
    case 'review':
      return f.review;
    case 'litigation':
      return f.litigation;
    default:
      return undefined;
  }
}

export const narrativeContradiction: Rule = (input, findings) => {
  const { report } = input;
  const overview = input.text('overview');
  const claims = overview.claims.filter((c) => c.none);
  const sweeping = overview.read(sweepingStatements);
  if (claims.length === 0 && sweeping.length === 0) return; // most texts: nothing to hold against the tables
  const f = input.derive(figures);
  const seen = new Set<string>();
  const add = (key: string, details: Pick<Finding, 'expected' | 'actual' | 'message'>) => {
    if (seen.has(key)) return;
    seen.add(key);
    findings.push(overviewFinding(report, 'narrative.contradiction', details));
  };

  // none received / none carried forward / no review / no suit, against tables that have them
  for (const claim of claims) {
    const actual = noneOf(f, claim.subject);
    if (actual === undefined || actual === 0) continue;
    // as in narrative.mismatch: expected is the tables' figure, actual what the text says (one
    // warning for "无下年度结转" and "均已办结")
    add(claim.subject === 'carriedForward' ? 'settled' : claim.subject, {
      expected: actual,
      actual: 0,
      message: `总体情况中写“${claim.quote}”，但${subjectName(claim.subject)}为 ${fmt(actual)}，请核对文字或表格。`,
    });
  }

  // the sentences are read only when the tables could deny them
  const pending = f.carriedForward;
  const readSettled = pending !== undefined && pending > 0;
  const readUpheld = notUpheld(f.appeals, APPEAL_ROWS) !== 0;
  if (!readSettled && !readUpheld) return;
  const nextYear = String(report.year + 1);
  for (const sentence of sweeping) {
    // the first statement of the sentence that speaks of this year's ("上年度结转2件，均已办结，无结转下年度")
    // (then all settled in other words: SETTLED_MORE)
    const settled = readSettled
      ? (firstSettledThisYear(ALL_SETTLED_EACH, sentence, nextYear) ?? firstSettledThisYear(SETTLED_MORE_EACH, sentence, nextYear))
      : null;
    if (settled) {
      add('settled', {
        expected: pending,
        actual: settled[0],
        message: `总体情况中写“${settled[0]}”，但${SUBJECT_NAME.carriedForward}为 ${fmt(pending!)}，请核对：结转下年度的申请尚未办结。`,
      });
    }
    const upheld = readUpheld ? ALL_UPHELD.exec(sentence) : null;
    if (upheld) {
      const { review, litigation } = upheldSubject(sentence.slice(0, upheld.index));
      if (!review && !litigation) continue;
      const rows = [...(review ? ['review'] : []), ...(litigation ? ['litigationDirect', 'litigationAfterReview'] : [])];
      // "1件尚在审理，其余均被维持", "已审结的均被维持": of the decided ones only, which 尚未审结 cases do not deny
      const decidedOnly = ONLY_DECIDED.test(sentence);
      const count = notUpheld(f.appeals, rows, decidedOnly);
      if (count === undefined || count === 0) continue;
      const which = review && litigation ? '行政复议、行政诉讼' : review ? '行政复议' : '行政诉讼';
      add('upheld', {
        expected: count,
        actual: upheld[0],
        message: `总体情况中写“${upheld[0]}”，但表四${which}的${decidedOnly ? '“结果纠正”' : '“结果纠正”与“尚未审结”'}共 ${fmt(count)} 件，请核对文字或表格。`,
      });
    }
  }
};
