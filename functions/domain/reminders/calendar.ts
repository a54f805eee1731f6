/**
 * Calendar dates in Asia/Shanghai, the time zone every deadline is set in. A date is an ISO
 * `YYYY-MM-DD` string; arithmetic is on whole days (China keeps no daylight saving time).
 */
import { z } from 'zod';

export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD');
export type IsoDate = z.infer<typeof IsoDate>;

export const TIME_ZONE = 'Asia/Shanghai';

// Made on first use: a formatter with a time zone loads ICU's zone data, ≈ 28 ms of CPU that
// every process importing this module (each `nianbao` command, through the settings) paid at
// start, whether it told a date or not.
let formatter: Intl.DateTimeFormat | undefined;

/** The date in Shanghai at the given instant. */
export function shanghaiDate(instant: Date): IsoDate {
  formatter ??= new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
  return formatter.format(instant);
}

function dayNumber(date: IsoDate): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date((dayNumber(date) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Throws on 2023-02-30 and the like, which the regex lets through. */
export function isRealDate(date: string): boolean {
  return IsoDate.safeParse(date).success && addDays(date, 0) === date;
}
