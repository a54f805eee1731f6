/**
 * A rejected submission (422) → its failed-check event on the table's stream → the notify
 * handler (through the local stream pump, as on AWS through an event source mapping) → one
 * e-mail per agency and hour, listing each error. Year 2044.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotifyHandler } from '../../functions/handlers/notify-stream.js';
import { notifyCheckFailed } from '../../functions/services/notify.js';
import type { AuditEvent } from '../../functions/services/model.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { StreamPump } from '../../local/stream-pump.js';
import { api, env, filerToken, newRegion, reportFor, startAgenciesPump } from './helpers.js';
import { decodedMime, mailTo, newContactAgency, reminderDeps } from './remind-helpers.js';

const YEAR = 2044;

let pump: StreamPump;
/** this file's agencies: the table is shared, and other files' failed checks are not ours to mail */
const own = new Set<string>();

beforeAll(async () => {
  const deps = reminderDeps();
  pump = await startAgenciesPump(own, createNotifyHandler(() => deps), { pollMs: 100 });
});

async function ownAgency(...args: Parameters<typeof newContactAgency>): Promise<Agency> {
  const agency = await newContactAgency(...args);
  own.add(agency.id);
  return agency;
}

afterAll(async () => {
  await pump?.stop();
});

async function submitBad(agency: Agency, token: string) {
  const bad = reportFor(agency, YEAR);
  bad.sections.applications.newReceived!.natural = 5; // breaks the column total and the balance
  bad.sections.appeals.review!.total = 9;
  const res = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token, body: bad });
  expect(res.status).toBe(422);
  return res.body.error.findings.filter((f: { severity: string }) => f.severity === 'error') as { label: string; message: string }[];
}

async function waitForMail(addresses: string[], count: number, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const mail = await mailTo(...addresses);
    if (mail.length >= count || Date.now() > until) return mail;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('failed-check e-mail', () => {
  it("sends the agency's contacts every error (cell label and message) and the link back to the form", async () => {
    const agency = await ownAgency(newRegion(), 'township', '测试镇人民政府');
    const errors = await submitBad(agency, await filerToken(agency));
    const [mail] = await waitForMail(agency.emails, 1);
    expect(mail).toBeDefined();
    expect(new Set(mail!.destination.to)).toEqual(new Set(agency.emails));
    expect(mail!.subject).toBe(`【未通过检查】测试镇人民政府${YEAR}年度报告有 ${errors.length} 处错误需要更正`);
    const decoded = await decodedMime(mail!.messageId);
    errors.forEach((e, i) => expect(decoded.text).toContain(`${i + 1}. ${e.label}：${e.message}`));
    expect(decoded.text).toContain(`更正后重新提交：${env().apiUrl}/file/`);
    expect(decoded.text).toContain('截止日期2045年1月31日');
    expect(decoded.html).toContain(`<strong>${errors[0]!.label}</strong>`);
  });

  it('several failures within the hour make one e-mail', async () => {
    const agency = await ownAgency(newRegion(), 'department', '测试县第一局', 1);
    const token = await filerToken(agency);
    for (let i = 0; i < 4; i++) await submitBad(agency, token);
    await pump.drain();
    await pump.drain();
    expect(await mailTo(...agency.emails)).toHaveLength(1);
  });

  it('the next failure after the hour mails again, counting those folded in', async () => {
    const agency = await ownAgency(newRegion(), 'department', '测试县第二局', 1);
    const deps = reminderDeps();
    const event = (at: string): AuditEvent => ({
      type: 'filing.check-failed',
      at,
      region: agency.region,
      agencyId: agency.id,
      year: YEAR,
      actor: 'test',
      detail: { errorCount: 1, errors: [{ rule: 'appeals.total', path: 'appeals.review.total', label: '行政复议 / 总计', message: '总计应为 0' }] },
    });
    expect(await notifyCheckFailed(deps, event('2045-01-10T02:00:00.000Z'), 'e1')).toBe('sent');
    expect(await notifyCheckFailed(deps, event('2045-01-10T02:10:00.000Z'), 'e2')).toBe('folded');
    expect(await notifyCheckFailed(deps, event('2045-01-10T02:59:00.000Z'), 'e3')).toBe('folded');
    // a redelivered event is recognised, not counted again
    expect(await notifyCheckFailed(deps, event('2045-01-10T02:10:00.000Z'), 'e2')).toBe('folded');
    expect(await notifyCheckFailed(deps, event('2045-01-10T03:01:00.000Z'), 'e4')).toBe('sent');
    const mail = await mailTo(...agency.emails);
    expect(mail).toHaveLength(2);
    expect(mail[0]!.body.text).not.toContain('次提交）');
    expect(mail[1]!.body.text).toContain('近一小时内共 3 次提交');
    expect(mail[1]!.body.text).toContain('1. 行政复议 / 总计：总计应为 0');
  });

  it('a redelivered stream record sends no second e-mail', async () => {
    const agency = await ownAgency(newRegion(), 'department', '测试县第三局', 1);
    const handler = createNotifyHandler(() => reminderDeps());
    const record = {
      eventName: 'INSERT' as const,
      dynamodb: {
        SequenceNumber: '1',
        NewImage: {
          SK: { S: `EVENT#2045-01-12T01:00:00.000Z#abc` },
          type: { S: 'event' },
          eventType: { S: 'filing.check-failed' },
          at: { S: '2045-01-12T01:00:00.000Z' },
          region: { S: agency.region },
          agencyId: { S: agency.id },
          year: { N: String(YEAR) },
          actor: { S: 'test' },
          detail: { M: { errorCount: { N: '1' }, errors: { L: [{ M: { label: { S: '标签' }, message: { S: '消息' } } }] } } },
        },
      },
    };
    expect(await handler({ Records: [record] })).toEqual({ batchItemFailures: [] });
    expect(await handler({ Records: [record] })).toEqual({ batchItemFailures: [] });
    const mail = await mailTo(...agency.emails);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.body.text).toContain('1. 标签：消息');
  });
});
