/**
 * The filing use cases (functions/services/filings.ts) on the in-memory ports: draft saves with
 * If-Match, version conflicts, submissions refused or accepted by the rules, idempotent replay,
 * amendments, and who may touch what. test/integration/filing-flow.test.ts and
 * concurrency.test.ts run the same scenarios through the API against DynamoDB Local.
 */
import { describe, expect, it } from 'vitest';
import { getFiling, listRegionFilings, saveDraft, submitFiling } from '../../functions/services/filings.js';
import {
  CheckFailedError,
  ForbiddenError,
  IdempotencyKeyReuseError,
  PreconditionRequiredError,
  VersionConflictError,
} from '../../functions/services/errors.js';
import { Report } from '../../functions/domain/report.js';
import { CLEAN_TEXTS, cleanReport } from '../support/consistent-report.js';
import { memoryWorld } from '../support/memory/memory-world.js';
import { MemoryFilingStore } from '../support/memory/memory-filing-store.js';
import type { Agency } from '../../functions/domain/agency.js';

const YEAR = 2024;
const REGION = '411325';

const reportFor = (agency: Agency, year = YEAR): Report => cleanReport('2021', agency.name, year);

/** Breaks the applications' column total and balance, and the appeals' total: three errors. */
function badReport(agency: Agency): Report {
  const bad = reportFor(agency);
  bad.sections.applications.newReceived!.natural = 5;
  bad.sections.appeals.review!.total = 9;
  return bad;
}

async function setup() {
  const world = memoryWorld();
  const agency = await world.addAgency(REGION);
  return { world, agency, caller: world.filer(agency), deps: world.deps.filing };
}

