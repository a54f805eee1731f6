/**
 * The reviewers' digest: every overdue agency with its status and every filing whose last
 * attempt failed (including one already accepted whose amendment failed), to each reviewer,
 * not to undeliverable ones. Year 2043.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { notifyCheckFailed } from '../../functions/services/notify.js';
import { runReminderPass } from '../../functions/services/remind.js';
import type { AuditEvent } from '../../functions/services/model.js';
import type { Agency } from '../../functions/domain/agency.js';
import { api, filerToken, newRegion, reportFor } from './helpers.js';
import { decodedMime, mailTo, newAddress, newContactAgency, openFor, reminderDeps, reminderStore } from './remind-helpers.js';

const YEAR = 2043;
const DIGEST_DAY = '2044-02-07'; // 7 days after 31 January

function failure(agency: Agency, at: string, errorCount: number): AuditEvent {
  return {
    type: 'filing.check-failed',
    at,
    region: agency.region,
    agencyId: agency.id,
    year: YEAR,
    actor: 'test',
    detail: { errorCount, errors: [{ rule: 'appeals.total', path: 'appeals.review.total', label: '行政复议 / 总计', message: '总计有误' }] },
  };
}

describe('overdue digest', () => {
  const region = newRegion();
  const reviewers = [newAddress('reviewer1'), newAddress('reviewer2')];
  const bounced = newAddress('reviewer-gone');
  let untouched: Agency, drafting: Agency, failing: Agency, fixed: Agency, amendFailed: Agency, otherRegion: Agency;

  beforeAll(async () => {
    await reminderStore().markYearOpened(YEAR, { openedAt: new Date().toISOString(), test: true });
    await reminderStore().putRegionContacts({ region, name: '测试县', reviewers: [...reviewers, bounced] });
    untouched = await newContactAgency(region, 'township', '甲镇人民政府', 1);
    drafting = await newContactAgency(region, 'department', '乙局', 1);
    failing = await newContactAgency(region, 'department', '丙局', 1);
    fixed = await newContactAgency(region, 'department', '丁局', 1);
    amendFailed = await newContactAgency(region, 'department', '戊局', 1);
    otherRegion = await newContactAgency(newRegion(), 'department', '别县某局', 1);
    await openFor(YEAR, [untouched, drafting, failing, fixed, amendFailed, otherRegion]);

    const draft = await api(`/api/filings/${YEAR}/draft`, { method: 'PUT', token: await filerToken(drafting), body: reportFor(drafting, YEAR), headers: { 'if-match': '0' } });
    expect(draft.status).toBe(200);
    const deps = reminderDeps();
    // 丙 failed and never got through; 丁 failed, then submitted; 戊 submitted, then an amendment failed.
    await notifyCheckFailed(deps, failure(failing, '2044-02-01T02:00:00.000Z', 3), `${failing.id}-1`);
    await notifyCheckFailed(deps, failure(fixed, new Date(Date.now() - 60_000).toISOString(), 2), `${fixed.id}-1`);
    for (const agency of [fixed, amendFailed]) {
      const res = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: await filerToken(agency), body: reportFor(agency, YEAR) });
      expect(res.status).toBe(201);
    }
    await notifyCheckFailed(deps, failure(amendFailed, new Date(Date.now() + 60_000).toISOString(), 4), `${amendFailed.id}-1`);
    // One reviewer's address bounced earlier.
    await reminderStore().claim({ id: { kind: 'undeliverable', address: bounced }, owner: 'test', at: new Date().toISOString(), staleBefore: new Date(0).toISOString() });
  });

  it('is not sent before 7 days overdue', async () => {
    await runReminderPass(reminderDeps(), { date: '2044-02-03' });
    expect(await mailTo(...reviewers)).toHaveLength(0);
  });

  it('lists every overdue agency and every filing whose last attempt failed, to each deliverable reviewer, once', async () => {
    await runReminderPass(reminderDeps(), { date: DIGEST_DAY });
    await runReminderPass(reminderDeps(), { date: DIGEST_DAY });
    const mail = await mailTo(...reviewers, bounced);
    expect(mail).toHaveLength(1);
    expect(new Set(mail[0]!.destination.to)).toEqual(new Set(reviewers));
    expect(mail[0]!.subject).toBe(`【逾期汇总】测试县 ${YEAR}年度报告：3 个单位逾期未提交`);
    const { text } = await decodedMime(mail[0]!.messageId);
    const section = (title: string) => text.split(title)[1]!.split('\n\n')[0]!;
    const overdue = section('逾期未提交（3）：');
    expect(overdue).toContain('- 甲镇人民政府（未开始）');
    expect(overdue).toContain('- 乙局（草稿）');
    expect(overdue).toContain('- 丙局（未开始）');
    expect(overdue).not.toContain('丁局');
    expect(overdue).not.toContain('别县');
    const failed = section('最近一次提交未通过检查（2）：');
    expect(failed).toContain('- 丙局：最近一次提交有 3 处错误（2044-02-01 10:00）');
    expect(failed).toMatch(/- 戊局：最近一次提交有 4 处错误/);
    expect(failed).not.toContain('丁局');
    expect(text).toContain('截止日期为2044年1月31日，已逾期 7 天');
    expect(text).toContain(`/review/#region=${region}&year=${YEAR}`);
  });

  it('comes again a week later, not in between', async () => {
    for (const date of ['2044-02-08', '2044-02-10', '2044-02-13']) await runReminderPass(reminderDeps(), { date });
    expect(await mailTo(...reviewers)).toHaveLength(1);
    await runReminderPass(reminderDeps(), { date: '2044-02-14' });
    expect(await mailTo(...reviewers)).toHaveLength(2);
  });
});
