/**
 * Deactivated agencies leave the region's listing (they owe nothing from then on), but a report
 * they filed for a year still counts for that year: the board shows it and the roll-up sums it.
 */
import { isActive, type Agency } from '../domain/agency.js';
import { isFiled } from '../domain/filing-status.js';
import type { FilingSummary } from './model.js';
import type { FilingStore } from './ports.js';

/** The deactivated agencies among the filings' owners whose filing of the year was filed. */
export async function deactivatedWithFiling(
  store: Pick<FilingStore, 'getAgency'>,
  active: readonly Agency[],
  filings: readonly FilingSummary[],
): Promise<Agency[]> {
  const listed = new Set(active.map((a) => a.id));
  const others = filings.filter((f) => !listed.has(f.agencyId) && isFiled(f.status));
  const agencies = await Promise.all(others.map((f) => store.getAgency(f.agencyId)));
  return agencies.filter((a): a is Agency => a !== undefined && !isActive(a));
}
