/**
 * Bounces and complaints: the SNS notification SES would send (built by local/ses-feedback.ts)
 * fed to the ses-events handler marks the address undeliverable, tells the region's reviewers
 * once, and later mail skips the address. Year 2045.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createSesEventsHandler } from '../../functions/handlers/ses-events.js';
import { notifyCheckFailed } from '../../functions/services/notify.js';
import { runReminderPass } from '../../functions/services/remind.js';
import { sesFeedbackEvent } from '../../local/ses-feedback.js';
import { newRegion } from './helpers.js';
import { mailTo, newAddress, newContactAgency, openFor, reminderDeps, reminderStore } from './remind-helpers.js';

const YEAR = 2045;
const handler = createSesEventsHandler(() => reminderDeps());

describe('bounces and complaints', () => {
  beforeAll(async () => {
    await reminderStore().markYearOpened(YEAR, { openedAt: new Date().toISOString(), test: true });
  });

  it('a permanent bounce marks the address and tells the reviewers once; reminders and failed-check mail skip it', async () => {
    const region = newRegion();
    const reviewers = [newAddress('reviewer')];
    await reminderStore().putRegionContacts({ region, reviewers });
    const agency = await newContactAgency(region, 'township', '退信镇人民政府', 2);
    await openFor(YEAR, [agency]);
    const [gone, good] = agency.emails as [string, string];

    const bounce = sesFeedbackEvent({ address: gone, reason: 'bounce', agencyId: agency.id, region });
    expect(await handler(bounce)).toEqual({ marked: 1 });
    // SNS redelivers, and the address bounces again later, or complains: still told once.
    expect(await handler(bounce)).toEqual({ marked: 0 });
    await handler(sesFeedbackEvent({ address: gone.toUpperCase(), reason: 'complaint', agencyId: agency.id, region }));

    const told = await mailTo(...reviewers);
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toBe(`【联系邮箱失效】退信镇人民政府的邮箱 ${gone} 已停止发送`);
    expect(told[0]!.body.text).toContain('发生退信，系统已停止向该地址发送提醒');

    const pass = await runReminderPass(reminderDeps(), { date: '2046-01-17' });
    expect(pass.mails.filter((m) => m.agencyId === agency.id)).toMatchObject([{ to: [good], outcome: 'sent' }]);
    await notifyCheckFailed(reminderDeps(), {
      type: 'filing.check-failed',
      at: new Date().toISOString(),
      region,
      agencyId: agency.id,
      year: YEAR,
      actor: 'test',
      detail: { errorCount: 1, errors: [{ label: '标签', message: '消息' }] },
    }, `bounce-${agency.id}`);
    expect(await mailTo(gone)).toHaveLength(0);
    expect(await mailTo(good)).toHaveLength(2);
  });

  it('a complaint marks the address too; an agency left with no address gets nothing and no claim', async () => {
    const region = newRegion();
    const reviewers = [newAddress('reviewer')];
    await reminderStore().putRegionContacts({ region, reviewers });
    const agency = await newContactAgency(region, 'department', '投诉局', 1);
    await openFor(YEAR, [agency]);
    await handler(sesFeedbackEvent({ address: agency.emails[0]!, reason: 'complaint', agencyId: agency.id, region }));
    expect((await mailTo(...reviewers))[0]?.body.text).toContain('投诉（被标记为垃圾邮件）');

    const pass = await runReminderPass(reminderDeps(), { date: '2046-01-17' });
    expect(pass.mails.filter((m) => m.agencyId === agency.id)).toHaveLength(0);
    expect(await reminderStore().peekClaim({ kind: 'reminder', agencyId: agency.id, region: agency.region, year: YEAR, step: 'before-14' })).toBeUndefined();
  });

  it('a transient bounce (mailbox full) marks nothing', async () => {
    const region = newRegion();
    const reviewers = [newAddress('reviewer')];
    await reminderStore().putRegionContacts({ region, reviewers });
    const address = newAddress('full');
    const event = sesFeedbackEvent({ address, reason: 'bounce', region });
    const message = JSON.parse(event.Records[0]!.Sns.Message);
    message.bounce.bounceType = 'Transient';
    event.Records[0]!.Sns.Message = JSON.stringify(message);
    expect(await handler(event)).toEqual({ marked: 0 });
    expect(await reminderStore().undeliverable([address])).toEqual(new Set());
    expect(await mailTo(...reviewers)).toHaveLength(0);
  });
});
