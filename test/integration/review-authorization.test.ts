/**
 * Who may use the reviewer API: the region's reviewer and a reviewer of the prefecture above
 * it may; a reviewer of another region, a filer (even of an agency in the region) and a caller
 * without a token may not. Year 2047, in a county with review required (so approval applies).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { DynamoDbReviewStore } from '../../functions/adapters/dynamodb-review-store.js';
import { setRegionSettings } from '../../functions/services/review.js';
import type { Agency } from '../../functions/domain/agency.js';
import { api, clock, env, filerToken, newAgency, newRegion, reportFor, reviewerToken, testConfig } from './helpers.js';

const YEAR = 2047;

type Who = 'reviewer' | 'prefectureReviewer' | 'otherRegionReviewer' | 'filer' | 'noToken';
type Action = 'board' | 'boardCsv' | 'filing' | 'return' | 'approve' | 'rollup';

let region: string;
let tokens: Record<Who, string | undefined>;
let filerAgency: Agency;

beforeAll(async () => {
  region = `${newRegion().slice(0, 4)}01`;
  const cfg = testConfig();
  await setRegionSettings({ settings: new DynamoDbReviewStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE), clock }, region, { review: 'required' }, 'test');
  filerAgency = await newAgency(region);
  let elsewhere = newRegion();
  while (elsewhere.slice(0, 4) === region.slice(0, 4)) elsewhere = newRegion();
  tokens = {
    reviewer: await reviewerToken(region),
    prefectureReviewer: await reviewerToken(`${region.slice(0, 4)}00`),
    otherRegionReviewer: await reviewerToken(elsewhere),
    filer: await filerToken(filerAgency),
    noToken: undefined,
  };
});

/** A fresh agency with one submission awaiting approval, so each write starts from the same state. */
async function submitted(): Promise<Agency> {
  const agency = await newAgency(region);
  const res = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: await filerToken(agency), body: reportFor(agency, YEAR) });
  expect(res.body.status).toBe('awaiting_approval');
  return agency;
}

async function request(action: Action, token: string | undefined) {
  const agency = await submitted();
  const base = `/api/regions/${region}`;
  switch (action) {
    case 'board':
      return api(`${base}/board?year=${YEAR}`, { token });
    case 'boardCsv':
      // Not JSON when allowed: read the status and the content type only.
      return fetch(`${env().apiUrl}${base}/board?year=${YEAR}&format=csv`, { headers: token ? { authorization: `Bearer ${token}` } : {} }).then(
        async (res) => {
          const body = await res.text();
          if (res.ok) expect(res.headers.get('content-type')).toContain('text/csv');
          return { status: res.status, body };
        },
      );
    case 'filing':
      return api(`${base}/filings/${agency.id}/${YEAR}`, { token });
    case 'return':
      return api(`${base}/filings/${agency.id}/${YEAR}/return`, { method: 'POST', token, body: { revision: 1, comment: '请修改' } });
    case 'approve':
      return api(`${base}/filings/${agency.id}/${YEAR}/approve`, { method: 'POST', token, body: { revision: 1 } });
    case 'rollup':
      return api(`${base}/rollup?year=${YEAR}`, { token });
  }
}

const ALLOWED = { board: 200, boardCsv: 200, filing: 200, return: 200, approve: 200, rollup: 200 };
const FORBIDDEN = { board: 403, boardCsv: 403, filing: 403, return: 403, approve: 403, rollup: 403 };
const MATRIX: Record<Who, Record<Action, number>> = {
  reviewer: ALLOWED,
  prefectureReviewer: ALLOWED,
  otherRegionReviewer: FORBIDDEN,
  filer: FORBIDDEN,
  noToken: { board: 401, boardCsv: 401, filing: 401, return: 401, approve: 401, rollup: 401 },
};

describe('reviewer API authorization matrix', () => {
  const cases = Object.entries(MATRIX).flatMap(([who, row]) =>
    Object.entries(row).map(([action, status]) => ({ who: who as Who, action: action as Action, status })),
  );
  it.each(cases)('$who → $action: $status', async ({ who, action, status }) => {
    const res = await request(action, tokens[who]);
    expect(res.status).toBe(status);
  });

  it("a reviewer cannot reach another region's agency through their own region's path", async () => {
    let elsewhere = newRegion();
    while (elsewhere.slice(0, 4) === region.slice(0, 4)) elsewhere = newRegion();
    const outsider = await newAgency(elsewhere);
    const res = await api(`/api/regions/${region}/filings/${outsider.id}/${YEAR}`, { token: tokens.reviewer });
    expect(res.status).toBe(404);
    const ret = await api(`/api/regions/${region}/filings/${outsider.id}/${YEAR}/return`, { method: 'POST', token: tokens.reviewer, body: { revision: 1, comment: 'x' } });
    expect(ret.status).toBe(404);
  });

  it("a filer of a department cannot take the region's roll-up through the filer route; nothing was changed by refused writes", async () => {
    const res = await api(`/api/filings/${YEAR}/rollup`, { token: tokens.filer });
    expect(res.status).toBe(403);
    const agency = await submitted();
    await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/approve`, { method: 'POST', token: tokens.otherRegionReviewer, body: { revision: 1 } });
    await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}/return`, { method: 'POST', token: tokens.filer, body: { revision: 1, comment: 'x' } });
    const view = await api(`/api/regions/${region}/filings/${agency.id}/${YEAR}`, { token: tokens.reviewer });
    expect(view.body.status).toBe('awaiting_approval');
  });
});
