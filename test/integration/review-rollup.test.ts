/**
 * The region's roll-up: each table cell the sum of the agencies' accepted reports, checked
 * against sums computed here cell by cell (exact six-place arithmetic, publish-helpers), with
 * the coverage; the downloads; the government office opening it as its own report's start.
 * Year 2048.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cellRefs, cellValue, type Report } from '../../functions/domain/report.js';
import type { Agency } from '../../functions/domain/agency.js';
import { BOM } from '../../functions/render/csv.js';
import { api, env, filerToken, newAgency, newRegion, reviewerToken } from './helpers.js';
import { consistentReport, exactSum } from './publish-helpers.js';

const YEAR = 2048;

let region: string;
let office: Agency;
let accepted: { agency: Agency; report: Report }[];
let missing: Agency[];
let reviewer: string;

beforeAll(async () => {
  region = newRegion();
  reviewer = await reviewerToken(region);
  office = await newAgency(region, 'government-office', `测试${region}县人民政府办公室`);
  accepted = [];
  for (let i = 0; i < 3; i++) {
    const agency = await newAgency(region, i === 0 ? 'township' : 'department');
    const token = await filerToken(agency);
    // An amendment: only the newest revision counts.
    await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token, body: consistentReport(agency, YEAR) });
    const report = consistentReport(agency, YEAR);
    const res = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token, body: report });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    accepted.push({ agency, report });
  }
  const idle = await newAgency(region);
  const returned = await newAgency(region);
  await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: await filerToken(returned), body: consistentReport(returned, YEAR) });
  const back = await api(`/api/regions/${region}/filings/${returned.id}/${YEAR}/return`, { method: 'POST', token: reviewer, body: { revision: 1, comment: '数据有误' } });
  expect(back.status).toBe(200);
  missing = [idle, returned];
});

describe('region roll-up', () => {
  it("sums every cell of the agencies' accepted reports, and names who is missing", async () => {
    const res = await api(`/api/regions/${region}/rollup?year=${YEAR}`, { token: reviewer });
    expect(res.status).toBe(200);
    const { report, coverage } = res.body as { report: Report; coverage: { included: number; of: number; missing: { agencyId: string }[] } };
    expect(coverage.included).toBe(3);
    expect(coverage.of).toBe(5);
    expect(new Set(coverage.missing.map((m) => m.agencyId))).toEqual(new Set(missing.map((m) => m.id)));
    expect(report.agencyName).toBe(office.name);
    expect(report.agencyId).toBe(office.id);
    let checked = 0;
    for (const ref of cellRefs('2021')) {
      const values = accepted.map(({ report: r }) => cellValue(r, ref.table, ref.row, ref.column)).filter((v): v is number => typeof v === 'number');
      const got = cellValue(report, ref.table, ref.row, ref.column);
      if (values.length === 0) expect(got, ref.path).toBeNull();
      else expect(String(got), ref.path).toBe(exactSum(values));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('downloads as the public JSON and as CSV (UTF-8 with a BOM)', async () => {
    const json = await fetch(`${env().apiUrl}/api/regions/${region}/rollup?year=${YEAR}&format=json`, { headers: { authorization: `Bearer ${reviewer}` } });
    expect(json.headers.get('content-disposition')).toContain('attachment');
    const fromJson = (await json.json()) as Report;
    const view = await api(`/api/regions/${region}/rollup?year=${YEAR}`, { token: reviewer });
    expect(fromJson).toEqual(view.body.report);

    const csv = await fetch(`${env().apiUrl}/api/regions/${region}/rollup?year=${YEAR}&format=csv`, { headers: { authorization: `Bearer ${reviewer}` } });
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from(BOM, 'utf8'));
    const lines = bytes.toString('utf8').split('\r\n');
    const total = lines.find((l) => l.startsWith('applications.newReceived.total,'));
    const expected = exactSum(accepted.map(({ report: r }) => (r.sections.applications.newReceived?.total as number) ?? 0));
    expect(total?.split(',').at(-1)).toBe(expected);
  });

  it("the region's government office gets the same roll-up to start its own report, and it saves as its draft", async () => {
    const token = await filerToken(office);
    const res = await api(`/api/filings/${YEAR}/rollup`, { token });
    expect(res.status).toBe(200);
    const view = await api(`/api/regions/${region}/rollup?year=${YEAR}`, { token: reviewer });
    expect(res.body.report).toEqual(view.body.report);
    const saved = await api(`/api/filings/${YEAR}/draft`, { method: 'PUT', token, body: res.body.report, headers: { 'if-match': '0' } });
    expect(saved.status).toBe(200);
  });
});
