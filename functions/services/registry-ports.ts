/** What the registry use cases (registry.ts) need from storage; adapters/dynamodb-registry-store.ts implements it. */
import type { Agency } from '../domain/agency.js';
import type { AuditEvent } from './model.js';

/** An agency of the registry as the review page lists it. */
export interface RegistryEntry extends Agency {
  lastSignInAt?: string;
}

/** One agency to write; `before` is the agency as read (absent: a new one). */
export interface AgencyWrite {
  agency: Agency;
  before?: Agency;
}

/**
 * DynamoDB's limit on one transaction. A write of agencies is one transaction, so it is all or
 * nothing: the use case refuses up front what would need more items (`agencyWriteItems`).
 */
export const MAX_TRANSACTION_ITEMS = 100;

/** Items one agency write touches: the agency, an address item per address added or removed. */
export function agencyWriteItems(write: AgencyWrite): number {
  const before = new Set((write.before?.emails ?? []).map((e) => e.toLowerCase()));
  const now = new Set(write.agency.emails.map((e) => e.toLowerCase()));
  let n = 1;
  for (const e of now) if (!before.has(e)) n++;
  for (const e of before) if (!now.has(e)) n++;
  return n;
}

export interface RegistryStore {
  /** the agencies as stored now (a fresh batch read, no cache: writes are conditioned on it) */
  readAgencies(ids: readonly string[]): Promise<Map<string, Agency>>;
  /** every agency registered in the region (exactly), active or deactivated, with its last sign-in */
  listRegistry(region: string): Promise<RegistryEntry[]>;
  /**
   * Writes the agencies, their sign-in address items and the events in one transaction: all or
   * nothing. Each agency is written only if it is still as read (`before`: same region and
   * addresses; none: not registered meanwhile), else StateConflictError and nothing is written.
   * Deactivation and the last sign-in are left as they are.
   */
  writeAgencies(writes: readonly AgencyWrite[], events: readonly AuditEvent[]): Promise<void>;
  /** sets (a time) or clears (undefined) the deactivation, with its event; false if the agency is gone */
  setDeactivated(agencyId: string, deactivatedAt: string | undefined, event: AuditEvent): Promise<boolean>;
  /** the reviewers' addresses registered for the region (exactly) */
  listReviewers(region: string): Promise<string[]>;
  /** false if the address was not a reviewer of the region */
  removeReviewer(region: string, email: string): Promise<boolean>;
}
