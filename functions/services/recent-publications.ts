/**
 * What this process last read or wrote of a region-year's publications, so a publish in a
 * region-year this process published in just before need not read every report of it again.
 *
 * Exact, not a guess with a lifetime: an entry counts only while the region-year's `recorded`
 * counter (read anyway with the site's lines) still has the value it was stored under. Every
 * recording of a publication adds one to that counter, in the same transaction as the entries
 * (or after them), so an unchanged counter means an unchanged list.
 */
import type { Publication } from '../domain/publication.js';

/**
 * Revisions kept over all region-years (a parsed report takes 5–30 KB; a county's year has a
 * few hundred): bounds a publisher's memory, whatever the site's size. The newest region-year is
 * kept even when it alone holds more, since its publish holds the list anyway.
 */
const MAX_REVISIONS = 5000;

interface Entry {
  recorded: number;
  publications: readonly Publication[];
  revisions: number;
}

export class RecentPublications {
  private readonly entries = new Map<string, Entry>();
  private revisions = 0;

  constructor(private readonly maxRevisions = MAX_REVISIONS) {}

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
    this.drop(key);
    const revisions = publications.reduce((n, p) => n + p.revisions.length, 0);
    this.entries.set(key, { recorded, publications, revisions });
    this.revisions += revisions;
    // Oldest first (Map keeps insertion order); never the one just stored.
    for (const oldest of this.entries.keys()) {
      if (this.revisions <= this.maxRevisions || oldest === key) break;
      this.drop(oldest);
    }
  }

  private drop(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.revisions -= entry.revisions;
    this.entries.delete(key);
  }
}
