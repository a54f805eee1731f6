/**
 * The table's stream records as items: decoded with the SDK's own `unmarshall`, then checked
 * with zod against the shape the stores write (revision and audit-event items, keys in
 * table-keys.ts). What the stream consumers need, and nothing they have to decode by hand.
 */
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue as SdkAttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { z } from 'zod';
import { EventType, type AuditEvent } from '../services/model.js';
import { KEYS } from './dynamodb-table.js';

type Image = Record<string, AttributeValue> | undefined;

function decode(image: Image): Record<string, unknown> | undefined {
  // The Lambda event's attribute values are the same JSON as the SDK's; only the types differ.
  return image ? unmarshall(image as Record<string, SdkAttributeValue>) : undefined;
}

/** A revision item as written on submit (and amended with `approvedAt` by an approval). */
export const RevisionImage = z.object({
  type: z.literal('revision'),
  agencyId: z.string().min(1),
  year: z.number().int(),
  revision: z.number().int().min(1),
  review: z.literal('required').optional(),
  approvedAt: z.string().optional(),
  publishedAt: z.string().optional(),
  /** its stamped copy (盖章件), recorded on confirmation: only when it was uploaded matters here */
  stampedCopy: z.object({ uploadedAt: z.string() }).optional(),
});
export type RevisionImage = z.infer<typeof RevisionImage>;

/** An audit-event item (`type: 'event'`); its sort key is the event's id. */
const EventImage = z.object({
  [KEYS.sk]: z.string().min(1),
  type: z.literal('event'),
  eventType: EventType,
  at: z.string(),
  region: z.string(),
  agencyId: z.string().min(1),
  year: z.number().int(),
  actor: z.string().default(''),
  detail: z.record(z.string(), z.unknown()).optional(),
});

export interface StreamChange<T> {
  kind: DynamoDBRecord['eventName'];
  item: T;
  /** the item before the change (MODIFY, REMOVE) */
  before?: Record<string, unknown>;
}

/** A revision's INSERT or MODIFY, or undefined for any other record. */
export function revisionChange(record: DynamoDBRecord): StreamChange<RevisionImage> | undefined {
  const parsed = RevisionImage.safeParse(decode(record.dynamodb?.NewImage as Image));
  if (!parsed.success) return undefined;
  const before = decode(record.dynamodb?.OldImage as Image);
  return { kind: record.eventName, item: parsed.data, ...(before ? { before } : {}) };
}

/** The audit event an INSERT wrote, with its item's sort key as its id. */
export function insertedEvent(record: DynamoDBRecord): { event: AuditEvent; eventId: string } | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const parsed = EventImage.safeParse(decode(record.dynamodb?.NewImage as Image));
  if (!parsed.success) return undefined;
  const item = parsed.data;
  return {
    eventId: item[KEYS.sk] as string,
    event: {
      type: item.eventType,
      at: item.at,
      region: item.region,
      agencyId: item.agencyId,
      year: item.year,
      actor: item.actor,
      ...(item.detail ? { detail: item.detail } : {}),
    },
  };
}
