import { describe, expect, it } from 'vitest';
import { RecentPublications } from '../../functions/services/recent-publications.js';
import type { Publication } from '../../web/site/site-model.js';

const list = (agencyId: string): Publication[] => [{ agencyId, region: '411325', year: 2024, revisions: [] }];

describe('RecentPublications', () => {
  it('answers only for the record count it was given', () => {
    const recent = new RecentPublications();
    recent.remember('411325', 2024, 3, list('A'));
    expect(recent.get('411325', 2024, 3)).toEqual(list('A'));
    expect(recent.get('411325', 2024, 4)).toBeUndefined();
    expect(recent.get('411325', 2023, 3)).toBeUndefined();
    recent.remember('411325', 2024, 4, list('B'));
    expect(recent.get('411325', 2024, 3)).toBeUndefined();
    expect(recent.get('411325', 2024, 4)).toEqual(list('B'));
  });

  it('keeps a bounded number of region-years, dropping the least recently stored', () => {
    const recent = new RecentPublications(2);
    recent.remember('1', 2024, 1, list('A'));
    recent.remember('2', 2024, 1, list('B'));
    recent.remember('1', 2024, 2, list('A'));
    recent.remember('3', 2024, 1, list('C'));
    expect(recent.get('2', 2024, 1)).toBeUndefined();
    expect(recent.get('1', 2024, 2)).toEqual(list('A'));
    expect(recent.get('3', 2024, 1)).toEqual(list('C'));
  });
});
