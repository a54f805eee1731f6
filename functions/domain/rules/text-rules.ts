/**
 * Warnings on the texts: too long, a 乡镇 reporting 规章, numbers in the text that contradict
 * the tables, and 五 copied from last year. They advise; they never block a submission.
 */
import { isTownship } from '../agency.js';
import type { Finding } from '../finding.js';
import { TEMPLATES } from '../report-template.js';
import { cellFinding, numeric, sumOf, tableOf, type Rule } from './rule-context.js';
import { narrativeClaims } from './narrative-claims.js';
import { similarity } from './text-similarity.js';

/** 总体情况 "篇幅原则上不超过一千字" (the 2021 notice). */
export const OVERVIEW_LIMIT = 1000;
/** Above this, two years' 五 count as 年年雷同. */
export const REPEATED_THRESHOLD = 0.9;
/** Texts shorter than this (e.g. "无") are not compared. */
const REPEATED_MIN_LENGTH = 30;

const title = (id: 'overview' | 'problems' | 'other', template: '2021' | '2019') =>
  TEMPLATES[template].sectionTitles[id];

/** characters that count toward the length: everything but white space (code points, not UTF-16 units) */
function visibleLength(text: string): number {
  const visible = text.replace(/\s+/gu, '');
  let surrogates = 0;
  for (let i = 0; i < visible.length; i++) {
    const c = visible.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) surrogates++;
  }
  return visible.length - surrogates;
}

export const overviewLength: Rule = ({ report }, findings) => {
  const length = visibleLength(report.sections.overview);
  if (length <= OVERVIEW_LIMIT) return;
  findings.push({
    rule: 'overview.length',
    severity: 'warning',
    path: 'overview',
    label: title('overview', report.template),
    expected: OVERVIEW_LIMIT,
    actual: length,
    message: `总体情况共 ${length} 字，格式要求篇幅原则上不超过一千字，建议精简。`,
  });
};

export const scopeRegulations: Rule = ({ report, context }, findings) => {
  if (!isTownship(report.agencyName, context.agencyKind)) return;
  const { def, data } = tableOf(report, 'proactive.regulations');
  const rules = def.rows.find((r) => r.id === 'rules');
  if (!rules) return;
  for (const c of def.columns) {
    const value = numeric(data.rules?.[c.id]);
    if (value === undefined || value === 0) continue;
    findings.push(
      cellFinding('scope.regulations', def, rules, c, {
        expected: 0,
        actual: value,
        message: `乡镇人民政府和街道办事处无权制定规章，“规章”一行通常应为0，现填 ${value}；请核实是否应计入“行政规范性文件”。`,
      }),
    );
  }
};

export const narrativeMismatch: Rule = ({ report }, findings) => {
  const applications = tableOf(report, 'applications').data;
  const appeals = tableOf(report, 'appeals').data;
  const newReceived = numeric(applications.newReceived?.total);
  const carriedOver = numeric(applications.carriedOver?.total);
  const tableValue = {
    applications: newReceived,
    review: numeric(appeals.review?.total),
    litigation: sumOf([appeals.litigationDirect?.total, appeals.litigationAfterReview?.total]),
  };
  const tableName = {
    applications: '表三“本年新收政府信息公开申请数量”总计',
    review: '表四“行政复议”总计',
    litigation: '表四“行政诉讼”总计',
  };
  const seen = new Set<string>();
  for (const claim of narrativeClaims(report.sections.overview)) {
    const actual = tableValue[claim.subject];
    if (actual === undefined || claim.value === actual) continue;
    // "共收到申请N件" often counts last year's carried-over applications too.
    if (claim.subject === 'applications' && carriedOver !== undefined && claim.value === actual + carriedOver) continue;
    const key = `${claim.subject}:${claim.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const finding: Finding = {
      rule: 'narrative.mismatch',
      severity: 'warning',
      path: 'overview',
      label: title('overview', report.template),
      expected: actual,
      actual: claim.value,
      message: `总体情况中写“${claim.quote}”，与${tableName[claim.subject]} ${actual} 不一致，请核对。`,
    };
    findings.push(finding);
  }
};

export const textRepeated: Rule = ({ report, context }, findings) => {
  const previous = context.previous;
  if (!previous || previous.year >= report.year) return;
  const now = report.sections.problems;
  const before = previous.sections.problems;
  if (visibleLength(now) < REPEATED_MIN_LENGTH || visibleLength(before) < REPEATED_MIN_LENGTH) return;
  const score = similarity(now, before);
  if (score < REPEATED_THRESHOLD) return;
  findings.push({
    rule: 'text.repeated',
    severity: 'warning',
    path: 'problems',
    label: title('problems', report.template),
    expected: `与${previous.year}年相似度低于${Math.round(REPEATED_THRESHOLD * 100)}%`,
    actual: `${Math.round(score * 100)}%`,
    message: `“存在的主要问题及改进情况”与${previous.year}年报告相似度达 ${Math.round(score * 100)}%，格式要求不得年年雷同，请结合本年实际情况撰写。`,
  });
};
