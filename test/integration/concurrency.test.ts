import { describe, expect, it } from 'vitest';
import { api, filerToken, newAgency, newRegion, reportFor, store } from './helpers.js';

describe('concurrent writes and retries', () => {
  it('lets exactly one of two saves with the same version win; the other gets 409 and can retry, nothing lost', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    const base = await api('/api/filings/2024/draft', {
      method: 'PUT',
      token,
      headers: { 'if-match': '0' },
      body: reportFor(agency, 2024),
    });
    const version = String(base.body.version);
    const a = { ...reportFor(agency, 2024) };
    a.sections = { ...a.sections, other: '窗口甲的修改' };
    const b = { ...reportFor(agency, 2024) };
    b.sections = { ...b.sections, other: '窗口乙的修改' };

    const [ra, rb] = await Promise.all([
      api('/api/filings/2024/draft', { method: 'PUT', token, headers: { 'if-match': version }, body: a }),
      api('/api/filings/2024/draft', { method: 'PUT', token, headers: { 'if-match': version }, body: b }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const [winner, loser, loserBody] = ra.status === 200 ? [a, rb, b] : [b, ra, a];
    expect(loser.body.error.code).toBe('version-conflict');
    expect(loser.body.error.currentVersion).toBe(Number(version) + 1);

    const stored = await store().getFiling(agency.id, 2024);
    expect(stored?.version).toBe(Number(version) + 1);
    expect(stored?.draft?.sections.other).toBe(winner.sections.other);

    // The loser re-reads and saves on top: both edits reached the store, one after the other.
    const retry = await api('/api/filings/2024/draft', {
      method: 'PUT',
      token,
      headers: { 'if-match': String(loser.body.error.currentVersion) },
      body: loserBody,
    });
    expect(retry.status).toBe(200);
    expect((await store().getFiling(agency.id, 2024))?.draft?.sections.other).toBe(loserBody.sections.other);
    const saves = (await store().listEvents(agency.id)).filter((e) => e.type === 'draft.saved');
    expect(saves).toHaveLength(3);
  });

  it('answers a retried submit with the same Idempotency-Key with the first answer, making one revision', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    const report = reportFor(agency, 2024);
    const first = await api('/api/filings/2024/submit', { method: 'POST', token, body: report, headers: { 'idempotency-key': 'submit-1' } });
    const retry = await api('/api/filings/2024/submit', { method: 'POST', token, body: report, headers: { 'idempotency-key': 'submit-1' } });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await store().listRevisions(agency.id, 2024)).toHaveLength(1);

    const changed = { ...report, sections: { ...report.sections, other: '另一份内容' } };
    const reused = await api('/api/filings/2024/submit', { method: 'POST', token, body: changed, headers: { 'idempotency-key': 'submit-1' } });
    expect(reused.status).toBe(422);
    expect(reused.body.error.code).toBe('idempotency-key-reused');
    expect(await store().listRevisions(agency.id, 2024)).toHaveLength(1);
  });

  it('makes one revision when two submits with the same key race', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    const report = reportFor(agency, 2024);
    const send = () => api('/api/filings/2024/submit', { method: 'POST', token, body: report, headers: { 'idempotency-key': 'race-key' } });
    const results = await Promise.all([send(), send(), send()]);
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(results.map((r) => r.body.revision))).toEqual(new Set([1]));
    expect(await store().listRevisions(agency.id, 2024)).toHaveLength(1);
  });

  it('keeps every submission when different submits race without keys (amendments, never lost)', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    const results = await Promise.all(
      [1, 2, 3].map((n) =>
        api('/api/filings/2024/submit', {
          method: 'POST',
          token,
          body: { ...reportFor(agency, 2024), sections: { ...reportFor(agency, 2024).sections, other: `第${n}次` } },
        }),
      ),
    );
    const created = results.filter((r) => r.status === 201);
    const conflicts = results.filter((r) => r.status === 409);
    expect(created.length + conflicts.length).toBe(3);
    const revisions = await store().listRevisions(agency.id, 2024);
    expect(revisions.map((r) => r.revision)).toEqual(created.map((_, i) => i + 1));
  });

  it('rejects a submit whose If-Match is stale with 409 and changes nothing', async () => {
    const agency = await newAgency(newRegion());
    const token = await filerToken(agency);
    await api('/api/filings/2024/draft', { method: 'PUT', token, headers: { 'if-match': '0' }, body: reportFor(agency, 2024) });
    const res = await api('/api/filings/2024/submit', { method: 'POST', token, headers: { 'if-match': '0' }, body: reportFor(agency, 2024) });
    expect(res.status).toBe(409);
    expect((await store().getFiling(agency.id, 2024))?.status).toBe('draft');
  });
});
