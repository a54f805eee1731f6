/**
 * Warnings explained (说明) and the government office's roll-up check, on the in-memory ports:
 * explanations saved with the draft and the revision (only those of current warnings), shown
 * in the reviewer's filing view, counted on the board; `rollup.mismatch` on the office's own
 * filing against the sum of its region's accepted reports (the office's figures not in it).
 * test/integration/explanations-flow.test.ts runs the explanations through the API.
 */
import { describe, expect, it } from 'vitest';
import { getFiling, saveDraft, submitFiling } from '../../functions/services/filings.js';
import { getBoard, getReviewFiling, regionRollup, setRegionSettings } from '../../functions/services/review.js';
import { cleanReport } from '../support/consistent-report.js';
import { memoryWorld } from '../support/memory/memory-world.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { Report } from '../../functions/domain/report.js';

const YEAR = 2024;
const REGION = '411325';
const FEE = 'other.fee-report|other';
const FEE_NOTE = '本机关未收取信息处理费，六部分漏写，已在本说明中补充。';

/** Consistent, but section 六 says nothing of 信息处理费: one warning, `other.fee-report|other`. */
function withFeeWarning(agency: Agency): Report {
  const report = cleanReport('2021', agency.name, YEAR);
  report.sections.other = '无。';
  return report;
}

async function setup() {
  const world = memoryWorld({ now: '2025-01-10T02:00:00.000Z' });
  await setRegionSettings(world.deps.review, REGION, { review: 'none' }, 'test');
  const agency = await world.addAgency(REGION, 'department', { name: '测试县审计局' });
  return { world, agency, filer: world.filer(agency), reviewer: world.reviewer(REGION) };
}

describe('explanations of warnings', () => {
  it('are saved with the draft, only for current warnings, and carried over when a save sends none', async () => {
    const { world, agency, filer } = await setup();
    const saved = await saveDraft(world.deps.filing, filer, {
      year: YEAR,
      report: withFeeWarning(agency),
      // the second key is no current warning: dropped
      explanations: { [FEE]: FEE_NOTE, 'trend.outlier|appeals.review.total': '旧说明' },
      ifMatch: 0,
    });
    expect(saved.findings.map((f) => `${f.rule}|${f.path}`)).toEqual([FEE]);
    expect(saved.explanations).toEqual({ [FEE]: FEE_NOTE });
    expect(saved.unexplainedCount).toBe(0);
    expect((await getFiling(world.deps.filing, filer, YEAR)).explanations).toEqual({ [FEE]: FEE_NOTE });

    // a save without `explanations` keeps the draft's
    const again = await saveDraft(world.deps.filing, filer, { year: YEAR, report: withFeeWarning(agency), ifMatch: 1 });
    expect(again.explanations).toEqual({ [FEE]: FEE_NOTE });

    // the warning fixed: its explanation goes with it
    const fixed = await saveDraft(world.deps.filing, filer, { year: YEAR, report: cleanReport('2021', agency.name, YEAR), ifMatch: 2 });
    expect(fixed.explanations).toEqual({});
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.explanations).toBeUndefined();
  });

  it('go with the submitted revision and reach the reviewer next to the warning; the board counts the unexplained', async () => {
    const { world, agency, filer, reviewer } = await setup();
    const silent = await world.addAgency(REGION, 'department', { name: '测试县林业局' });
    await saveDraft(world.deps.filing, filer, { year: YEAR, report: withFeeWarning(agency), explanations: { [FEE]: FEE_NOTE }, ifMatch: 0 });
    // submitted without explanations in the body: the draft's carry over
    const submitted = await submitFiling(world.deps.filing, filer, { year: YEAR, report: withFeeWarning(agency) });
    expect(submitted.body.explanations).toEqual({ [FEE]: FEE_NOTE });
    await submitFiling(world.deps.filing, world.filer(silent), { year: YEAR, report: withFeeWarning(silent) });

    const view = await getReviewFiling(world.deps.review, reviewer, { region: REGION, agencyId: agency.id, year: YEAR });
    expect(view.latest?.findings.map((f) => f.rule)).toEqual(['other.fee-report']);
    expect(view.latest?.explanations).toEqual({ [FEE]: FEE_NOTE });
    expect((await world.stores.filings.getRevision(agency.id, YEAR, 1))?.explanations).toEqual({ [FEE]: FEE_NOTE });

    const board = await getBoard(world.deps.review, reviewer, REGION, YEAR);
    const row = (id: string) => board.rows.find((r) => r.agencyId === id)!;
    expect(row(agency.id).unexplainedWarnings).toBe(0);
    expect(row(silent.id).unexplainedWarnings).toBe(1);

    // an amendment with an explanation of its own replaces the earlier one
    await submitFiling(world.deps.filing, world.filer(silent), { year: YEAR, report: withFeeWarning(silent), explanations: { [FEE]: '已收取0元。' } });
    const after = await getBoard(world.deps.review, reviewer, REGION, YEAR);
    expect(after.rows.find((r) => r.agencyId === silent.id)!.unexplainedWarnings).toBe(0);
  });

  it('change the idempotent request: the same key with other explanations is refused', async () => {
    const { world, agency, filer } = await setup();
    const report = withFeeWarning(agency);
    await submitFiling(world.deps.filing, filer, { year: YEAR, report, idempotencyKey: 'k-1', explanations: { [FEE]: FEE_NOTE } });
    const replay = await submitFiling(world.deps.filing, filer, { year: YEAR, report, idempotencyKey: 'k-1', explanations: { [FEE]: FEE_NOTE } });
    expect(replay.replayed).toBe(true);
    await expect(
      submitFiling(world.deps.filing, filer, { year: YEAR, report, idempotencyKey: 'k-1', explanations: { [FEE]: '另一段说明' } }),
    ).rejects.toThrow(/Idempotency-Key/);
  });
});

