/**
 * Who owes what: opening a reporting year writes not_started filings (sparse outstanding index)
 * for every agency owing it, from its region's first year; a later registration is opened too;
 * a submission leaves the index in its own transaction; drafts and the API are unchanged.
 * Year 2046 (the opening scans the whole test table, so other files' agencies get 2046 too).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ReminderPolicy } from '../../functions/domain/reminders/deadline-policy.js';
import { ensureYearsOpened, openYearsForAgency } from '../../functions/services/reporting-years.js';
import type { Agency } from '../../functions/domain/agency.js';
import { api, filerToken, newRegion, reportFor, reviewerToken } from './helpers.js';
import { newContactAgency, reminderStore } from './remind-helpers.js';

const YEAR = 2046;

describe('outstanding filings', () => {
  const late = newRegion();
  const region = newRegion();
  const policy = ReminderPolicy.parse({ regions: { [late]: { firstYear: YEAR + 1 } } });
  let fresh: Agency, drafting: Agency, lateStarter: Agency;

  beforeAll(async () => {
    fresh = await newContactAgency(region, 'department', '甲局', 1);
    drafting = await newContactAgency(region, 'department', '乙局', 1);
    lateStarter = await newContactAgency(late, 'department', '晚县某局', 1);
    const saved = await api(`/api/filings/${YEAR}/draft`, { method: 'PUT', token: await filerToken(drafting), body: reportFor(drafting, YEAR), headers: { 'if-match': '0' } });
    expect(saved.status).toBe(200);
  });

  const outstandingIds = async () => new Set((await reminderStore().listOutstanding(YEAR)).map((f) => f.agencyId));

  it('opening the year writes not_started filings for agencies owing it, once, and leaves drafts alone', async () => {
    const opened = await ensureYearsOpened(reminderStore(), policy, [YEAR], new Date().toISOString());
    expect(opened).toHaveLength(1);
    expect(opened[0]!.filings).toBeGreaterThanOrEqual(1);
    expect(await ensureYearsOpened(reminderStore(), policy, [YEAR], new Date().toISOString())).toEqual([]);

    const ids = await outstandingIds();
    expect(ids.has(fresh.id)).toBe(true);
    expect(ids.has(drafting.id)).toBe(true);
    expect(ids.has(lateStarter.id)).toBe(false);
    const read = await api(`/api/filings/${YEAR}`, { token: await filerToken(drafting) });
    expect(read.body).toMatchObject({ status: 'draft', version: 1 });
  });

  it('an agency registered after the opening owes the opened year too', async () => {
    const newcomer = await newContactAgency(region, 'township', '新设镇人民政府', 1);
    expect(await openYearsForAgency(reminderStore(), policy, newcomer, new Date().toISOString())).toContain(YEAR);
    expect((await outstandingIds()).has(newcomer.id)).toBe(true);
  });

  it('an opened filing reads as not started at version 0 (filer and reviewer), is submitted at If-Match 0, and leaves the index', async () => {
    const token = await filerToken(fresh);
    expect((await api(`/api/filings/${YEAR}`, { token })).body).toMatchObject({ status: 'not_started', version: 0, revisions: [] });
    const board = await api(`/api/regions/${region}/filings?year=${YEAR}&status=not_started`, { token: await reviewerToken(region) });
    expect(board.body.filings.map((f: { agencyId: string }) => f.agencyId)).toContain(fresh.id);
    expect(board.body.filings.find((f: { agencyId: string }) => f.agencyId === fresh.id)).toMatchObject({ status: 'not_started', version: 0 });

    const submitted = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token, body: reportFor(fresh, YEAR), headers: { 'if-match': '0' } });
    expect(submitted.status).toBe(201);
    const ids = await outstandingIds();
    expect(ids.has(fresh.id)).toBe(false);
    expect(ids.has(drafting.id)).toBe(true);
  });

  it('costs what is outstanding: the query reads only outstanding filings, not the registry', async () => {
    const store = reminderStore();
    const list = await store.listOutstanding(YEAR);
    expect(store.stats.itemsRead).toBe(list.length);
    expect(list.every((f) => ['not_started', 'draft', 'returned'].includes(f.status))).toBe(true);
  });
});
