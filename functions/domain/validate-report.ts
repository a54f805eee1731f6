/**
 * Runs every rule (rules/, listed in the README) over a report and returns all findings, errors first.
 * The same function runs in the browser (the filing form) and in the Lambda (submit).
 */
import type { Finding } from './finding.js';
import type { Report } from './report.js';
import { numberFormat, requiredMissing } from './rules/cell-rules.js';
import { RuleInput, type Rule, type ValidationContext } from './rules/rule-context.js';
import {
  applicationsBalance,
  applicationsColumnTotal,
  applicationsResultsTotal,
  appealsTotal,
  carryoverContinuity,
} from './rules/table-rules.js';
import { narrativeContradiction, narrativeMismatch } from './rules/narrative-rules.js';
import { otherFeeReport, textStaleYear } from './rules/text-statements.js';
import { overviewLength, scopeRegulations, textRepeated } from './rules/text-rules.js';
import { dataRepeated, proactiveInForce, trendOutlier } from './rules/year-on-year-rules.js';

export type { ValidationContext } from './rules/rule-context.js';

/** every rule, in the order they run (exported for bench:validate's time per rule) */
export const RULES: readonly Rule[] = [
  numberFormat,
  requiredMissing,
  applicationsColumnTotal,
  applicationsResultsTotal,
  applicationsBalance,
  appealsTotal,
  carryoverContinuity,
  overviewLength,
  scopeRegulations,
  narrativeMismatch,
  narrativeContradiction,
  textRepeated,
  textStaleYear,
  dataRepeated,
  trendOutlier,
  proactiveInForce,
  otherFeeReport,
];

export function validateReport(report: Report, context: ValidationContext = {}): Finding[] {
  const findings: Finding[] = [];
  const input = new RuleInput(report, context);
  for (const rule of RULES) rule(input, findings);
  return findings;
}

/** A report may be submitted when no finding is an error. */
export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
