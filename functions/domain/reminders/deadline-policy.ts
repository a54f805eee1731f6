/**
 * When each agency's report is due, and when it is reminded. One typed configuration holds the
 * legal defaults (条例第四十九条 and the 2021 notice) and each region's overrides.
 */
import { z } from 'zod';
import { AgencyKind } from '../agency.js';
import { addDays, daysBetween, isRealDate, type IsoDate } from './calendar.js';

/** A month and day of the year after the reporting year, e.g. `01-31`. */
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '应为 MM-DD');

export const RegionPolicy = z.strictObject({
  /** the first reporting year this region's agencies owe (earlier years are never chased) */
  firstYear: z.number().int().optional(),
  /** due dates by agency kind, overriding the defaults */
  deadlines: z.partialRecord(AgencyKind, MonthDay).optional(),
  /** `required`: an accepted report waits for the reviewer's approval before publishing */
  review: z.enum(['none', 'required']).optional(),
});
export type RegionPolicy = z.infer<typeof RegionPolicy>;

export const ReminderPolicy = z.strictObject({
  /** due dates by agency kind: departments and townships 31 January; the county's own report (政府办) 20 February */
  deadlines: z.record(AgencyKind, MonthDay).default({
    department: '01-31',
    township: '01-31',
    'government-office': '02-20',
  }),
  /** days before the deadline on which a filer is reminded; 0 is the day itself */
  daysBefore: z.array(z.number().int().min(0)).default([14, 7, 3, 1, 0]),
  /** once overdue, remind every this many days */
  overdueEvery: z.number().int().min(1).default(3),
  /** stop chasing after this many days overdue (the reviewer's board still shows it) */
  overdueFor: z.number().int().min(1).default(90),
  /** reviewers get a digest of overdue agencies from this many days overdue … */
  digestFrom: z.number().int().min(0).default(7),
  /** … and then every this many days */
  digestEvery: z.number().int().min(1).default(7),
  /**
   * a pass also makes up steps of this many earlier days not yet sent (a missed daily run, a
   * send that failed); at most the latest such step goes out, dated today
   */
  catchUpDays: z.number().int().min(0).max(6).default(2),
  regions: z.record(z.string().regex(/^\d{6}$/), RegionPolicy).default({}),
});
export type ReminderPolicy = z.infer<typeof ReminderPolicy>;

export const DEFAULT_POLICY: ReminderPolicy = ReminderPolicy.parse({});

/** The date a report for `year` is due: the month-day in the following year. */
export function deadlineFor(
  policy: ReminderPolicy,
  agency: { kind: AgencyKind; region: string },
  year: number,
): IsoDate {
  const monthDay = policy.regions[agency.region]?.deadlines?.[agency.kind] ?? policy.deadlines[agency.kind];
  return dueDate(monthDay, year);
}

/** The month-day in the year after the reporting year. */
function dueDate(monthDay: string, year: number): IsoDate {
  const date = `${year + 1}-${monthDay}`;
  // 02-29 in a common year, or 02-30 in any: the last day of February
  return isRealDate(date) ? date : addDays(`${year + 1}-03-01`, -1);
}

/** Whether an agency of the region owes a report for the year at all. */
export function owesReport(policy: ReminderPolicy, region: string, year: number): boolean {
  return year >= (policy.regions[region]?.firstYear ?? Number.NEGATIVE_INFINITY);
}

export type ReminderStep =
  | { kind: 'before'; days: number }
  | { kind: 'due' }
  | { kind: 'overdue'; days: number };

/** The stable id of a step: part of the key that makes each reminder go out at most once. */
export function stepId(step: ReminderStep): string {
  return step.kind === 'due' ? 'due' : `${step.kind}-${step.days}`;
}

/** The reminder step a filer gets on `today` for a report due on `deadline`, if any. */
export function reminderStep(policy: ReminderPolicy, deadline: IsoDate, today: IsoDate): ReminderStep | undefined {
  const left = daysBetween(today, deadline);
  if (left > 0) return policy.daysBefore.includes(left) ? { kind: 'before', days: left } : undefined;
  if (left === 0) return policy.daysBefore.includes(0) ? { kind: 'due' } : undefined;
  const overdue = -left;
  if (overdue > policy.overdueFor || overdue % policy.overdueEvery !== 0) return undefined;
  return { kind: 'overdue', days: overdue };
}

/** Whether reviewers get the overdue digest on `today` for a deadline. */
export function digestDue(policy: ReminderPolicy, deadline: IsoDate, today: IsoDate): boolean {
  const overdue = daysBetween(deadline, today);
  if (overdue < policy.digestFrom || overdue > policy.overdueFor) return false;
  return (overdue - policy.digestFrom) % policy.digestEvery === 0;
}

/**
 * The reporting years a pass on `today` has anything to do for: those with some configured
 * deadline (default or a region's) within the reminder window around `today`, which reaches
 * `catchUpDays` past the last overdue step so that a missed last step is still made up.
 */
export function reportingYearsInWindow(policy: ReminderPolicy, today: IsoDate): number[] {
  const monthDays = new Set<string>(Object.values(policy.deadlines));
  for (const region of Object.values(policy.regions)) {
    for (const monthDay of Object.values(region.deadlines ?? {})) if (monthDay) monthDays.add(monthDay);
  }
  const ahead = Math.max(...policy.daysBefore, 0);
  const year = Number(today.slice(0, 4));
  return [year - 1, year].filter((reportingYear) =>
    [...monthDays].some((monthDay) => {
      const offset = daysBetween(dueDate(monthDay, reportingYear), today);
      return offset >= -ahead && offset <= policy.overdueFor + policy.catchUpDays;
    }),
  );
}

/** The latest step falling on a day from `today - catchUpDays` to `today`, and that day. */
export function dueStep(
  policy: ReminderPolicy,
  deadline: IsoDate,
  today: IsoDate,
): { step: ReminderStep; on: IsoDate } | undefined {
  for (let back = 0; back <= policy.catchUpDays; back++) {
    const on = addDays(today, -back);
    const step = reminderStep(policy, deadline, on);
    if (step) return { step, on };
  }
  return undefined;
}

/** The latest digest day from `today - catchUpDays` to `today`, if any. */
export function dueDigestDate(policy: ReminderPolicy, deadline: IsoDate, today: IsoDate): IsoDate | undefined {
  for (let back = 0; back <= policy.catchUpDays; back++) {
    const on = addDays(today, -back);
    if (digestDue(policy, deadline, on)) return on;
  }
  return undefined;
}
