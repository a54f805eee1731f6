import { describe, expect, it } from 'vitest';
import { undeliverableNotices } from '../../functions/handlers/ses-events.js';
import { sesFeedbackMessage } from '../../local/ses-feedback.js';

describe('SES notifications', () => {
  it('a permanent bounce from the configuration set names the address, agency and region from the tags', () => {
    const message = sesFeedbackMessage({ address: 'a@x.org', reason: 'bounce', agencyId: 'ID', region: '411325' });
    expect(undeliverableNotices(JSON.stringify(message))).toEqual([{ address: 'a@x.org', reason: 'bounce', agencyId: 'ID', region: '411325' }]);
  });

  it('a complaint counts too; an identity notification without tags still names the address', () => {
    const complaint = { notificationType: 'Complaint', complaint: { complainedRecipients: [{ emailAddress: 'b@x.org' }] }, mail: {} };
    expect(undeliverableNotices(JSON.stringify(complaint))).toEqual([{ address: 'b@x.org', reason: 'complaint' }]);
  });

  it('transient bounces and deliveries mark nothing', () => {
    const transient = { eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: 'c@x.org' }] } };
    expect(undeliverableNotices(JSON.stringify(transient))).toEqual([]);
    expect(undeliverableNotices(JSON.stringify({ eventType: 'Delivery', delivery: {} }))).toEqual([]);
  });
});
