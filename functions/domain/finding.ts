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
] as const;

export const RuleId = z.enum([...ERROR_RULES, ...WARNING_RULES]);
export type RuleId = z.infer<typeof RuleId>;

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