describe('rollup.mismatch on the government office’s own filing', () => {
  /** A consistent report with `n` applications received from natural persons (all granted). */
  function received(agency: Agency, n: number): Report {
    const r = cleanReport('2021', agency.name, YEAR);
    const apps = r.sections.applications;
    for (const row of ['newReceived', 'carriedForward'] as const) Object.assign(apps[row]!, { natural: n, total: n });
    return r;
  }

  it('compares the office’s figures with the sum of the accepted reports (the office’s own not in it), naming who is missing', async () => {
    const { world, agency: a } = await setup();
    const office = await world.addAgency(REGION, 'government-office', { name: '测试县人民政府办公室' });
    const b = await world.addAgency(REGION, 'department', { name: '测试县统计局' });
    await world.addAgency(REGION, 'township', { name: '测试县城关镇' }); // never files: missing
    const officeFiler = world.filer(office);

    // no accepted report yet: nothing to compare with
    const early = await saveDraft(world.deps.filing, officeFiler, { year: YEAR, report: received(office, 9), ifMatch: 0 });
    expect(early.findings.filter((f) => f.rule === 'rollup.mismatch')).toEqual([]);

    await submitFiling(world.deps.filing, world.filer(a), { year: YEAR, report: received(a, 2) });
    await submitFiling(world.deps.filing, world.filer(b), { year: YEAR, report: received(b, 3) });
    const sum = (await regionRollup(world.deps.review, officeFiler, REGION, YEAR)).report;
    expect(sum.sections.applications.newReceived).toMatchObject({ natural: 5, total: 5 });

    // the sum exactly: no mismatch
    const exact = await saveDraft(world.deps.filing, officeFiler, { year: YEAR, report: { ...sum, agencyName: office.name }, ifMatch: 1 });
    expect(exact.findings.filter((f) => f.rule === 'rollup.mismatch')).toEqual([]);

    // the office adds its own 4 applications: every affected figure differs from the sum
    const own = await saveDraft(world.deps.filing, officeFiler, { year: YEAR, report: received(office, 9), ifMatch: 2 });
    const mismatches = own.findings.filter((f) => f.rule === 'rollup.mismatch');
    expect(mismatches.map((f) => [f.path, f.expected, f.actual])).toContainEqual(['applications.newReceived.natural', 5, 9]);
    expect(mismatches.every((f) => f.severity === 'warning')).toBe(true);
    expect(mismatches[0]!.message).toContain('2 份报告合计');
    expect(mismatches[0]!.message).toContain('另有 1 个单位');
    expect(own.errorCount).toBe(0);

    // the submission carries them too (warnings: it is accepted), and a department never gets them
    const submitted = await submitFiling(world.deps.filing, officeFiler, { year: YEAR, report: received(office, 9) });
    expect(submitted.body.findings.filter((f) => f.rule === 'rollup.mismatch')).toHaveLength(mismatches.length);
    const dept = await submitFiling(world.deps.filing, world.filer(b), { year: YEAR, report: received(b, 7) });
    expect(dept.body.findings.some((f) => f.rule === 'rollup.mismatch')).toBe(false);
  });
});
