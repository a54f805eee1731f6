import { describe, expect, it } from 'vitest';
import { RecentPublications } from '../../functions/services/recent-publications.js';
import type { Publication } from '../../functions/domain/publication.js';
import { emptyReport } from '../../functions/domain/report.js';

/** `revisions` revisions of one agency (their content does not matter here). */
const list = (agencyId: string, revisions = 1): Publication[] => [
  {
    agencyId,
    region: '411325',
    year: 2024,
    revisions: Array.from({ length: revisions }, (_, i) => ({
      revision: i + 1,
      publishedAt: '2025-01-20T02:00:00Z',
      report: emptyReport('2021', { agencyName: agencyId, year: 2024 }),
    })),
  },
];

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

  it('keeps at most so many revisions, dropping the region-years stored longest ago', () => {
    const recent = new RecentPublications(5);
    recent.remember('1', 2024, 1, list('A', 2));
    recent.remember('2', 2024, 1, list('B', 2));
    // Storing region 1 again makes it the newest.
    recent.remember('1', 2024, 2, list('A', 2));
    recent.remember('3', 2024, 1, list('C', 2));
    expect(recent.get('2', 2024, 1)).toBeUndefined();
    expect(recent.get('1', 2024, 2)).toBeDefined();
    expect(recent.get('3', 2024, 1)).toBeDefined();
    // One region-year larger than the bound is still kept (its publish holds it anyway), alone.
    recent.remember('4', 2024, 1, list('D', 9));
    expect(recent.get('4', 2024, 1)).toBeDefined();
    expect(recent.get('1', 2024, 2)).toBeUndefined();
    expect(recent.get('3', 2024, 1)).toBeUndefined();
  });
});
