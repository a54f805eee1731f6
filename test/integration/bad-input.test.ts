import { beforeAll, describe, expect, it } from 'vitest';
import type { Agency } from '../../functions/domain/agency.js';
import { api, filerToken, newAgency, newCreditCode, newRegion, reportFor, reviewerToken, type ApiResponse } from './helpers.js';

let agency: Agency;
let token: string;
let reviewer: string;

beforeAll(async () => {
  agency = await newAgency(newRegion());
  token = await filerToken(agency);
  reviewer = await reviewerToken(agency.region);
  // Version 1 exists, so a stale If-Match can be told from a fresh one.
  await api('/api/filings/2024/draft', { method: 'PUT', token, headers: { 'if-match': '0' }, body: reportFor(agency, 2024) });
});

interface Case {
  name: string;
  send: () => Promise<ApiResponse>;
  status: number;
  code?: string;
  message?: RegExp;
}

const draft = (body: unknown, headers: Record<string, string> = { 'if-match': '1' }) => () =>
  api('/api/filings/2024/draft', { method: 'PUT', token, body, headers });
const rawDraft = (rawBody: string, headers: Record<string, string> = { 'if-match': '1' }) => () =>
  api('/api/filings/2024/draft', { method: 'PUT', token, rawBody, headers });
const withSections = (sections: unknown) => ({ agencyName: 'x', year: 2024, template: '2021', sections });

const CASES: Case[] = [
  { name: 'malformed JSON', send: rawDraft('{"agencyName": '), status: 400, code: 'bad-request', message: /JSON/ },
  { name: 'empty body', send: rawDraft(''), status: 400, message: /缺少请求体/ },
  { name: 'JSON null', send: rawDraft('null'), status: 400 },
  { name: 'JSON array', send: rawDraft('[]'), status: 400 },
  { name: 'unknown top-level field', send: draft({ ...withSections({}), signedBy: '张三' }), status: 400, message: /未知字段：signedBy/ },
  { name: 'unknown section', send: draft(withSections({ summary: '' })), status: 400, message: /未知字段：summary/ },
  { name: 'unknown cell column', send: draft(withSections({ applications: { newReceived: { robots: 1 } } })), status: 400, message: /未知字段：robots/ },
  { name: 'unknown row', send: draft(withSections({ applications: { madeUp: {} } })), status: 400, message: /未知字段：madeUp/ },
  { name: 'cell of the wrong type', send: draft(withSections({ applications: { newReceived: { natural: true } } })), status: 400, message: /单元格/ },
  { name: 'number too large for JSON', send: rawDraft('{"agencyName":"x","year":2024,"template":"2021","sections":{"applications":{"newReceived":{"natural":1e400}}}}'), status: 400 },
  { name: 'unknown template', send: draft({ agencyName: 'x', year: 2024, template: '2030' }), status: 400 },
  { name: 'template of another era', send: draft({ agencyName: 'x', year: 2024, template: '2019' }), status: 400, message: /格式/ },
  { name: 'year in body differs from the path', send: draft({ agencyName: 'x', year: 2023, template: '2021' }), status: 400, message: /年度/ },
  { name: 'empty agency name', send: draft({ agencyName: ' ', year: 2024, template: '2021' }), status: 400 },
  { name: 'text section over 50 000 characters', send: draft(withSections({ overview: '字'.repeat(50_001) })), status: 400 },
  { name: 'body of 513 KB', send: rawDraft(JSON.stringify({ ...withSections({}), pad: 'x'.repeat(513 * 1024) })), status: 413, code: 'payload-too-large' },
  { name: 'form-encoded body', send: rawDraft('a=1', { 'if-match': '1', 'content-type': 'application/x-www-form-urlencoded' }), status: 400, message: /JSON/ },
  { name: 'year not four digits', send: () => api('/api/filings/24', { token }), status: 400, message: /年度/ },
  { name: 'year too early', send: () => api('/api/filings/1999', { token }), status: 400 },
  { name: 'unknown query parameter', send: () => api('/api/filings/2024?foo=1', { token }), status: 400, message: /未知字段：foo/ },
  { name: 'missing If-Match on a draft', send: draft(reportFor({ name: 'x' } as Agency, 2024), {}), status: 428, code: 'precondition-required' },
  { name: 'If-Match not a number', send: draft(withSections({}), { 'if-match': 'latest' }), status: 400, message: /If-Match/ },
  { name: 'stale If-Match', send: draft(withSections({}), { 'if-match': '0' }), status: 409, code: 'version-conflict' },
  {
    name: 'Idempotency-Key too long',
    send: () => api('/api/filings/2024/submit', { method: 'POST', token, body: withSections({}), headers: { 'idempotency-key': 'k'.repeat(201) } }),
    status: 400,
    message: /Idempotency-Key/,
  },
  { name: 'no token', send: () => api('/api/filings/2024'), status: 401, code: 'unauthorized' },
  { name: 'not a bearer token', send: () => api('/api/filings/2024', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }), status: 401 },
  { name: 'wrong token', send: () => api('/api/filings/2024', { token: `nb_${'x'.repeat(43)}` }), status: 401, message: /无效/ },
  { name: 'garbage token', send: () => api('/api/filings/2024', { token: "'; DROP TABLE--" }), status: 401 },
  { name: 'no token beats a bad body', send: () => api('/api/filings/2024/draft', { method: 'PUT', rawBody: '{bad' }), status: 401 },
  {
    name: "someone else's agency id in the report",
    send: () => draft({ ...withSections({}), agencyId: newCreditCode(agency.region) })(),
    status: 403,
    code: 'forbidden',
  },
  { name: "someone else's agency in the query", send: () => api(`/api/filings/2024?agency=${newCreditCode('110101')}`, { token }), status: 403 },
  { name: 'a filer listing a region', send: () => api(`/api/regions/${agency.region}/filings?year=2024`, { token }), status: 403 },
  { name: 'region not six digits', send: () => api('/api/regions/4113/filings?year=2024', { token: reviewer }), status: 400, message: /行政区划/ },
  { name: 'region listing without a year', send: () => api(`/api/regions/${agency.region}/filings`, { token: reviewer }), status: 400 },
  { name: 'region listing with an unknown status', send: () => api(`/api/regions/${agency.region}/filings?year=2024&status=done`, { token: reviewer }), status: 400 },
  { name: 'reviewer reading an unknown agency', send: () => api(`/api/filings/2024?agency=${newCreditCode(agency.region)}`, { token: reviewer }), status: 404 },
  { name: 'unknown route', send: () => api('/api/nothing-here'), status: 404, code: 'not-found' },
  { name: 'wrong method', send: () => api('/api/filings/2024', { method: 'DELETE', token }), status: 405 },
  { name: 'bad percent-encoding in the path', send: () => api('/api/filings/%E0%A4%A', { token }), status: 400 },
];

describe('bad input gets a 4xx with a Chinese message, never a 500', () => {
  it.each(CASES)('$name → $status', async ({ send, status, code, message }) => {
    const res = await send();
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    if (code) expect(res.body.error.code).toBe(code);
    if (message) expect(res.body.error.message).toMatch(message);
  });

  it('left the filing untouched by all of the above', async () => {
    const res = await api('/api/filings/2024', { token });
    expect(res.body).toMatchObject({ version: 1, status: 'draft' });
  });
});
