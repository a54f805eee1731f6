/**
 * Which reporting year the form opens on, and how far its deadline is. A report for year Y is
 * due early in Y + 1 (31 January for departments and townships), so in any month two or three
 * reporting years are live: last year's, overdue or nearly due, and this year's, due next.
 */
import type { AgencyKind } from '../../functions/domain/agency.js';
import { isFiled, type FilingStatus } from '../../functions/domain/filing-status.js';
import { daysBetween, type IsoDate } from '../../functions/domain/reminders/calendar.js';
import { DEFAULT_POLICY, deadlineFor } from '../../functions/domain/reminders/deadline-policy.js';

/** The first year of the current national format family the form offers (试行格式 from 2019). */
export const FIRST_YEAR = 2019;

/** Statuses after which nothing is owed for a year. */

export function deadlineOf(agency: { kind: AgencyKind; region: string }, year: number): IsoDate {
  return deadlineFor(DEFAULT_POLICY, agency, year);
}

/** Whole days from today to the deadline; negative once overdue. */
export function daysLeft(today: IsoDate, deadline: IsoDate): number {
  return daysBetween(today, deadline);
}

/**
 * The years worth looking at when the form opens: last year's report (due or overdue) and this
 * year's. Older years are reached through the year switcher; looking further back would open
 * every new user on a year filed before the system existed.
 */
export function candidateYears(today: IsoDate): number[] {
  const year = Number(today.slice(0, 4));
  return [year - 1, year].filter((y) => y >= FIRST_YEAR);
}

/** Every year the form can switch to, newest first. */
export function selectableYears(today: IsoDate): number[] {
  const years: number[] = [];
  for (let y = Number(today.slice(0, 4)); y >= FIRST_YEAR; y--) years.push(y);
  return years;
}

/** The year to open: last year's if it is overdue and not yet submitted, else the one due next. */
export function openingYear(
  today: IsoDate,
  deadline: (year: number) => IsoDate,
  statusOf: (year: number) => FilingStatus | undefined,
): number {
  const years = candidateYears(today);
  const overdue = years.find((y) => daysBetween(today, deadline(y)) < 0 && !isFiled(statusOf(y) ?? 'not_started'));
  if (overdue !== undefined) return overdue;
  const next = years.find((y) => daysBetween(today, deadline(y)) >= 0);
  return next ?? Number(today.slice(0, 4));
}

/** "还剩 5 天" / "今天截止" / "已逾期 3 天". */
export function deadlineText(days: number): string {
  if (days > 0) return `还剩 ${days} 天`;
  if (days === 0) return '今天截止';
  return `已逾期 ${-days} 天`;
}
