/**
 * What this process last read or wrote of a region-year's publications, so a publish in a
 * region-year this process published in just before need not read every report of it again.
 *
 * Exact, not a guess with a lifetime: an entry counts only while the region-year's `recorded`
 * counter (read anyway with the site's lines) still has the value it was stored under. Every
 * recording of a publication adds one to that counter, in the same transaction as the entries
 * (or after them), so an unchanged counter means an unchanged list.
 */
import type { Publication } from '../../web/site/site-model.js';

/** Region-years kept (a county has a few; each holds the reports of one year). */
const MAX_ENTRIES = 16;

export class RecentPublications {
  private readonly entries = new Map<string, { recorded: number; publications: readonly Publication[] }>();

  constructor(private readonly maxEntries = MAX_ENTRIES) {}

  get(region: string, year: number, recorded: number): readonly Publication[] | undefined {
    const entry = this.entries.get(`${region}#${year}`);
    return entry && entry.recorded === recorded ? entry.publications : undefined;
  }

  /**
   * `publications` must hold at least everything recorded when the counter read `recorded`
   * (read the counter first, then the list).
   */
  remember(region: string, year: number, recorded: number, publications: readonly Publication[]): void {
    const key = `${region}#${year}`;
    this.entries.delete(key);
    this.entries.set(key, { recorded, publications });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }
}
