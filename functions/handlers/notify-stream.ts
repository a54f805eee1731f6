/**
 * The table's stream → failed-check e-mails. A second event source mapping on the same stream
 * as the publisher (ReportBatchItemFailures); locally local/reminders.ts runs its own pump.
 * Only the INSERT of a `filing.check-failed` or `filing.returned` event item concerns it.
 */
import type { AttributeValue, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { EventType, type AuditEvent } from '../services/model.js';
import { notifyCheckFailed, notifyReturned, type NotifyDeps } from '../services/notify.js';
import { reminderRuntime } from './compose/mail.js';

const MAILED = new Set(['filing.check-failed', 'filing.returned']);

/** The audit event in a stream record, with its item's sort key as its id. */
export function checkFailedEvent(record: DynamoDBRecord): { event: AuditEvent; eventId: string } | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (image?.type?.S !== 'event' || !MAILED.has(image.eventType?.S ?? '')) return undefined;
  const item = plainMap(image);
  const type = EventType.safeParse(item.eventType);
  if (!type.success || typeof item.agencyId !== 'string' || typeof item.year !== 'number') return undefined;
  return {
    eventId: String(item.SK),
    event: {
      type: type.data,
      at: String(item.at),
      region: String(item.region),
      agencyId: item.agencyId,
      year: item.year,
      actor: String(item.actor ?? ''),
      ...(item.detail ? { detail: item.detail as Record<string, unknown> } : {}),
    },
  };
}

/** A stream image as plain values (strings, numbers, booleans, lists, maps; enough for events). */
function plain(v: AttributeValue): unknown {
  if (v.S !== undefined) return v.S;
  if (v.N !== undefined) return Number(v.N);
  if (v.BOOL !== undefined) return v.BOOL;
  if (v.NULL) return null;
  if (v.L) return v.L.map(plain);
  if (v.M) return plainMap(v.M);
  if (v.SS) return v.SS;
  if (v.NS) return v.NS.map(Number);
  return undefined;
}

function plainMap(m: Record<string, AttributeValue>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(m).map(([k, v]) => [k, plain(v)]));
}

export function createNotifyHandler(deps: () => NotifyDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const found = checkFailedEvent(record);
      if (!found) continue;
      try {
        if (found.event.type === 'filing.returned') await notifyReturned(deps(), found.event, found.eventId);
        else await notifyCheckFailed(deps(), found.event, found.eventId);
      } catch (error) {
        console.error(`${found.event.type} e-mail for ${found.event.agencyId} ${found.event.year} failed, will be retried:`, (error as Error).message);
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}

export const handler = createNotifyHandler(reminderRuntime);
