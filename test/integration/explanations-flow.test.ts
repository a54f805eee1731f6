/**
 * Warnings explained (说明) through the API against DynamoDB Local: a draft saved with an
 * explanation keeps it (the adapter packs it beside the draft), the submission carries it into
 * the revision, the reviewer's filing view shows it next to the warning, and the board and its
 * CSV count the warnings left unexplained. A malformed explanation is a 400. Year 2047.
 */
import { describe, expect, it } from 'vitest';
import { BOM } from '../../functions/render/csv.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { Report } from '../../functions/domain/report.js';
import { api, env, filerToken, newAgency, newRegion, reportFor, reviewerToken, store } from './helpers.js';

const YEAR = 2047;
const FEE = 'other.fee-report|other';
const NOTE = '本机关未收取信息处理费，六部分漏写，在此补充说明。';

/** Consistent, but 六 says nothing of 信息处理费: exactly one warning, `other.fee-report|other`. */
function withFeeWarning(agency: Agency): Report {
  const report = reportFor(agency, YEAR);
  report.sections.other = '无。';
  return report;
}

describe('explanations of warnings through the API', () => {
  it('are saved with the draft and the revision, shown to the reviewer, and counted on the board and its CSV', async () => {
    const region = newRegion();
    const explained = await newAgency(region, 'department', `测试${region}审计局`);
    const silent = await newAgency(region, 'department', `测试${region}统计局`);
    const [a, b, reviewer] = [await filerToken(explained), await filerToken(silent), await reviewerToken(region)];

    const saved = await api(`/api/filings/${YEAR}/draft`, {
      method: 'PUT',
      token: a,
      headers: { 'if-match': '0' },
      body: { ...withFeeWarning(explained), explanations: { [FEE]: NOTE, 'trend.outlier|appeals.review.total': '不是当前提醒' } },
    });
    expect(saved.status).toBe(200);
    expect(saved.body.explanations).toEqual({ [FEE]: NOTE });
    expect(saved.body.unexplainedCount).toBe(0);
    const view = await api(`/api/filings/${YEAR}`, { token: a });
    expect(view.body.explanations).toEqual({ [FEE]: NOTE });

    // a body without explanations: the draft's carry into the revision
    const submitted = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: a, body: withFeeWarning(explained) });
    expect(submitted.status).toBe(201);
    expect(submitted.body.explanations).toEqual({ [FEE]: NOTE });
    expect((await store().getRevision(explained.id, YEAR, 1))?.explanations).toEqual({ [FEE]: NOTE });
    expect((await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: b, body: withFeeWarning(silent) })).status).toBe(201);

    const reviewed = await api(`/api/regions/${region}/filings/${explained.id}/${YEAR}`, { token: reviewer });
    expect(reviewed.status).toBe(200);
    expect(reviewed.body.latest.findings.map((f: { rule: string }) => f.rule)).toEqual(['other.fee-report']);
    expect(reviewed.body.latest.explanations).toEqual({ [FEE]: NOTE });

    const board = await api(`/api/regions/${region}/board?year=${YEAR}`, { token: reviewer });
    const unexplained = (id: string) => board.body.rows.find((r: { agencyId: string }) => r.agencyId === id).unexplainedWarnings;
    expect(unexplained(explained.id)).toBe(0);
    expect(unexplained(silent.id)).toBe(1);

    const csv = await fetch(`${env().apiUrl}/api/regions/${region}/board?year=${YEAR}&format=csv`, {
      headers: { authorization: `Bearer ${reviewer}` },
    }).then((r) => r.text());
    const lines = csv.replace(BOM, '').trim().split(/\r?\n/);
    const column = lines[0]!.split(',').indexOf('未说明提示');
    expect(column).toBeGreaterThan(0);
    expect(lines.find((l) => l.includes(silent.id))!.split(',')[column]).toBe('1');
    expect(lines.find((l) => l.includes(explained.id))!.split(',')[column]).toBe('0');
  }, 30_000);

  it('refuses an over-long or malformed explanation with a Chinese message (400)', async () => {
    const region = newRegion();
    const agency = await newAgency(region);
    const token = await filerToken(agency);
    for (const explanations of [{ [FEE]: '字'.repeat(501) }, { 'not a key': '说明' }]) {
      const res = await api(`/api/filings/${YEAR}/draft`, {
        method: 'PUT',
        token,
        headers: { 'if-match': '0' },
        body: { ...withFeeWarning(agency), explanations },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.message).toContain('explanations');
      expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/u);
    }
  });
});
