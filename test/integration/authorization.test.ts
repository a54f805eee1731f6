import { beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../functions/services/tokens.js';
import type { Agency } from '../../functions/domain/agency.js';
import { api, clock, filerToken, newAgency, newRegion, reportFor, reviewerToken, store } from './helpers.js';
import { revokeToken } from '../../functions/services/tokens.js';

type Who = 'filer' | 'otherFiler' | 'reviewer' | 'prefectureReviewer' | 'otherRegionReviewer' | 'noToken';
type Action = 'readOwn' | 'readAgency' | 'saveDraft' | 'submit' | 'listRegion';

let agency: Agency;
let tokens: Record<Who, string | undefined>;

beforeAll(async () => {
  // A county inside a prefecture: 9xyz01 belongs to 9xyz00.
  const region = `${newRegion().slice(0, 4)}01`;
  agency = await newAgency(region);
  const neighbour = await newAgency(region);
  await api('/api/filings/2024/submit', { method: 'POST', token: await filerToken(agency), body: reportFor(agency, 2024) });
  let elsewhere = newRegion();
  while (elsewhere.slice(0, 4) === region.slice(0, 4)) elsewhere = newRegion();
  tokens = {
    filer: await filerToken(agency),
    otherFiler: await filerToken(neighbour),
    reviewer: await reviewerToken(region),
    prefectureReviewer: await reviewerToken(`${region.slice(0, 4)}00`),
    otherRegionReviewer: await reviewerToken(elsewhere),
    noToken: undefined,
  };
});

function request(action: Action, token: string | undefined) {
  const report = () => reportFor(agency, 2024);
  switch (action) {
    case 'readOwn':
      return api('/api/filings/2024', { token });
    case 'readAgency':
      return api(`/api/filings/2024?agency=${agency.id}`, { token });
    case 'saveDraft':
      return api(`/api/filings/2024/draft?agency=${agency.id}`, { method: 'PUT', token, body: report(), headers: { 'if-match': '1' } });
    case 'submit':
      return api(`/api/filings/2024/submit?agency=${agency.id}`, { method: 'POST', token, body: { ...report(), agencyId: agency.id } });
    case 'listRegion':
      return api(`/api/regions/${agency.region}/filings?year=2024`, { token });
  }
}

// Rows: who calls; columns: what they try on the filer's agency. 400 = must name an agency.
const MATRIX: Record<Who, Record<Action, number>> = {
  filer: { readOwn: 200, readAgency: 200, saveDraft: 200, submit: 201, listRegion: 403 },
  otherFiler: { readOwn: 200, readAgency: 403, saveDraft: 403, submit: 403, listRegion: 403 },
  reviewer: { readOwn: 400, readAgency: 200, saveDraft: 403, submit: 403, listRegion: 200 },
  prefectureReviewer: { readOwn: 400, readAgency: 200, saveDraft: 403, submit: 403, listRegion: 200 },
  otherRegionReviewer: { readOwn: 400, readAgency: 403, saveDraft: 403, submit: 403, listRegion: 403 },
  noToken: { readOwn: 401, readAgency: 401, saveDraft: 401, submit: 401, listRegion: 401 },
};

describe('authorization matrix', () => {
  const cases = Object.entries(MATRIX).flatMap(([who, row]) =>
    Object.entries(row).map(([action, status]) => ({ who: who as Who, action: action as Action, status })),
  );
  // Sequential: the filer's own save and submit bump the version the next row expects.
  it.each(cases)('$who → $action answers $status', async ({ who, action, status }) => {
    const res = await request(action, tokens[who]);
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status >= 400) expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    if (status === 401) expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it('never lets another filer change the filing', async () => {
    const before = await store().getFiling(agency.id, 2024);
    await request('saveDraft', tokens.otherFiler);
    await request('submit', tokens.otherFiler);
    const after = await store().getFiling(agency.id, 2024);
    expect(after?.version).toBe(before?.version);
  });

  it('refuses a revoked token and an expired one with 401', async () => {
    const revoked = await filerToken(agency);
    expect(await revokeToken(store(), clock, revoked)).toBe(true);
    const res = await api('/api/filings/2024', { token: revoked });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toMatch(/撤销/);

    const expired = `nb_${'A'.repeat(43)}`;
    await store().putToken({
      hash: hashToken(expired),
      role: 'filer',
      agencyId: agency.id,
      region: agency.region,
      createdAt: '2020-01-01T00:00:00.000Z',
      expiresAt: '2020-02-01T00:00:00.000Z',
    });
    const late = await api('/api/filings/2024', { token: expired });
    expect(late.status).toBe(401);
    expect(late.body.error.message).toMatch(/过期/);
  });

  it('stores tokens only as SHA-256 hashes', async () => {
    const token = await filerToken(agency);
    expect(await store().getToken(token)).toBeUndefined();
    const record = await store().getToken(hashToken(token));
    expect(record).toMatchObject({ role: 'filer', agencyId: agency.id });
    expect(JSON.stringify(record)).not.toContain(token);
  });
});
