import { describe, expect, it } from 'vitest';
import { candidateYears, daysLeft, deadlineOf, deadlineText, openingYear, selectableYears } from '../../web/form/reporting-year.js';
import { extractToken } from '../../web/form/sign-in.js';

const township = { kind: 'township' as const, region: '411325' };
const deadline = (y: number) => deadlineOf(township, y);

describe('openingYear', () => {
  it('opens last year in January, while its report is due next', () => {
    expect(openingYear('2025-01-10', deadline, () => undefined)).toBe(2024);
  });

  it('opens last year once overdue and not submitted', () => {
    expect(openingYear('2025-03-01', deadline, () => 'draft')).toBe(2024);
    expect(openingYear('2025-03-01', deadline, (y) => (y === 2024 ? 'returned' : undefined))).toBe(2024);
  });

  it('moves on to this year once last year is submitted', () => {
    expect(openingYear('2025-03-01', deadline, (y) => (y <= 2024 ? 'submitted' : undefined))).toBe(2025);
    expect(openingYear('2025-03-01', deadline, (y) => (y <= 2024 ? 'published' : undefined))).toBe(2025);
  });

  it('does not reach back to years before last year (filed before the system, perhaps)', () => {
    expect(openingYear('2025-03-01', deadline, (y) => (y === 2023 ? 'not_started' : y === 2024 ? 'submitted' : undefined))).toBe(2025);
  });

  it('counts the deadline day itself as not yet overdue', () => {
    expect(openingYear('2025-01-31', deadline, () => undefined)).toBe(2024);
    expect(openingYear('2025-02-01', deadline, () => undefined)).toBe(2024);
  });
});

describe('deadlines', () => {
  it('gives townships 31 January and the county government office 20 February', () => {
    expect(deadlineOf(township, 2024)).toBe('2025-01-31');
    expect(deadlineOf({ kind: 'government-office', region: '411325' }, 2024)).toBe('2025-02-20');
  });

  it('counts days left and says when overdue', () => {
    expect(daysLeft('2025-01-26', '2025-01-31')).toBe(5);
    expect(deadlineText(5)).toBe('还剩 5 天');
    expect(deadlineText(0)).toBe('今天截止');
    expect(deadlineText(daysLeft('2025-02-03', '2025-01-31'))).toBe('已逾期 3 天');
  });

  it('offers every year from 2019 and looks at last year and this year', () => {
    expect(selectableYears('2021-06-01')).toEqual([2021, 2020, 2019]);
    expect(candidateYears('2025-06-01')).toEqual([2024, 2025]);
  });
});

describe('extractToken', () => {
  it('takes the token from the fragment and leaves the rest of the URL', () => {
    expect(extractToken('http://127.0.0.1:3000/file/#token=abc123')).toEqual({ token: 'abc123', cleanUrl: 'http://127.0.0.1:3000/file/' });
  });

  it('takes the token from the query too', () => {
    expect(extractToken('http://h/file/?token=xyz&year=2024')).toEqual({ token: 'xyz', cleanUrl: 'http://h/file/?year=2024' });
  });

  it('finds no token in a clean URL', () => {
    expect(extractToken('http://h/file/')).toEqual({ token: undefined, cleanUrl: 'http://h/file/' });
  });
});
