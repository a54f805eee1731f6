/**
 * The table's stream → failed-check and return e-mails. A second event source mapping on the
 * same stream as the publisher (ReportBatchItemFailures); locally local/reminders.ts runs its
 * own pump. Only the INSERT of a `filing.check-failed` or `filing.returned` event concerns it.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { insertedEvent } from '../adapters/stream-items.js';
import type { AuditEvent } from '../services/model.js';
import { MAILED_EVENTS, notifyEvent, type NotifyDeps } from '../services/notify.js';
import { reminderRuntime } from './compose/mail.js';
import { streamBatchHandler } from './stream-batch.js';

/** The event of a record that is mailed about, with its id. */
export function checkFailedEvent(record: DynamoDBRecord): { event: AuditEvent; eventId: string } | undefined {
  const found = insertedEvent(record);
  return found && MAILED_EVENTS.has(found.event.type) ? found : undefined;
}

export function createNotifyHandler(deps: () => NotifyDeps) {
  return streamBatchHandler({
    select: checkFailedEvent,
    handle: ({ event, eventId }) => notifyEvent(deps(), event, eventId),
    describe: ({ event }) => `${event.type} e-mail for ${event.agencyId} ${event.year}`,
  });
}

export const handler = createNotifyHandler(reminderRuntime);
