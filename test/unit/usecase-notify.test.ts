/**
 * The notification use cases (functions/services/notify.ts) on the in-memory ports, fed by the
 * world's stream as the notify handler is: the failed-check e-mail once per agency and hour,
 * the returned e-mail once per event, undeliverable addresses. test/integration/
 * remind-failed-check.test.ts, review-flow.test.ts and remind-bounce.test.ts run these against
 * DynamoDB Local and the SES emulator.
 */
import { describe, expect, it } from 'vitest';
import { submitFiling } from '../../functions/services/filings.js';
import { returnFiling } from '../../functions/services/review.js';
import { CheckFailedError } from '../../functions/services/errors.js';
import { markUndeliverable, notifyCheckFailed, notifyReturned } from '../../functions/services/notify.js';
import type { AuditEvent } from '../../functions/services/model.js';
import { cleanReport } from '../support/consistent-report.js';
import { FORM_URL, memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';
import type { Agency } from '../../functions/domain/agency.js';

const YEAR = 2024;
const REGION = '411325';

async function submitBad(world: MemoryWorld, agency: Agency) {
  const bad = cleanReport('2021', agency.name, YEAR);
  bad.sections.applications.newReceived!.natural = 5; // breaks the column total and the balance
  bad.sections.appeals.review!.total = 9;
  const error = await submitFiling(world.deps.filing, world.filer(agency), { year: YEAR, report: bad }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CheckFailedError);
  return (error as CheckFailedError).findings.filter((f) => f.severity === 'error');
}

describe('failed-check e-mail', () => {
  it("sends the agency's contacts every error and the link back to the form, once within the hour", async () => {
    const world = memoryWorld();
    const agency = await world.addAgency(REGION, 'township', { name: '测试镇人民政府', emails: ['a@example.org', 'b@example.org'] });
    const errors = await submitBad(world, agency);
    for (let i = 0; i < 3; i++) {
      world.time.advance(5 * 60_000);
      await submitBad(world, agency);
    }
    expect((await world.deliver()).failed).toEqual([]);
    const [mail, ...more] = world.mailer.sent;
    expect(more).toEqual([]);
    expect(new Set(mail!.to)).toEqual(new Set(agency.emails));
    expect(mail!.subject).toBe(`【未通过检查】测试镇人民政府${YEAR}年度报告有 ${errors.length} 处错误需要更正`);
    errors.forEach((e, i) => expect(mail!.text).toContain(`${i + 1}. ${e.label}：${e.message}`));
    expect(mail!.text).toContain(`更正后重新提交：${FORM_URL}`);
    expect(mail!.text).toContain('截止日期2025年1月31日');
    expect(mail!.tags).toEqual({ agency: agency.id, region: REGION, kind: 'check-failed' });

    // After the hour the next failure mails again, counting the ones folded in.
    world.time.advance(60 * 60_000);
    await submitBad(world, agency);
    await world.deliver();
    expect(world.mailer.sent).toHaveLength(2);
    expect(world.mailer.sent[1]!.text).toContain('近一小时内共 4 次提交');
  });

  it('a redelivered event is recognised: no second e-mail, not counted again', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency(REGION);
    const event = (at: string): AuditEvent => ({
      type: 'filing.check-failed',
      at,
      region: REGION,
      agencyId: agency.id,
      year: YEAR,
      actor: 'test',
      detail: { errorCount: 1, errors: [{ rule: 'appeals.total', path: 'appeals.review.total', label: '行政复议 / 总计', message: '总计应为 0' }] },
    });
    const deps = world.deps.notify;
    expect(await notifyCheckFailed(deps, event('2025-01-10T02:00:00.000Z'), 'e1')).toBe('sent');
    expect(await notifyCheckFailed(deps, event('2025-01-10T02:00:00.000Z'), 'e1')).toBe('folded');
    expect(await notifyCheckFailed(deps, event('2025-01-10T02:10:00.000Z'), 'e2')).toBe('folded');
    expect(await notifyCheckFailed(deps, event('2025-01-10T02:10:00.000Z'), 'e2')).toBe('folded');
    expect(await notifyCheckFailed(deps, event('2025-01-10T03:01:00.000Z'), 'e3')).toBe('sent');
    expect(world.mailer.sent).toHaveLength(2);
    expect(world.mailer.sent[0]!.text).not.toContain('次提交）');
    expect(world.mailer.sent[1]!.text).toContain('近一小时内共 2 次提交');
  });

  it('a send that fails is retried when the stream redelivers the event, and goes out once', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency(REGION);
    await submitBad(world, agency);
    world.mailer.failNext(1);
    const deliveries = await world.drain();
    expect(deliveries.map((d) => d.failed.length)).toEqual([1, 0]);
    expect(world.mailer.attempts).toBe(2);
    expect(world.mailer.sent).toHaveLength(1);
    await world.drain();
    expect(world.mailer.sent).toHaveLength(1);
    expect(world.tables.checkFailures.get(`${agency.id}#${YEAR}`)?.notice).toBe('sent');
  });

  it('skips undeliverable addresses, and mails nobody when none is left', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency(REGION, 'department', { emails: ['gone@example.org'] });
    await markUndeliverable(world.deps.notify, { address: 'gone@example.org', reason: 'bounce' });
    await submitBad(world, agency);
    await world.deliver();
    expect(world.mailer.sent).toEqual([]);
  });
});

