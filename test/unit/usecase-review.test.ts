/**
 * The reviewing office's use cases (functions/services/review.ts) on the in-memory ports: the
 * board's counts, return with comments then resubmission, the publish gate (approval in a
 * review-required region publishes), stale approvals and returns, the roll-up.
 * test/integration/review-flow.test.ts and review-rollup.test.ts run these against the stand-ins.
 */
import { describe, expect, it } from 'vitest';
import { getFiling, saveDraft, submitFiling } from '../../functions/services/filings.js';
import { approveFiling, getBoard, getReviewFiling, regionRollup, returnFiling, setRegionSettings } from '../../functions/services/review.js';
import { ForbiddenError, InputError, StateConflictError } from '../../functions/services/errors.js';
import { cleanReport } from '../support/consistent-report.js';
import { memoryWorld } from '../support/memory/memory-world.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { Report } from '../../functions/domain/report.js';

const YEAR = 2024;
const REGION = '411325';

const reportFor = (agency: Agency): Report => cleanReport('2021', agency.name, YEAR);

async function setup(review: 'none' | 'required') {
  const world = memoryWorld({ now: '2025-01-10T02:00:00.000Z' });
  await setRegionSettings(world.deps.review, REGION, { review }, 'test');
  const agency = await world.addAgency(REGION, 'township');
  return { world, agency, filer: world.filer(agency), reviewer: world.reviewer(REGION) };
}

