/**
 * The reviewing office's workflow against the stand-ins: the publish gate (awaiting approval →
 * approval publishes through the stream), return with comments (outstanding again, e-mail with
 * escaped comments, shown to the filer until the next submission), a draft save racing a
 * status transition, the board, revisions' differences. Year 2046.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifyHandler } from '../../functions/handlers/notify-stream.js';
import { DynamoDbReviewStore } from '../../functions/adapters/dynamodb-review-store.js';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { setRegionSettings } from '../../functions/services/review.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { StreamPump } from '../../local/stream-pump.js';
import { api, clock, env, filerToken, newRegion, reportFor, reviewerToken, startAgenciesPump, store, testConfig } from './helpers.js';
import { decodedMime, mailTo, newContactAgency, reminderDeps, reminderStore } from './remind-helpers.js';
import { depsFor, getObject, startTestPublishing, waitForStatus, type TestPublishing } from './publish-helpers.js';
import { BOM } from '../../functions/render/csv.js';

const YEAR = 2046;

let publishing: TestPublishing;
let notifyPump: StreamPump;
let review: DynamoDbReviewStore;

beforeAll(async () => {
  publishing = await startTestPublishing(depsFor());
  const deps = reminderDeps();
  const own = new Set<string>();
  notifyPump = await startAgenciesPump(own, createNotifyHandler(() => deps), { pollMs: 100 });
  notified = own;
  const cfg = testConfig();
  review = new DynamoDbReviewStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE);
});

let notified: Set<string>;

afterAll(async () => {
  await publishing?.stop();
  await notifyPump?.stop();
});

async function setup(reviewMode: 'none' | 'required', kind: Agency['kind'] = 'township') {
  const region = newRegion();
  await setRegionSettings({ settings: review, clock }, region, { review: reviewMode }, 'test');
  const agency = await newContactAgency(region, kind, `测试${region}镇人民政府`);
  publishing.agencies.add(agency.id);
  notified.add(agency.id);
  return { region, agency, filer: await filerToken(agency), reviewer: await reviewerToken(region) };
}

const pagePath = (a: Agency) => `${a.region}/${YEAR}/${a.id}/index.html`;

async function idle(ms = 1500) {
  await new Promise((r) => setTimeout(r, ms));
}

describe('publish gate', () => {
  it('with review required an accepted report waits, unpublished, until the reviewer approves it; approval publishes it', async () => {
    const { agency, filer, reviewer, region } = await setup('required');
    const submitted = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    expect(submitted.status).toBe(201);
    expect(submitted.body.status).toBe('awaiting_approval');
    await idle();
    expect((await store().getFiling(agency.id, YEAR))?.status).toBe('awaiting_approval');
    expect(await getObject(pagePath(agency))).toBeUndefined();

    const board = await api(`/api/regions/${region}/board?year=${YEAR}`, { token: reviewer });
    expect(board.body.review).toBe('required');
    expect(board.body.counts.awaiting_approval).toBe(1);

    const approved = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/approve`, { method: 'POST', token: reviewer, body: { revision: 1 } });
    expect(approved.status).toBe(200);
    await waitForStatus(agency.id, YEAR, 'published', 1);
    expect((await getObject(pagePath(agency)))?.body).toContain(agency.name);

    const again = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/approve`, { method: 'POST', token: reviewer, body: { revision: 1 } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('state-conflict');
  });

  it('with review none (the default) an accepted report is published at once', async () => {
    const { agency, filer } = await setup('none');
    const submitted = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    expect(submitted.body.status).toBe('submitted');
    await waitForStatus(agency.id, YEAR, 'published', 1);
  });

  it('approving a revision that is no longer the newest is refused, and the newest still waits', async () => {
    const { agency, filer, reviewer, region } = await setup('required');
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    const amended = { ...reportFor(agency, YEAR), sections: { ...reportFor(agency, YEAR).sections, other: '更正' } };
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: amended });
    const stale = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/approve`, { method: 'POST', token: reviewer, body: { revision: 1 } });
    expect(stale.status).toBe(409);
    await idle();
    expect(await getObject(pagePath(agency))).toBeUndefined();
    expect((await store().getFiling(agency.id, YEAR))?.status).toBe('awaiting_approval');
  });
});

describe('return with comments', () => {
  it('returns the filing: outstanding again, comments e-mailed (escaped) and shown to the filer until the next submission', async () => {
    const { agency, filer, reviewer, region } = await setup('required');
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    const outstandingBefore = await reminderStore().listOutstanding(YEAR);
    expect(outstandingBefore.some((o) => o.agencyId === agency.id)).toBe(false);

    const comment = '请核对<b>申请</b>数据 & 重新提交';
    const cells = { 'applications.newReceived.natural': '本年新收与台账<script>不符</script>', overview: '总体情况过于简略' };
    const returned = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/return`, {
      method: 'POST',
      token: reviewer,
      body: { revision: 1, comment, cells },
    });
    expect(returned.status).toBe(200);
    expect(returned.body.status).toBe('returned');

    const outstanding = await reminderStore().listOutstanding(YEAR);
    expect(outstanding.find((o) => o.agencyId === agency.id)?.status).toBe('returned');

    const seen = await api(`/api/filings/${YEAR}`, { token: filer });
    expect(seen.body.status).toBe('returned');
    expect(seen.body.returned).toMatchObject({ comment, cells, revision: 1 });

    const mail = await waitForMail(agency.emails);
    expect(new Set(mail.destination.to)).toEqual(new Set(agency.emails));
    const decoded = await decodedMime(mail.messageId);
    expect(decoded.text).toContain(`审核意见：${comment}`);
    expect(decoded.text).toContain('本年新收与台账<script>不符</script>');
    expect(decoded.html).toContain('请核对&lt;b&gt;申请&lt;/b&gt;数据 &amp; 重新提交');
    expect(decoded.html).not.toContain('<script>');

    // A draft save keeps both the status and the comments.
    const saved = await api(`/api/filings/${YEAR}/draft`, { method: 'PUT', token: filer, body: reportFor(agency, YEAR), headers: { 'if-match': String(seen.body.version) } });
    expect(saved.status).toBe(200);
    const afterSave = await api(`/api/filings/${YEAR}`, { token: filer });
    expect(afterSave.body.status).toBe('returned');
    expect(afterSave.body.returned?.comment).toBe(comment);

    const resubmitted = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    expect(resubmitted.body.status).toBe('awaiting_approval');
    const afterSubmit = await api(`/api/filings/${YEAR}`, { token: filer });
    expect(afterSubmit.body.returned).toBeNull();
    expect((await reminderStore().listOutstanding(YEAR)).some((o) => o.agencyId === agency.id)).toBe(false);

    const view = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}`, { token: reviewer });
    expect(view.body.audit.map((e: { type: string }) => e.type)).toEqual(['filing.submitted', 'filing.returned', 'draft.saved', 'filing.submitted']);
  });

  it('refuses comments on cells the template does not have, and a return of a stale revision', async () => {
    const { agency, filer, reviewer, region } = await setup('none');
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    const unknown = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/return`, {
      method: 'POST',
      token: reviewer,
      body: { revision: 1, comment: '', cells: { 'applications.nope.natural': 'x' } },
    });
    expect(unknown.status).toBe(400);
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: { ...reportFor(agency, YEAR), sections: { ...reportFor(agency, YEAR).sections, other: '第二版' } } });
    const stale = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/return`, { method: 'POST', token: reviewer, body: { revision: 1, comment: '旧版' } });
    expect(stale.status).toBe(409);
  });
});

async function waitForMail(addresses: string[], timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = await mailTo(...addresses);
    if (mail) return mail;
    if (Date.now() > until) throw new Error('no e-mail');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('a draft save racing a status transition', () => {
  it('a save that read before the publish and writes after it leaves the filing published', async () => {
    const { agency, filer } = await setup('none');
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    const read = await api(`/api/filings/${YEAR}`, { token: filer });
    expect(read.body.status).toBe('submitted');
    await waitForStatus(agency.id, YEAR, 'published', 1);
    const saved = await api(`/api/filings/${YEAR}/draft`, { method: 'PUT', token: filer, body: reportFor(agency, YEAR), headers: { 'if-match': String(read.body.version) } });
    expect(saved.status).toBe(200);
    expect((await store().getFiling(agency.id, YEAR))?.status).toBe('published');
  });

  it('a save that read before a return and an approval writes after each without undoing it', async () => {
    const { agency, filer, reviewer, region } = await setup('required');
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    let read = await api(`/api/filings/${YEAR}`, { token: filer });
    await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/return`, { method: 'POST', token: reviewer, body: { revision: 1, comment: '请修改' } });
    await api(`/api/filings/${YEAR}/draft`, { method: 'PUT', token: filer, body: reportFor(agency, YEAR), headers: { 'if-match': String(read.body.version) } });
    expect((await store().getFiling(agency.id, YEAR))?.status).toBe('returned');

    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    read = await api(`/api/filings/${YEAR}`, { token: filer });
    expect(read.body.status).toBe('awaiting_approval');
    expect((await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/approve`, { method: 'POST', token: reviewer, body: { revision: 2 } })).status).toBe(200);
    await api(`/api/filings/${YEAR}/draft`, { method: 'PUT', token: filer, body: reportFor(agency, YEAR), headers: { 'if-match': String(read.body.version) } });
    expect((await store().getFiling(agency.id, YEAR))?.status).not.toBe('awaiting_approval');
    await waitForStatus(agency.id, YEAR, 'published', 2);
  });
});

describe('board and filing view', () => {
  it('shows every agency with status, last attempt and its errors, days to the deadline, and counts; CSV with a BOM', async () => {
    const { region, agency, filer, reviewer } = await setup('none');
    const idle2 = await newContactAgency(region, 'department', `测试${region}县统计局`);
    const failing = await newContactAgency(region, 'department', `测试${region}县审计局`);
    // The failed-check window is written by the notifier from the stream.
    notified.add(failing.id);
    const bad = reportFor(failing, YEAR);
    bad.sections.applications.newReceived!.natural = 5;
    expect((await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: await filerToken(failing), body: bad })).status).toBe(422);
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: reportFor(agency, YEAR) });
    let board;
    for (let i = 0; i < 100; i++) {
      board = await api(`/api/regions/${region}/board?year=${YEAR}`, { token: reviewer });
      if (board.body.counts.failed === 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(board!.status).toBe(200);
    const rows = new Map(board!.body.rows.map((r: { agencyId: string }) => [r.agencyId, r]));
    expect(board!.body.counts).toMatchObject({ total: 3, not_started: 2, failed: 1 });
    expect(rows.get(idle2.id)).toMatchObject({ status: 'not_started', lastAttempt: null, deadline: `${YEAR + 1}-01-31` });
    expect(rows.get(failing.id)).toMatchObject({ status: 'not_started', lastAttempt: { ok: false, errorCount: expect.any(Number) } });
    expect((rows.get(failing.id) as { lastAttempt: { errorCount: number } }).lastAttempt.errorCount).toBeGreaterThan(0);
    expect(rows.get(agency.id)).toMatchObject({ lastAttempt: { ok: true, errorCount: 0 }, revisions: 1 });

    const csv = await fetch(`${env().apiUrl}/api/regions/${region}/board?year=${YEAR}&format=csv`, { headers: { authorization: `Bearer ${reviewer}` } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    // fetch's text() would drop the BOM, so read the bytes.
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from(BOM, 'utf8'));
    const text = bytes.toString('utf8');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(4);
    expect(text).toContain(failing.name);
    expect(text).toContain('未通过检查');
  });

  it('a cell-by-cell difference between two revisions, and the report as the public page shows it', async () => {
    const { agency, filer, reviewer, region } = await setup('none');
    const first = reportFor(agency, YEAR);
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: first });
    const second = reportFor(agency, YEAR);
    (second.sections.proactive as Record<string, Record<string, Record<string, number>>>).licensing!.administrativeLicensing!.decisions = 12;
    second.sections.other = '第二版说明';
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: filer, body: second });
    const view = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}?diff=1,2`, { token: reviewer });
    expect(view.status).toBe(200);
    expect(view.body.revisions.map((r: { revision: number }) => r.revision)).toEqual([1, 2]);
    expect(view.body.diff.changes.map((c: { path: string; from: unknown; to: unknown }) => [c.path, c.from, c.to])).toEqual([
      ['proactive.licensing.administrativeLicensing.decisions', 0, 12],
      ['other', first.sections.other, '第二版说明'],
    ]);
    expect(view.body.page).toMatch(/^<article class="report">/);
    expect(view.body.page).toContain('第二版说明');
  });
});
