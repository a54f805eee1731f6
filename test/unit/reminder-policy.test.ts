import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, shanghaiDate } from '../../functions/domain/reminders/calendar.js';
import {
  DEFAULT_POLICY,
  ReminderPolicy,
  deadlineFor,
  digestDue,
  owesReport,
  reminderStep,
  reportingYearsInWindow,
  stepId,
} from '../../functions/domain/reminders/deadline-policy.js';

const township = { kind: 'township' as const, region: '411325' };

describe('calendar', () => {
  it('takes the date in Shanghai, not UTC', () => {
    expect(shanghaiDate(new Date('2024-01-30T16:30:00Z'))).toBe('2024-01-31');
    expect(shanghaiDate(new Date('2024-01-30T15:59:00Z'))).toBe('2024-01-30');
  });

  it('counts days across months and leap years', () => {
    expect(daysBetween('2024-01-17', '2024-01-31')).toBe(14);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
  });
});

describe('deadlines', () => {
  it('has the legal defaults: 31 January for departments and townships, 20 February for the county', () => {
    expect(deadlineFor(DEFAULT_POLICY, township, 2023)).toBe('2024-01-31');
    expect(deadlineFor(DEFAULT_POLICY, { kind: 'department', region: '411325' }, 2023)).toBe('2024-01-31');
    expect(deadlineFor(DEFAULT_POLICY, { kind: 'government-office', region: '411325' }, 2023)).toBe('2024-02-20');
  });

  it('takes a region’s override, and the first year its agencies report', () => {
    const policy = ReminderPolicy.parse({ regions: { '411325': { firstYear: 2022, deadlines: { township: '01-20' } } } });
    expect(deadlineFor(policy, township, 2023)).toBe('2024-01-20');
    expect(deadlineFor(policy, { kind: 'township', region: '411326' }, 2023)).toBe('2024-01-31');
    expect(owesReport(policy, '411325', 2021)).toBe(false);
    expect(owesReport(policy, '411325', 2022)).toBe(true);
    expect(owesReport(policy, '411326', 2008)).toBe(true);
  });

  it('rejects a malformed override', () => {
    expect(ReminderPolicy.safeParse({ regions: { '411325': { deadlines: { township: '1月20日' } } } }).success).toBe(false);
  });
});

describe('reminder schedule (default 14, 7, 3, 1 days before, the day, every 3 days overdue)', () => {
  const deadline = '2024-01-31';
  const stepsFromTo = (from: string, days: number) =>
    Array.from({ length: days }, (_, i) => addDays(from, i))
      .map((d) => [d, reminderStep(DEFAULT_POLICY, deadline, d)] as const)
      .filter(([, s]) => s)
      .map(([d, s]) => `${d} ${stepId(s!)}`);

  it('reminds on exactly the scheduled days', () => {
    expect(stepsFromTo('2024-01-01', 45)).toEqual([
      '2024-01-17 before-14',
      '2024-01-24 before-7',
      '2024-01-28 before-3',
      '2024-01-30 before-1',
      '2024-01-31 due',
      '2024-02-03 overdue-3',
      '2024-02-06 overdue-6',
      '2024-02-09 overdue-9',
      '2024-02-12 overdue-12',
    ]);
  });

  it('stops chasing after the overdue window', () => {
    expect(reminderStep(DEFAULT_POLICY, deadline, addDays(deadline, 90))).toEqual({ kind: 'overdue', days: 90 });
    expect(reminderStep(DEFAULT_POLICY, deadline, addDays(deadline, 93))).toBeUndefined();
  });

  it('sends reviewers a digest from 7 days overdue, weekly', () => {
    const days = Array.from({ length: 30 }, (_, i) => addDays(deadline, i)).filter((d) => digestDue(DEFAULT_POLICY, deadline, d));
    expect(days).toEqual(['2024-02-07', '2024-02-14', '2024-02-21', '2024-02-28']);
  });

  it('looks only at reporting years whose reminders can fall on the date', () => {
    expect(reportingYearsInWindow(DEFAULT_POLICY, '2024-01-20')).toEqual([2023]);
    expect(reportingYearsInWindow(DEFAULT_POLICY, '2024-11-26')).toEqual([]);
    expect(reportingYearsInWindow(DEFAULT_POLICY, '2024-01-17')).toEqual([2023]);
    expect(reportingYearsInWindow(DEFAULT_POLICY, '2024-01-16')).toEqual([]);
    // the county's own report (20 February) keeps 2023 in the window longer: 90 days overdue
    // on 20 May, and two more days in which a missed last reminder is made up
    expect(reportingYearsInWindow(DEFAULT_POLICY, '2024-05-22')).toEqual([2023]);
    expect(reportingYearsInWindow(DEFAULT_POLICY, '2024-05-23')).toEqual([]);
    expect(reportingYearsInWindow(ReminderPolicy.parse({ catchUpDays: 0 }), '2024-05-21')).toEqual([]);
  });
});
