/**
 * SES → SNS → this handler: bounces and complaints from the configuration set's event
 * destination (`eventType`) or an identity's feedback notifications (`notificationType`).
 * A permanent bounce or any complaint marks the address undeliverable and tells the region's
 * reviewers once; transient bounces (mailbox full, …) are left to SES's own retries.
 * Locally there is no SNS: local/ses-feedback.ts builds the same event (`nianbao ses bounce`).
 */
import type { SNSEvent } from 'aws-lambda';
import { z } from 'zod';
import { markUndeliverable, type NotifyDeps, type UndeliverableNotice } from '../services/notify.js';
import { reminderRuntime } from './compose/mail.js';

const Recipients = z.array(z.object({ emailAddress: z.string() }).passthrough());

const SesNotification = z
  .object({
    eventType: z.string().optional(),
    notificationType: z.string().optional(),
    bounce: z.object({ bounceType: z.string(), bouncedRecipients: Recipients }).passthrough().optional(),
    complaint: z.object({ complainedRecipients: Recipients }).passthrough().optional(),
    mail: z.object({ tags: z.record(z.string(), z.array(z.string())).optional() }).passthrough().optional(),
  })
  .passthrough();

/** The undeliverable addresses a notification reports (none for deliveries, sends, transient bounces). */
export function undeliverableNotices(message: string): UndeliverableNotice[] {
  const parsed = SesNotification.safeParse(JSON.parse(message));
  if (!parsed.success) return [];
  const n = parsed.data;
  const type = n.eventType ?? n.notificationType;
  const tags = n.mail?.tags ?? {};
  const context = {
    ...(tags.agency?.[0] ? { agencyId: tags.agency[0] } : {}),
    ...(tags.region?.[0] ? { region: tags.region[0] } : {}),
  };
  if (type === 'Bounce' && n.bounce?.bounceType === 'Permanent') {
    return n.bounce.bouncedRecipients.map((r) => ({ address: r.emailAddress, reason: 'bounce' as const, ...context }));
  }
  if (type === 'Complaint' && n.complaint) {
    return n.complaint.complainedRecipients.map((r) => ({ address: r.emailAddress, reason: 'complaint' as const, ...context }));
  }
  return [];
}

export function createSesEventsHandler(deps: () => NotifyDeps) {
  // Throws on a failure: SNS's Lambda delivery retries, and the claim makes the retry tell reviewers once.
  return async (event: SNSEvent): Promise<{ marked: number }> => {
    let marked = 0;
    for (const record of event.Records) {
      for (const notice of undeliverableNotices(record.Sns.Message)) {
        const outcome = await markUndeliverable(deps(), notice);
        if (outcome !== 'known') marked++;
        console.log(`undeliverable ${notice.address} (${notice.reason}): ${outcome}`);
      }
    }
    return { marked };
  };
}

export const handler = createSesEventsHandler(reminderRuntime);
