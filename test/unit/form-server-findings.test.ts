/**
 * The form's merge of its own findings with a save's answer (web/form/server-findings.ts): the
 * page decides every rule it can run itself, on what is on the page now; the server's answer adds
 * only what needs last year's whole report or the region's filings.
 */
import { describe, expect, it } from 'vitest';
import { SERVER_READ_RULES, findingKey, type Finding } from '../../functions/domain/finding.js';
import type { Report, RowData, TableData } from '../../functions/domain/report.js';
import { validateReport } from '../../functions/domain/validate-report.js';
import { fillComputedCells } from '../../web/form/computed-totals.js';
import { ReportEditor } from '../../web/form/report-editor.js';
import { withServerFindings } from '../../web/form/server-findings.js';
import { suqian } from '../support/real-reports.js';

const applications = (r: Report) => r.sections.applications as TableData;

/** What the form checks on its own: the report on the page, last year's 结转下年度 only. */
function formCheck(report: Report, previous: Report): Finding[] {
  const editor = new ReportEditor({
    agencyName: report.agencyName,
    agencyKind: 'government-office',
    year: report.year,
    draft: report,
    previousCarriedForward: applications(previous).carriedForward as RowData,
  });
  return editor.check();
}

const serverCheck = (report: Report, previous: Report) => validateReport(report, { previous, agencyKind: 'government-office' });
const keys = (findings: readonly Finding[]) => findings.map(findingKey).sort();

describe('the form’s findings with a save’s answer', () => {
  it('drops a stale server error the page has since cleared (the clerk typed on while the save was out)', () => {
    const previous = suqian(2023);
    const sent = structuredClone(suqian(2024));
    applications(sent).newReceived!.natural = Number(applications(sent).newReceived!.natural) + 5;
    const answer = serverCheck(sent, previous);
    expect(answer.map((f) => f.rule)).toContain('applications.balance');
    // the page now holds the report as published again: balanced
    const local = formCheck(suqian(2024), previous);
    const { findings, serverOnly } = withServerFindings(local, answer, false);
    expect(findings.map((f) => f.rule)).not.toContain('applications.balance');
    expect(serverOnly).toEqual([]);
    expect(keys(findings)).toEqual(keys(local));
  });

  it('takes an answer about what the page still shows whole: a server whose rules differ (a form loaded before a deploy) still marks the cell', () => {
    const previous = suqian(2023);
    const sent = structuredClone(suqian(2024));
    applications(sent).newReceived!.natural = Number(applications(sent).newReceived!.natural) + 5;
    fillComputedCells(sent); // as the page sends it
    const answer = serverCheck(sent, previous);
    // the page's own check as an older rule set would give it: without the balance
    const local = formCheck(sent, previous).filter((f) => f.rule !== 'applications.balance');
    const { findings, serverOnly } = withServerFindings(local, answer, true);
    expect(serverOnly.map((f) => f.rule)).toContain('applications.balance');
    expect(keys(findings)).toEqual(keys(answer));
  });

  it('keeps what only the server can read: 宿迁 2023 filed again as 2024 is a copy only against last year’s whole report', () => {
    const previous = suqian(2023);
    const copy: Report = { ...structuredClone(previous), year: 2024 };
    const answer = serverCheck(copy, previous);
    const local = formCheck(copy, previous);
    expect(answer.map((f) => f.rule)).toEqual(expect.arrayContaining(['data.repeated', 'text.repeated']));
    expect(local.map((f) => f.rule)).not.toContain('data.repeated');
    const { findings, serverOnly } = withServerFindings(local, answer, false);
    expect(serverOnly.map((f) => f.rule).sort()).toEqual(expect.arrayContaining(['data.repeated', 'text.repeated']));
    // nothing the server found is lost
    expect(keys(findings)).toEqual(keys(answer));
  });

  it('SERVER_READ_RULES are exactly the rules the page cannot decide: on real reports and edited copies, the server finds nothing else the page misses', () => {
    const previous = suqian(2023);
    const outlier = structuredClone(suqian(2024));
    // 行政复议 总计 more than five times 2023's 440
    (outlier.sections.appeals as TableData).review!.upheld = 3000;
    const inForce = structuredClone(suqian(2024));
    const regulations = (inForce.sections.proactive as Record<string, TableData>).regulations!;
    regulations.rules!.inForce = Number(regulations.rules!.inForce) + 3;
    const unbalanced = structuredClone(suqian(2024));
    applications(unbalanced).carriedOver!.total = 1;
    const cases = [suqian(2024), { ...structuredClone(previous), year: 2024 }, outlier, inForce, unbalanced];
    const missed = new Set<string>();
    for (const report of cases) {
      // as the page sends it: its totals computed
      fillComputedCells(report);
      const local = new Set(keys(formCheck(report, previous)));
      for (const f of serverCheck(report, previous)) if (!local.has(findingKey(f))) missed.add(f.rule);
    }
    // every rule the page misses is one it leaves to the server, and the cases reach most of them
    for (const rule of missed) expect(SERVER_READ_RULES).toContain(rule);
    expect([...missed].sort()).toEqual(['data.repeated', 'proactive.in-force', 'text.repeated', 'trend.outlier']);
  });
});