describe('the board', () => {
  it('counts each status, failed attempts and overdue agencies, with days to the deadline', async () => {
    const { world, agency, filer, reviewer } = await setup('none');
    const failing = await world.addAgency(REGION, 'department', { name: '测试县审计局' });
    const idle = await world.addAgency(REGION, 'department', { name: '测试县统计局' });
    const drafting = await world.addAgency(REGION, 'department', { name: '测试县林业局' });
    await submitFiling(world.deps.filing, filer, { year: YEAR, report: reportFor(agency) });
    const bad = reportFor(failing);
    bad.sections.applications.newReceived!.natural = 5;
    await expect(submitFiling(world.deps.filing, world.filer(failing), { year: YEAR, report: bad })).rejects.toThrow(/错误/);
    await saveDraft(world.deps.filing, world.filer(drafting), { year: YEAR, report: reportFor(drafting), ifMatch: 0 });
    // The failed-check window is written by the notifier from the stream; the submission publishes.
    await world.deliver();

    const board = await getBoard(world.deps.review, reviewer, REGION, YEAR);
    expect(board).toMatchObject({ region: REGION, year: YEAR, today: '2025-01-10', review: 'none' });
    expect(board.counts).toMatchObject({ total: 4, published: 1, not_started: 2, draft: 1, failed: 1, overdue: 0 });
    const rows = new Map(board.rows.map((r) => [r.agencyId, r]));
    expect(rows.get(idle.id)).toMatchObject({ status: 'not_started', lastAttempt: null, deadline: '2025-01-31', daysLeft: 21, overdue: false });
    expect(rows.get(failing.id)).toMatchObject({ status: 'not_started', lastAttempt: { ok: false, errorCount: 2 } });
    expect(rows.get(agency.id)).toMatchObject({ status: 'published', lastAttempt: { ok: true, errorCount: 0 }, revisions: 1 });

    // Past the deadline the outstanding ones are overdue; the published one is not.
    world.time.set('2025-02-02T02:00:00.000Z');
    const late = await getBoard(world.deps.review, reviewer, REGION, YEAR);
    expect(late.counts.overdue).toBe(3);
    expect(late.rows.find((r) => r.agencyId === idle.id)).toMatchObject({ daysLeft: -2, overdue: true });
    await expect(getBoard(world.deps.review, world.reviewer('411326'), REGION, YEAR)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe('return with comments', () => {
  it('returns the filing (outstanding again, comments shown until the next submission), then a resubmission clears them', async () => {
    const { world, agency, filer, reviewer } = await setup('required');
    await submitFiling(world.deps.filing, filer, { year: YEAR, report: reportFor(agency) });
    expect((await world.stores.reminders.listOutstanding(YEAR)).map((o) => o.agencyId)).toEqual([]);
    world.time.advance(60_000);

    const cells = { 'applications.newReceived.natural': '本年新收与台账不符', overview: '总体情况过于简略' };
    const returned = await returnFiling(world.deps.review, reviewer, { region: REGION, agencyId: agency.id, year: YEAR, revision: 1, comment: '请核对后重新提交', cells });
    expect(returned).toEqual({ status: 'returned', revision: 1, returnedAt: world.time.iso() });
    expect(await world.stores.reminders.listOutstanding(YEAR)).toEqual([expect.objectContaining({ agencyId: agency.id, status: 'returned' })]);

    const seen = await getFiling(world.deps.filing, filer, YEAR);
    expect(seen.status).toBe('returned');
    expect(seen.returned).toMatchObject({ comment: '请核对后重新提交', cells, revision: 1 });

    // A draft save keeps both the status and the comments.
    world.time.advance(60_000);
    await saveDraft(world.deps.filing, filer, { year: YEAR, report: reportFor(agency), ifMatch: seen.version });
    const afterSave = await getFiling(world.deps.filing, filer, YEAR);
    expect(afterSave).toMatchObject({ status: 'returned', returned: { comment: '请核对后重新提交' } });

    world.time.advance(60_000);
    const again = await submitFiling(world.deps.filing, filer, { year: YEAR, report: reportFor(agency) });
    expect(again.body).toMatchObject({ status: 'awaiting_approval', revision: 2 });
    const afterSubmit = await getFiling(world.deps.filing, filer, YEAR);
    expect(afterSubmit.returned).toBeNull();
    expect(await world.stores.reminders.listOutstanding(YEAR)).toEqual([]);

    const view = await getReviewFiling(world.deps.review, reviewer, { region: REGION, agencyId: agency.id, year: YEAR });
    expect(view.audit.map((e) => e.type)).toEqual(['filing.submitted', 'filing.returned', 'draft.saved', 'filing.submitted']);
  });

  it('refuses comments on cells the template lacks, an empty return, and a return of a stale revision', async () => {
    const { world, agency, filer, reviewer } = await setup('none');
    await submitFiling(world.deps.filing, filer, { year: YEAR, report: reportFor(agency) });
    const base = { region: REGION, agencyId: agency.id, year: YEAR, revision: 1 };
    await expect(returnFiling(world.deps.review, reviewer, { ...base, comment: '', cells: { 'applications.nope.natural': 'x' } })).rejects.toBeInstanceOf(InputError);
    await expect(returnFiling(world.deps.review, reviewer, { ...base, comment: '  ', cells: {} })).rejects.toBeInstanceOf(InputError);
    await submitFiling(world.deps.filing, filer, { year: YEAR, report: { ...reportFor(agency), sections: { ...reportFor(agency).sections, other: '第二版' } } });
    await expect(returnFiling(world.deps.review, reviewer, { ...base, comment: '旧版', cells: {} })).rejects.toBeInstanceOf(StateConflictError);
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('submitted');
  });
});

describe('the publish gate', () => {
  it('in a review-required region an accepted report waits unpublished; approval publishes it, once', async () => {
    const { world, agency, filer, reviewer } = await setup('required');
    const submitted = await submitFiling(world.deps.filing, filer, { year: YEAR, report: reportFor(agency) });
    expect(submitted.body.status).toBe('awaiting_approval');
    await world.deliver();
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('awaiting_approval');
    expect(world.bucket.objects.size).toBe(0);
    expect((await getBoard(world.deps.review, reviewer, REGION, YEAR)).counts.awaiting_approval).toBe(1);

    world.time.advance(3_600_000);
    const approved = await approveFiling(world.deps.review, reviewer, { region: REGION, agencyId: agency.id, year: YEAR, revision: 1 });
    expect(approved).toEqual({ status: 'submitted', revision: 1, approvedAt: world.time.iso() });
    expect((await world.deliver()).failed).toEqual([]);
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('published');
    expect(world.bucket.body(`${REGION}/${YEAR}/${agency.id}/index.html`)).toContain(agency.name);

    await expect(approveFiling(world.deps.review, reviewer, { region: REGION, agencyId: agency.id, year: YEAR, revision: 1 })).rejects.toBeInstanceOf(StateConflictError);
  });

  it('approving a revision that is no longer the newest is refused, and the newest still waits', async () => {
    const { world, agency, filer, reviewer } = await setup('required');
    await submitFiling(world.deps.filing, filer, { year: YEAR, report: reportFor(agency) });
    await submitFiling(world.deps.filing, filer, { year: YEAR, report: { ...reportFor(agency), sections: { ...reportFor(agency).sections, other: '更正' } } });
    await expect(approveFiling(world.deps.review, reviewer, { region: REGION, agencyId: agency.id, year: YEAR, revision: 1 })).rejects.toBeInstanceOf(StateConflictError);
    await world.deliver();
    expect(world.bucket.objects.size).toBe(0);
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('awaiting_approval');
  });

  it('in a region without review the report is published at once', async () => {
    const { world, agency, filer } = await setup('none');
    expect((await submitFiling(world.deps.filing, filer, { year: YEAR, report: reportFor(agency) })).body.status).toBe('submitted');
    await world.deliver();
    expect((await world.stores.filings.getFiling(agency.id, YEAR))?.status).toBe('published');
  });
});

describe('the roll-up', () => {
  it('sums the newest accepted revision of each agency, and names who is missing', async () => {
    const { world, reviewer, agency: township } = await setup('none');
    const office = await world.addAgency(REGION, 'government-office', { name: '测试县人民政府办公室' });
    const [a, b, c] = [await world.addAgency(REGION), await world.addAgency(REGION), await world.addAgency(REGION)];
    const withReceived = (agency: Agency, n: number) => {
      const r = reportFor(agency);
      for (const row of ['newReceived', 'carriedForward'] as const) Object.assign(r.sections.applications[row]!, { natural: n, total: n });
      return r;
    };
    await submitFiling(world.deps.filing, world.filer(a), { year: YEAR, report: withReceived(a, 1) });
    await submitFiling(world.deps.filing, world.filer(a), { year: YEAR, report: withReceived(a, 4) });
    await submitFiling(world.deps.filing, world.filer(b), { year: YEAR, report: withReceived(b, 2) });
    const rollup = await regionRollup(world.deps.review, reviewer, REGION, YEAR);
    expect(rollup.report.agencyId).toBe(office.id);
    expect(rollup.report.sections.applications.newReceived).toMatchObject({ natural: 6, total: 6 });
    expect(rollup.coverage).toMatchObject({ included: 2, of: 4 });
    expect(rollup.coverage.agencies.find((x) => x.agencyId === a.id)?.revision).toBe(2);
    expect(rollup.coverage.missing.map((m) => m.agencyId).sort()).toEqual([c.id, township.id].sort());
    await expect(regionRollup(world.deps.review, world.filer(a), REGION, YEAR)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await regionRollup(world.deps.review, world.filer(office), REGION, YEAR)).coverage.included).toBe(2);
  });
});
