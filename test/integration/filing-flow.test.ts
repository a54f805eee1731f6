import { describe, expect, it } from 'vitest';
import { api, fileLastYear, filerToken, newAgency, newRegion, reportFor, reviewerToken, store, withCarry } from './helpers.js';

describe('filing flow through the local API', () => {
  it('answers the health check', async () => {
    const res = await api('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'ok', storage: 'ok' } });
  });

  it('shows a filing nobody has started as not_started at version 0', async () => {
    const agency = await newAgency(newRegion());
    const res = await api('/api/filings/2024', { token: await filerToken(agency) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'not_started', version: 0, draft: null, revisions: [], previousYear: null, template: '2021' });
    expect(res.body.agency).toMatchObject({ id: agency.id, name: agency.name });
  });

  it('saves an incomplete draft, returns the new version and the findings as advice', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    const draft = { agencyName: agency.name, year: 2024, template: '2021', sections: { overview: '草稿' } };
    const saved = await api('/api/filings/2024/draft', { method: 'PUT', token, body: draft, headers: { 'if-match': '0' } });
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.headers.get('etag')).toBe('"1"');
    expect(saved.body.status).toBe('draft');
    expect(saved.body.errorCount).toBeGreaterThan(0);
    expect(saved.body.findings.some((f: { rule: string }) => f.rule === 'required.missing')).toBe(true);

    const read = await api('/api/filings/2024', { token });
    expect(read.body).toMatchObject({ status: 'draft', version: 1, errorCount: saved.body.errorCount });
    expect(read.body.draft.sections.overview).toBe('草稿');
    expect(read.body.draft.agencyId).toBe(agency.id);
  });

  it('submits a clean report as revision 1 with status submitted, and keeps it through an amendment', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    const first = reportFor(agency, 2024);
    const submitted = await api('/api/filings/2024/submit', { method: 'POST', token, body: first });
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ status: 'submitted', revision: 1, version: 1, agencyId: agency.id });

    const amended = { ...reportFor(agency, 2024), sections: { ...first.sections, other: '补充说明：本年度未收取信息处理费。' } };
    const second = await api('/api/filings/2024/submit', { method: 'POST', token, body: amended });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ revision: 2, version: 2 });

    const read = await api('/api/filings/2024', { token });
    expect(read.body.status).toBe('submitted');
    expect(read.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    const kept = await store().getRevision(agency.id, 2024, 1);
    expect(kept?.report.sections.other).toBe(first.sections.other);
    const latest = await store().getRevision(agency.id, 2024, 2);
    expect(latest?.report.sections.other).toBe('补充说明：本年度未收取信息处理费。');
  });

  it('refuses a report with errors with 422 and every finding, accepts nothing, and records a failed-check event', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    const bad = reportFor(agency, 2024);
    bad.sections.applications.newReceived!.natural = 5; // breaks the column total and the balance
    bad.sections.appeals.review!.total = 9;

    const res = await api('/api/filings/2024/submit', { method: 'POST', token, body: bad });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('check-failed');
    expect(res.body.error.message).toMatch(/错误/);
    const rules = new Set(res.body.error.findings.map((f: { rule: string }) => f.rule));
    expect(rules).toEqual(new Set(['applications.column-total', 'applications.balance', 'appeals.total']));
    expect(res.body.error.errorCount).toBe(res.body.error.findings.length);

    const read = await api('/api/filings/2024', { token });
    expect(read.body).toMatchObject({ status: 'not_started', version: 0, revisions: [] });
    const events = await store().listEvents(agency.id);
    const failed = events.filter((e) => e.type === 'filing.check-failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ year: 2024, region: agency.region, detail: { errorCount: res.body.error.errorCount } });
  });

  it("offers last year's 四 and checks this year's 二 against it on submit", async () => {
    const agency = await newAgency(newRegion(), 'township');
    await fileLastYear(agency, 2);
    const token = await filerToken(agency);

    const read = await api('/api/filings/2024', { token });
    expect(read.body.previousYear).toMatchObject({ year: 2023, revision: 1 });
    expect(read.body.previousYear.carriedForward).toMatchObject({ natural: 2, business: 0, total: 2 });

    const ignoresCarry = await api('/api/filings/2024/submit', { method: 'POST', token, body: reportFor(agency, 2024) });
    expect(ignoresCarry.status).toBe(422);
    const continuity = ignoresCarry.body.error.findings.filter((f: { rule: string }) => f.rule === 'carryover.continuity');
    expect(continuity.map((f: { path: string }) => f.path)).toEqual(
      expect.arrayContaining(['applications.carriedOver.natural']),
    );

    const carries = await api('/api/filings/2024/submit', { method: 'POST', token, body: withCarry(reportFor(agency, 2024), 2, 0) });
    expect(carries.status).toBe(201);
  });

  it("lists every agency of the reviewer's region with status, last submission time and error count", async () => {
    const region = newRegion();
    const [submitted, drafting, idle] = [await newAgency(region), await newAgency(region, 'township'), await newAgency(region)];
    const other = await newAgency(newRegion());
    await api('/api/filings/2024/submit', { method: 'POST', token: await filerToken(submitted), body: reportFor(submitted, 2024) });
    await api('/api/filings/2024/draft', {
      method: 'PUT',
      token: await filerToken(drafting),
      headers: { 'if-match': '0' },
      body: { agencyName: drafting.name, year: 2024, template: '2021' },
    });
    await api('/api/filings/2024/submit', { method: 'POST', token: await filerToken(other), body: reportFor(other, 2024) });
    const token = await reviewerToken(region);

    const all = await api(`/api/regions/${region}/filings?year=2024`, { token });
    expect(all.status).toBe(200);
    const byId = Object.fromEntries(all.body.filings.map((f: { agencyId: string }) => [f.agencyId, f]));
    expect(Object.keys(byId).sort()).toEqual([submitted.id, drafting.id, idle.id].sort());
    expect(byId[submitted.id]).toMatchObject({ status: 'submitted', errorCount: 0, revisions: 1 });
    expect(byId[submitted.id].lastSubmittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(byId[drafting.id].status).toBe('draft');
    expect(byId[drafting.id].errorCount).toBeGreaterThan(0);
    expect(byId[idle.id]).toMatchObject({ status: 'not_started', lastSubmittedAt: null });
    expect(all.body.counts).toMatchObject({ submitted: 1, draft: 1, not_started: 1 });

    const onlySubmitted = await api(`/api/regions/${region}/filings?year=2024&status=submitted`, { token });
    expect(onlySubmitted.body.filings.map((f: { agencyId: string }) => f.agencyId)).toEqual([submitted.id]);
    const onlyIdle = await api(`/api/regions/${region}/filings?year=2024&status=not_started`, { token });
    expect(onlyIdle.body.filings.map((f: { agencyId: string }) => f.agencyId)).toEqual([idle.id]);
  });

  it('lets a reviewer read a filing of their region', async () => {
    const region = newRegion();
    const agency = await newAgency(region);
    await api('/api/filings/2024/submit', { method: 'POST', token: await filerToken(agency), body: reportFor(agency, 2024) });
    const res = await api(`/api/filings/2024?agency=${agency.id}`, { token: await reviewerToken(region) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', agency: { id: agency.id } });
  });
});
