/**
 * Locally there is no SNS: this builds the SNSEvent AWS would deliver for an SES bounce or
 * complaint (the configuration set's event publishing format), for the tests and
 * `nianbao ses bounce|complaint`, which feed it to functions/handlers/ses-events.ts.
 */
import { randomUUID } from 'node:crypto';
import type { SNSEvent } from 'aws-lambda';

export interface Feedback {
  address: string;
  reason: 'bounce' | 'complaint';
  /** the tags nianbao put on the message it sent */
  agencyId?: string;
  region?: string;
  at?: Date;
}

export function sesFeedbackMessage(f: Feedback): Record<string, unknown> {
  const timestamp = (f.at ?? new Date()).toISOString();
  const tags: Record<string, string[]> = {
    'ses:configuration-set': ['nianbao'],
    ...(f.agencyId ? { agency: [f.agencyId] } : {}),
    ...(f.region ? { region: [f.region] } : {}),
  };
  const mail = { timestamp, messageId: randomUUID(), source: 'nianbao@example.org', destination: [f.address], tags };
  return f.reason === 'bounce'
    ? {
        eventType: 'Bounce',
        bounce: {
          bounceType: 'Permanent',
          bounceSubType: 'General',
          bouncedRecipients: [{ emailAddress: f.address, action: 'failed', status: '5.1.1', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }],
          timestamp,
          feedbackId: randomUUID(),
        },
        mail,
      }
    : {
        eventType: 'Complaint',
        complaint: { complainedRecipients: [{ emailAddress: f.address }], timestamp, feedbackId: randomUUID(), complaintFeedbackType: 'abuse' },
        mail,
      };
}

export function sesFeedbackEvent(...feedback: Feedback[]): SNSEvent {
  return {
    Records: feedback.map((f) => ({
      EventSource: 'aws:sns',
      EventVersion: '1.0',
      EventSubscriptionArn: 'arn:aws:sns:us-east-1:000000000000:nianbao-ses-events:local',
      Sns: {
        Type: 'Notification',
        MessageId: randomUUID(),
        TopicArn: 'arn:aws:sns:us-east-1:000000000000:nianbao-ses-events',
        Subject: '',
        Message: JSON.stringify(sesFeedbackMessage(f)),
        Timestamp: (f.at ?? new Date()).toISOString(),
        SignatureVersion: '1',
        Signature: '',
        SigningCertUrl: '',
        UnsubscribeUrl: '',
        MessageAttributes: {},
      },
    })),
  };
}
