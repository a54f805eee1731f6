/** The demo county follows today's date: a newcomer sees a deadline ahead or just past, never a year long overdue. */
import { describe, expect, it } from 'vitest';
import { demoYear, DEMO_AGENCIES } from '../../local/seed/demo-county.js';
import { daysLeft, deadlineOf, openingYear } from '../../web/form/reporting-year.js';
import { shanghaiDate } from '../../functions/domain/reminders/calendar.js';

describe('the demo year', () => {
  it.each([
    ['2026-11-27T12:00:00Z', 2026],
    ['2026-12-31T17:00:00Z', 2026], // 1 January in Shanghai: still this year's report, due 31 January
    ['2027-01-15T04:00:00Z', 2026],
    ['2027-02-28T04:00:00Z', 2026],
    ['2027-03-01T04:00:00Z', 2027],
    ['2027-06-30T04:00:00Z', 2027],
  ])('on %s the demo files %i', (iso, year) => {
    expect(demoYear(new Date(iso))).toBe(year);
  });

  it('is the year the form opens on, with its deadline at most a month past and at most a year ahead, every day of a year', () => {
    const office = DEMO_AGENCIES[0]!;
    for (let day = 0; day < 366; day++) {
      const now = new Date(Date.UTC(2026, 0, 1) + day * 86_400_000);
      const year = demoYear(now);
      const today = shanghaiDate(now);
      // Seeded: last year's report submitted, this year's not yet.
      const opened = openingYear(today, (y) => deadlineOf(office, y), (y) => (y === year - 1 ? 'submitted' : undefined));
      expect(opened).toBe(year);
      const left = daysLeft(today, deadlineOf(office, year));
      expect(left).toBeGreaterThanOrEqual(-31);
      expect(left).toBeLessThanOrEqual(366);
    }
  });
});
