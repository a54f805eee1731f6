/**
 * A finding: one rule's verdict on one cell or section. The stable rule ids are the public
 * contract (listed in README and docs/rules.md): the form, the API, the e-mails and `nianbao validate --json` all
 * speak them.
 */
import { z } from 'zod';

export const ERROR_RULES = [
  'number.format',
  'required.missing',
  'applications.balance',
  'applications.results-total',
  'applications.column-total',
  'appeals.total',
  'carryover.continuity',
] as const;

export const WARNING_RULES = [
  'overview.length',
  'scope.regulations',
  'narrative.mismatch',
  'text.repeated',
  'narrative.contradiction',
  'text.stale-year',
  'data.repeated',
  'trend.outlier',
  'proactive.in-force',
  'other.fee-report',
  'rollup.mismatch',
] as const;

export const RuleId = z.enum([...ERROR_RULES, ...WARNING_RULES]);
export type RuleId = z.infer<typeof RuleId>;

/**
 * Rules whose verdict needs what only the server reads: last year's whole report (the form holds
 * only its 结转下年度继续办理) and the region's accepted reports. The form runs every other rule
 * itself on what is on the page now, so a server answer about those is never newer than its own.
 */
export const SERVER_READ_RULES: readonly RuleId[] = ['text.repeated', 'data.repeated', 'trend.outlier', 'proactive.in-force', 'rollup.mismatch'];

export const Severity = z.enum(['error', 'warning']);
export type Severity = z.infer<typeof Severity>;

export const Finding = z.object({
  rule: RuleId,
  severity: Severity,
  /** machine path of the cell or section, e.g. `applications.resultsTotal.natural` or `overview` */
  path: z.string(),
  /** the cell's Chinese label, e.g. "三、本年度办理结果 （七）总计 / 自然人" */
  label: z.string(),
  /** the value the rule expects there, where one can be computed */
  expected: z.union([z.number(), z.string()]).optional(),
  /** the value found there */
  actual: z.union([z.number(), z.string(), z.null()]).optional(),
  /** a sentence a township clerk understands */
  message: z.string(),
});
export type Finding = z.infer<typeof Finding>;

export function severityOf(rule: RuleId): Severity {
  return (ERROR_RULES as readonly string[]).includes(rule) ? 'error' : 'warning';
}

export function splitFindings(findings: readonly Finding[]): { errors: Finding[]; warnings: Finding[] } {
  return {
    errors: findings.filter((f) => f.severity === 'error'),
    warnings: findings.filter((f) => f.severity === 'warning'),
  };
}

/**
 * The key a filer's explanation (说明) of a warning is stored under: the rule and the path, as
 * the form already keys findings, e.g. `trend.outlier|appeals.review.total`. A warning that
 * fires again on the same cell finds its explanation; one that stops firing leaves it unused.
 */
export function findingKey(finding: Pick<Finding, 'rule' | 'path'>): string {
  return `${finding.rule}|${finding.path}`;
}

export const EXPLANATION_MAX_LENGTH = 500;
const FINDING_KEY = /^[a-z][a-z-]*(?:\.[a-z-]+)*\|[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*$/;

/**
 * The filer's explanations of warnings, by `findingKey`: optional on a draft and a submission
 * (`explanations` beside `report`), kept with the revision, shown to the reviewer next to the
 * warning. Errors are not explained: they must be corrected.
 */
export const Explanations = z.record(
  z.string().regex(FINDING_KEY, '说明的键应为“规则编号|单元格路径”'),
  z.string().trim().min(1, '说明不能为空').max(EXPLANATION_MAX_LENGTH, `说明不超过${EXPLANATION_MAX_LENGTH}字`),
);
export type Explanations = z.infer<typeof Explanations>;

/**
 * The explanations that still apply: only those of the current warnings (an explanation of a
 * warning that no longer fires, or of an error, is dropped rather than kept unseen).
 */
export function currentExplanations(findings: readonly Finding[], explanations: Explanations = {}): Explanations {
  const kept: Explanations = {};
  for (const f of findings) {
    const k = findingKey(f);
    if (f.severity === 'warning' && Object.hasOwn(explanations, k)) kept[k] = explanations[k]!;
  }
  return kept;
}

/** The warnings the filer has not explained (the review board counts these per filing). */
export function unexplainedWarnings(findings: readonly Finding[], explanations: Explanations = {}): Finding[] {
  return findings.filter((f) => f.severity === 'warning' && !Object.hasOwn(explanations, findingKey(f)));
}

