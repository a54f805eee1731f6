/**
 * Warnings on the texts: too long, a 乡镇 reporting 规章, and 五 copied from last year (the
 * text against the tables is narrative-rules.ts). They advise; they never block a submission.
 */
import { isTownship } from '../agency.js';
import { periodParagraphEnd } from '../own-period.js';
import { TEMPLATES } from '../report-template.js';
import { cellFinding, numeric, type Rule } from './rule-context.js';
import { visibleLength, type SectionText } from './section-text.js';
import { certainlyBelow, commonEnds, isEditedCopy, unitSimilarity } from './text-similarity.js';

/** 总体情况 "篇幅原则上不超过一千字" (the 2021 notice). */
export const OVERVIEW_LIMIT = 1000;
/** Above this, two years' 五 count as 年年雷同. */
export const REPEATED_THRESHOLD = 0.9;
/** Texts shorter than this (e.g. "无") are not compared. */
const REPEATED_MIN_LENGTH = 30;

const title = (id: 'overview' | 'problems' | 'other', template: '2021' | '2019') =>
  TEMPLATES[template].sectionTitles[id];

/** the overview's length, less a first paragraph that only states the report's period (own-period.ts) */
function narrativeLength(text: string, reading: SectionText): number {
  const end = periodParagraphEnd(text, reading.firstLineBreak);
  return visibleLength(end === 0 ? text : text.slice(end));
}

export const overviewLength: Rule = (input, findings) => {
  const { report } = input;
  const text = report.sections.overview;
  // a character is at least one UTF-16 unit: a text of no more units is within the limit
  if (text.length <= OVERVIEW_LIMIT) return;
  const length = input.text('overview').read(narrativeLength);
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

export const scopeRegulations: Rule = (input, findings) => {
  const { report, context } = input;
  if (!isTownship(report.agencyName, context.agencyKind)) return;
  const { def, data } = input.table('proactive.regulations');
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

export const textRepeated: Rule = (input, findings) => {
  const { report, context } = input;
  const previous = context.previous;
  if (!previous || previous.year >= report.year) return;
  const now = input.text('problems');
  const before = input.previousText('problems');
  if (!now.hasVisibleLength(REPEATED_MIN_LENGTH) || !before.hasVisibleLength(REPEATED_MIN_LENGTH)) return;
  let score = 1;
  if (now.text !== before.text) {
    // most years' 五 differ at once: a bound read off the two texts settles it without a table;
    // a copy edited is read from its common ends instead, for less than the bound would cost
    const ends = commonEnds(now.text, before.text);
    if (!isEditedCopy(now.text, before.text, ends) && certainlyBelow(before.text, now.text, REPEATED_THRESHOLD)) return;
    score = unitSimilarity(now.keptUnitsLike(before, ends), before.keptUnits, REPEATED_THRESHOLD);
  }
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