describe('saving a draft', () => {
  it('requires If-Match, creates version 1 from 0, and keeps findings as advice', async () => {
    const { agency, caller, deps } = await setup();
    const draft = Report.parse({ agencyName: agency.name, year: YEAR, template: '2021', sections: { overview: '草稿' } });
    await expect(saveDraft(deps, caller, { year: YEAR, report: draft, ifMatch: undefined })).rejects.toBeInstanceOf(PreconditionRequiredError);

    const saved = await saveDraft(deps, caller, { year: YEAR, report: draft, ifMatch: 0 });
    expect(saved).toMatchObject({ status: 'draft', version: 1 });
    expect(saved.errorCount).toBeGreaterThan(0);
    expect(saved.findings.some((f) => f.rule === 'required.missing')).toBe(true);

    const view = await getFiling(deps, caller, YEAR);
    expect(view).toMatchObject({ status: 'draft', version: 1, errorCount: saved.errorCount, revisions: [] });
    expect(view.draft?.sections.overview).toBe('草稿');
    expect(view.draft?.agencyId).toBe(agency.id);
  });

  it('refuses a stale If-Match with the current version (409), and writes nothing', async () => {
    const { agency, caller, deps, world } = await setup();
    await saveDraft(deps, caller, { year: YEAR, report: reportFor(agency), ifMatch: 0 });
    await saveDraft(deps, caller, { year: YEAR, report: reportFor(agency), ifMatch: 1 });
    const stale = saveDraft(deps, caller, { year: YEAR, report: { ...reportFor(agency), sections: { ...reportFor(agency).sections, other: '旧窗口' } }, ifMatch: 1 });
    await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
    await expect(stale).rejects.toMatchObject({ currentVersion: 2 });
    const stored = await world.stores.filings.getFiling(agency.id, YEAR);
    expect(stored?.version).toBe(2);
    expect(stored?.draft?.sections.other).toBe(CLEAN_TEXTS.other);
  });

  it('two windows saving from the same version: exactly one wins, the other gets a conflict', async () => {
    const { agency, caller, world } = await setup();
    // Two processes (each its own store over the one table), both having read version 0.
    const a = { ...world.deps.filing, store: new MemoryFilingStore(world.tables) };
    const b = { ...world.deps.filing, store: new MemoryFilingStore(world.tables) };
    const results = await Promise.allSettled([
      saveDraft(a, caller, { year: YEAR, report: reportFor(agency), ifMatch: 0 }),
      saveDraft(b, caller, { year: YEAR, report: reportFor(agency), ifMatch: 0 }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toBeInstanceOf(VersionConflictError);
    expect(refused.reason.currentVersion).toBe(1);
  });

  it('a save after a submission keeps the submitted status and revision', async () => {
    const { agency, caller, deps } = await setup();
    await submitFiling(deps, caller, { year: YEAR, report: reportFor(agency) });
    const saved = await saveDraft(deps, caller, { year: YEAR, report: reportFor(agency), ifMatch: 1 });
    expect(saved).toMatchObject({ status: 'submitted', version: 2 });
    const view = await getFiling(deps, caller, YEAR);
    expect(view.revisions.map((r) => r.revision)).toEqual([1]);
  });
});

describe('submitting', () => {
  it('refuses a report with errors (CheckFailedError), accepts nothing, and records one failed-check event', async () => {
    const { agency, caller, deps, world } = await setup();
    const refused = await submitFiling(deps, caller, { year: YEAR, report: badReport(agency) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(CheckFailedError);
    const rules = new Set((refused as CheckFailedError).findings.filter((f) => f.severity === 'error').map((f) => f.rule));
    expect(rules).toEqual(new Set(['applications.column-total', 'applications.balance', 'appeals.total']));

    const view = await getFiling(deps, caller, YEAR);
    expect(view).toMatchObject({ status: 'not_started', version: 0, revisions: [] });
    const events = await world.stores.filings.listEvents(agency.id);
    expect(events.map((e) => e.type)).toEqual(['filing.check-failed']);
    expect(events[0]).toMatchObject({ year: YEAR, region: REGION, detail: { errorCount: 3, emails: agency.emails } });
  });

  it('accepts a report with warnings only, as revision 1, keeping the warnings', async () => {
    const { agency, caller, deps, world } = await setup();
    const report = reportFor(agency);
    report.sections.overview = '主动公开工作有序推进。'.repeat(120); // over a thousand characters: a warning, not an error
    const result = await submitFiling(deps, caller, { year: YEAR, report });
    expect(result.status).toBe(201);
    expect(result.body).toMatchObject({ status: 'submitted', revision: 1, version: 1, agencyId: agency.id });
    const warnings = result.body.findings.filter((f) => f.severity === 'warning');
    expect(warnings.map((f) => f.rule)).toEqual(['overview.length']);
    expect(result.body.findings.every((f) => f.severity !== 'error')).toBe(true);
    const revision = await world.stores.filings.getRevision(agency.id, YEAR, 1);
    expect(revision?.findings).toEqual(result.body.findings);
    expect((await getFiling(deps, caller, YEAR)).revisions).toEqual([{ revision: 1, submittedAt: result.body.submittedAt, warningCount: warnings.length }]);
  });

  it('an amendment creates revision 2 and keeps revision 1 unchanged', async () => {
    const { agency, caller, deps, world } = await setup();
    const first = reportFor(agency);
    await submitFiling(deps, caller, { year: YEAR, report: first });
    world.time.advance(60_000);
    const amended = { ...reportFor(agency), sections: { ...first.sections, other: '补充说明：本年度未收取信息处理费。' } };
    const second = await submitFiling(deps, caller, { year: YEAR, report: amended });
    expect(second.body).toMatchObject({ revision: 2, version: 2 });
    const view = await getFiling(deps, caller, YEAR);
    expect(view.revisions.map((r) => r.revision)).toEqual([1, 2]);
    expect(view.revisions[1]!.submittedAt > view.revisions[0]!.submittedAt).toBe(true);
    expect((await world.stores.filings.getRevision(agency.id, YEAR, 1))?.report.sections.other).toBe(CLEAN_TEXTS.other);
    expect((await world.stores.filings.getRevision(agency.id, YEAR, 2))?.report.sections.other).toBe('补充说明：本年度未收取信息处理费。');
  });

  it('replays the stored answer for a repeated Idempotency-Key, making no second revision', async () => {
    const { agency, caller, deps, world } = await setup();
    const report = reportFor(agency);
    const first = await submitFiling(deps, caller, { year: YEAR, report, idempotencyKey: 'key-1' });
    world.time.advance(5_000);
    const again = await submitFiling(deps, caller, { year: YEAR, report, idempotencyKey: 'key-1' });
    expect(first.replayed).toBe(false);
    expect(again).toEqual({ ...first, replayed: true });
    expect((await getFiling(deps, caller, YEAR)).revisions).toHaveLength(1);

    const other = { ...report, sections: { ...report.sections, other: '不同的内容' } };
    await expect(submitFiling(deps, caller, { year: YEAR, report: other, idempotencyKey: 'key-1' })).rejects.toBeInstanceOf(IdempotencyKeyReuseError);
  });

  it('two retries of one submission racing each other make one revision; the loser replays the winner', async () => {
    const { agency, caller, world } = await setup();
    const report = reportFor(agency);
    const a = { ...world.deps.filing, store: new MemoryFilingStore(world.tables) };
    const b = { ...world.deps.filing, store: new MemoryFilingStore(world.tables) };
    const [x, y] = await Promise.all([
      submitFiling(a, caller, { year: YEAR, report, idempotencyKey: 'race' }),
      submitFiling(b, caller, { year: YEAR, report, idempotencyKey: 'race' }),
    ]);
    expect([x.replayed, y.replayed].sort()).toEqual([false, true]);
    expect(x.body).toEqual(y.body);
    expect(await world.stores.filings.listRevisions(agency.id, YEAR)).toHaveLength(1);
  });

  it('with If-Match a stale version is refused; without it a concurrent draft save is retried over', async () => {
    const { agency, caller, deps } = await setup();
    await saveDraft(deps, caller, { year: YEAR, report: reportFor(agency), ifMatch: 0 });
    await saveDraft(deps, caller, { year: YEAR, report: reportFor(agency), ifMatch: 1 });
    await expect(submitFiling(deps, caller, { year: YEAR, report: reportFor(agency), ifMatch: 1 })).rejects.toMatchObject({ currentVersion: 2 });
    const ok = await submitFiling(deps, caller, { year: YEAR, report: reportFor(agency), ifMatch: 2 });
    expect(ok.body).toMatchObject({ revision: 1, version: 3 });
  });

  it("checks this year's carried-over applications against last year's accepted revision", async () => {
    const { agency, caller, deps } = await setup();
    const last = reportFor(agency, YEAR - 1);
    const apps = last.sections.applications;
    for (const row of ['newReceived', 'carriedForward'] as const) Object.assign(apps[row]!, { natural: 2, total: 2 });
    await submitFiling(deps, caller, { year: YEAR - 1, report: last });
    expect((await getFiling(deps, caller, YEAR)).previousYear).toMatchObject({ year: YEAR - 1, revision: 1, carriedForward: { natural: 2, total: 2 } });
    const ignores = await submitFiling(deps, caller, { year: YEAR, report: reportFor(agency) }).catch((e: unknown) => e);
    expect(ignores).toBeInstanceOf(CheckFailedError);
    expect((ignores as CheckFailedError).findings.map((f) => f.rule)).toContain('carryover.continuity');
  });
});

describe('who may touch what', () => {
  it("a filer cannot read, save or submit another agency's report, nor one naming another agency", async () => {
    const { world, caller, deps, agency } = await setup();
    const other = await world.addAgency(REGION);
    await expect(getFiling(deps, caller, YEAR, other.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveDraft(deps, caller, { agencyId: other.id, year: YEAR, report: reportFor(other), ifMatch: 0 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(submitFiling(deps, caller, { agencyId: other.id, year: YEAR, report: reportFor(other) })).rejects.toBeInstanceOf(ForbiddenError);
    const naming = { ...reportFor(agency), agencyId: other.id };
    await expect(submitFiling(deps, caller, { year: YEAR, report: naming })).rejects.toBeInstanceOf(ForbiddenError);
    expect(world.tables.filings.size).toBe(0);
    expect(world.tables.revisions.size).toBe(0);
  });

  it('a reviewer reads filings of their region only, and cannot save or submit', async () => {
    const { world, agency, deps, caller } = await setup();
    await submitFiling(deps, caller, { year: YEAR, report: reportFor(agency) });
    const reviewer = world.reviewer(REGION);
    expect(await getFiling(deps, reviewer, YEAR, agency.id)).toMatchObject({ status: 'submitted', agency: { id: agency.id } });
    await expect(getFiling(deps, world.reviewer('411326'), YEAR, agency.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveDraft(deps, reviewer, { agencyId: agency.id, year: YEAR, report: reportFor(agency), ifMatch: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listRegionFilings(deps, caller, REGION, YEAR)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("lists every agency of the reviewer's region with its status, and filters by status", async () => {
    const { world, deps } = await setup();
    const region = '411330';
    const [submitted, drafting, idle] = [await world.addAgency(region), await world.addAgency(region, 'township'), await world.addAgency(region)];
    const elsewhere = await world.addAgency('411331');
    await submitFiling(deps, world.filer(submitted), { year: YEAR, report: reportFor(submitted) });
    await saveDraft(deps, world.filer(drafting), { year: YEAR, report: Report.parse({ agencyName: drafting.name, year: YEAR, template: '2021' }), ifMatch: 0 });
    await submitFiling(deps, world.filer(elsewhere), { year: YEAR, report: reportFor(elsewhere) });
    const all = await listRegionFilings(deps, world.reviewer(region), region, YEAR);
    const byId = new Map(all.filings.map((f) => [f.agencyId, f]));
    expect([...byId.keys()].sort()).toEqual([submitted.id, drafting.id, idle.id].sort());
    expect(byId.get(submitted.id)).toMatchObject({ status: 'submitted', revisions: 1, errorCount: 0 });
    expect(byId.get(drafting.id)?.status).toBe('draft');
    expect(byId.get(idle.id)).toMatchObject({ status: 'not_started', lastSubmittedAt: null });
    expect(all.counts).toMatchObject({ submitted: 1, draft: 1, not_started: 1 });
    const idleOnly = await listRegionFilings(deps, world.reviewer(region), region, YEAR, 'not_started');
    expect(idleOnly.filings.map((f) => f.agencyId)).toEqual([idle.id]);
  });
});
