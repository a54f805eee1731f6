/**
 * Keys of the reminder items in the single table (layout in dynamodb-table.ts). Shared by the
 * filing store, which sets the outstanding index keys on every filing it writes, and the
 * reminder store.
 */
import { isOutstanding, type FilingStatus } from '../domain/filing-status.js';
import { KEYS } from './dynamodb-table.js';
import { part } from './table-keys.js';


/**
 * The sparse index keys a filing item carries while outstanding. A submission replaces the
 * item without them, so it leaves the index in the same transaction that submits.
 */
export function outstandingKeys(filing: { agencyId: string; region: string; year: number; status: FilingStatus }): Record<string, string> {
  if (!isOutstanding(filing.status)) return {};
  return { [KEYS.gsi2pk]: part.outstanding(filing.year), [KEYS.gsi2sk]: `${filing.region}#${filing.agencyId}` };
}

/**
 * Region index keys a reminder claim gets once sent: the board lists a region-year's sent
 * reminders in one query (`at`, `agencyId` are in the index's projection).
 */
export function sentReminderKeys(region: string, year: number, agencyId: string, at: string): Record<string, string> {
  return { [KEYS.gsi1pk]: sentRemindersPk(region, year), [KEYS.gsi1sk]: `${agencyId}#${at}` };
}

/** The index partition of a region-year's sent reminders. */
export const sentRemindersPk = part.sentReminders;