describe('returned e-mail', () => {
  it("mails the reviewer's comments to the agency once per return, whatever the redeliveries", async () => {
    const world = memoryWorld();
    const agency = await world.addAgency(REGION, 'township', { emails: ['filer@example.org'] });
    await submitFiling(world.deps.filing, world.filer(agency), { year: YEAR, report: cleanReport('2021', agency.name, YEAR) });
    await returnFiling(world.deps.review, world.reviewer(REGION), {
      region: REGION,
      agencyId: agency.id,
      year: YEAR,
      revision: 1,
      comment: '请核对<b>申请</b>数据 & 重新提交',
      cells: { 'applications.newReceived.natural': '本年新收与台账不符' },
    });
    await world.deliver();
    const [mail, ...more] = world.mailer.to('filer@example.org');
    expect(more).toEqual([]);
    expect(mail!.subject).toBe(`【退回修改】${agency.name}${YEAR}年度政府信息公开工作年度报告被主管部门退回`);
    expect(mail!.text).toContain('审核意见：请核对<b>申请</b>数据 & 重新提交');
    expect(mail!.text).toContain('本年新收与台账不符');
    expect(mail!.html).toContain('请核对&lt;b&gt;申请&lt;/b&gt;数据 &amp; 重新提交');
    expect(mail!.tags).toEqual({ agency: agency.id, region: REGION, kind: 'returned' });

    // The same stream record again (a redelivery): the claim keyed by the event's id holds.
    const record = world.tables.stream.find((r) => r.kind === 'event' && r.event.type === 'filing.returned');
    if (record?.kind !== 'event') throw new Error('no returned event on the stream');
    expect(await notifyReturned(world.deps.notify, record.event, record.eventId)).toBe('already-sent');
    expect(world.mailer.sent).toHaveLength(1);
  });
});

describe('undeliverable addresses', () => {
  it("tell the region's reviewers once, and stay marked", async () => {
    const world = memoryWorld();
    const agency = await world.addAgency(REGION, 'department', { name: '测试县统计局' });
    await world.stores.reminders.putRegionContacts({ region: REGION, reviewers: ['reviewer@example.org'] });
    const notice = { address: agency.emails[0]!, reason: 'bounce' as const, agencyId: agency.id, region: REGION };
    expect(await markUndeliverable(world.deps.notify, notice)).toBe('told');
    expect(await markUndeliverable(world.deps.notify, { ...notice, reason: 'complaint' })).toBe('known');
    expect(world.mailer.sent.map((m) => m.to)).toEqual([['reviewer@example.org']]);
    expect(world.mailer.sent[0]!.text).toContain(agency.emails[0]!);
    expect(await world.stores.reminders.undeliverable([agency.emails[0]!.toUpperCase()])).toEqual(new Set([agency.emails[0]!.toLowerCase()]));
  });
});
