import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, ReminderPolicy, dueDigestDate, dueStep, reportingYearsInWindow } from '../../functions/domain/reminders/deadline-policy.js';
import { nextShanghaiTime } from '../../local/daily-schedule.js';

describe('catch-up of missed steps', () => {
  const deadline = '2024-01-31';

  it("is today's step when today has one", () => {
    expect(dueStep(DEFAULT_POLICY, deadline, '2024-01-24')).toEqual({ step: { kind: 'before', days: 7 }, on: '2024-01-24' });
  });

  it('makes up the latest step of the previous two days, never an older one', () => {
    expect(dueStep(DEFAULT_POLICY, deadline, '2024-01-26')).toEqual({ step: { kind: 'before', days: 7 }, on: '2024-01-24' });
    expect(dueStep(DEFAULT_POLICY, deadline, '2024-01-27')).toBeUndefined();
    // the day itself and the day before are both steps: the later one wins
    expect(dueStep(DEFAULT_POLICY, deadline, '2024-02-01')).toEqual({ step: { kind: 'due' }, on: '2024-01-31' });
  });

  it('makes up the last overdue step (day 90) on the two days after it, and then stops', () => {
    // 31 January 2024 + 90 days = 30 April; the pass of 30 April did not run
    for (const today of ['2024-05-01', '2024-05-02']) {
      expect(reportingYearsInWindow(DEFAULT_POLICY, today)).toContain(2023);
      expect(dueStep(DEFAULT_POLICY, deadline, today)).toEqual({ step: { kind: 'overdue', days: 90 }, on: '2024-04-30' });
    }
    expect(dueStep(DEFAULT_POLICY, deadline, '2024-05-03')).toBeUndefined();
  });

  it('can be turned off', () => {
    const strict = ReminderPolicy.parse({ catchUpDays: 0 });
    expect(dueStep(strict, deadline, '2024-01-25')).toBeUndefined();
  });

  it('finds the digest day within the window', () => {
    expect(dueDigestDate(DEFAULT_POLICY, deadline, '2024-02-07')).toBe('2024-02-07');
    expect(dueDigestDate(DEFAULT_POLICY, deadline, '2024-02-09')).toBe('2024-02-07');
    expect(dueDigestDate(DEFAULT_POLICY, deadline, '2024-02-10')).toBeUndefined();
    expect(dueDigestDate(DEFAULT_POLICY, deadline, '2024-02-06')).toBeUndefined();
  });
});

describe('the local daily schedule', () => {
  it('runs at 09:00 in Shanghai (01:00 UTC), today if not yet past, else tomorrow', () => {
    expect(nextShanghaiTime(new Date('2024-01-24T00:30:00Z'), 9, 0).toISOString()).toBe('2024-01-24T01:00:00.000Z');
    expect(nextShanghaiTime(new Date('2024-01-24T01:00:00Z'), 9, 0).toISOString()).toBe('2024-01-25T01:00:00.000Z');
    // 23:30 UTC is already the next morning in Shanghai
    expect(nextShanghaiTime(new Date('2024-01-24T23:30:00Z'), 9, 0).toISOString()).toBe('2024-01-25T01:00:00.000Z');
  });
});
