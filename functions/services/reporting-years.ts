/**
 * Opening a reporting year: every agency that owes a report gets a not_started filing, which
 * puts it in the sparse outstanding index until it submits. Once per year (a Scan of the
 * registry, marked done by a `YEARS` item); agencies registered later are opened one by one.
 */
import { owesReport, type ReminderPolicy } from '../domain/reminders/deadline-policy.js';
import { isActive, type Agency } from '../domain/agency.js';
import type { ReminderStore } from './reminder-ports.js';

const WRITE_CONCURRENCY = 16;

export interface OpenedYear {
  year: number;
  agencies: number;
  /** not_started filings written (agencies with a filing already are left alone) */
  filings: number;
}

/** Writes the year's not_started filings and marks the year opened; safe to run twice. */
export async function openReportingYear(store: ReminderStore, policy: ReminderPolicy, year: number, at: string): Promise<OpenedYear> {
  let agencies = 0;
  let filings = 0;
  let batch: Agency[] = [];
  const flush = async () => {
    const written = await Promise.all(batch.map((a) => store.openFiling(a, year, at)));
    filings += written.filter(Boolean).length;
    batch = [];
  };
  for await (const agency of store.scanAgencies()) {
    agencies++;
    // A deactivated agency owes nothing (reactivating it opens its years: services/registry.ts).
    if (!isActive(agency) || !owesReport(policy, agency.region, year)) continue;
    batch.push(agency);
    if (batch.length >= WRITE_CONCURRENCY) await flush();
  }
  await flush();
  // Marked last: a pass that dies half-way is finished by the next one.
  await store.markYearOpened(year, { openedAt: at, agencies, filings });
  return { year, agencies, filings };
}

/** Opens the years not opened yet; returns what it opened. */
export async function ensureYearsOpened(
  store: ReminderStore,
  policy: ReminderPolicy,
  years: readonly number[],
  at: string,
): Promise<OpenedYear[]> {
  if (years.length === 0) return [];
  const opened = new Set(await store.openedYears());
  const result: OpenedYear[] = [];
  for (const year of years) if (!opened.has(year)) result.push(await openReportingYear(store, policy, year, at));
  return result;
}

/** A newly registered agency owes every year already opened (from its region's first year). */
export async function openYearsForAgency(store: ReminderStore, policy: ReminderPolicy, agency: Agency, at: string): Promise<number[]> {
  const years = (await store.openedYears()).filter((y) => owesReport(policy, agency.region, y));
  const written = await Promise.all(years.map((y) => store.openFiling(agency, y, at)));
  return years.filter((_, i) => written[i]);
}
