/**
 * What the renderers take: plain data the publish handler reads from the table. Nothing here
 * knows about DynamoDB or S3.
 */
import type { AgencyKind } from './agency.js';
import type { Report } from './report.js';
import { shanghaiDate } from './reminders/calendar.js';
import { deadlineFor, DEFAULT_POLICY, type ReminderPolicy } from './reminders/deadline-policy.js';

export interface RegionInfo {
  /** 6-digit 行政区划代码 */
  readonly code: string;
  /** e.g. 内乡县; the code is shown when absent */
  readonly name?: string;
}

export interface AgencyInfo {
  /** 统一社会信用代码 */
  readonly id: string;
  /** the registered name (filer-supplied text: always escaped) */
  readonly name: string;
  readonly region: string;
  readonly kind?: AgencyKind;
}

/** One published revision of a report. Revision 1 is the first publication; later ones are 更正. */
export interface PublishedRevision {
  readonly revision: number;
  /** ISO 8601 instant of publication */
  readonly publishedAt: string;
  readonly report: Report;
  /** the filer's explanation of the correction, if any */
  readonly note?: string;
}

/** A revision's facts without its report (for pages that only list dates). */
export type RevisionInfo = Omit<PublishedRevision, 'report'>;

/** Everything published for one agency and year, revisions in ascending order (at least one). */
export interface Publication {
  readonly agencyId: string;
  readonly region: string;
  readonly year: number;
  readonly revisions: readonly PublishedRevision[];
  /**
   * `stamped.pdf`, `stamped.jpg` or `stamped.png`: the latest revision's stamped copy (盖章件),
   * written beside the current report page, when its region publishes stamped copies
   */
  readonly stampedCopyFile?: string;
}

/** The whole site's data, for a full rebuild and for tests. */
export interface SiteSnapshot {
  readonly regions: readonly RegionInfo[];
  readonly agencies: readonly AgencyInfo[];
  readonly publications: readonly Publication[];
}

export function latestRevision<T extends { revision: number }>(revisions: readonly T[]): T {
  const latest = revisions.reduce<T | undefined>((a, r) => (a && a.revision >= r.revision ? a : r), undefined);
  if (!latest) throw new Error('a publication has at least one revision');
  return latest;
}

export function firstRevision<T extends { revision: number }>(revisions: readonly T[]): T {
  const first = revisions.reduce<T | undefined>((a, r) => (a && a.revision <= r.revision ? a : r), undefined);
  if (!first) throw new Error('a publication has at least one revision');
  return first;
}

export function regionName(region: RegionInfo): string {
  return region.name ?? region.code;
}

/** One region and year: every agency of the region, and what of theirs is published that year. */
export interface RegionYearInput {
  readonly region: RegionInfo;
  readonly year: number;
  /** the region's agencies, published or not */
  readonly agencies: readonly AgencyInfo[];
  /** this region-year's publications */
  readonly publications: readonly Publication[];
}

export interface RosterEntry {
  readonly agencyId: string;
  readonly name: string;
  readonly publication?: Publication;
}

const collator = new Intl.Collator('zh-CN');

/**
 * Every agency of the region-year in a stable order (by name, then id), each with its
 * publication. An agency that published here but has since left the region still counts.
 */
export function roster({ agencies, publications }: RegionYearInput): RosterEntry[] {
  const byAgency = new Map(publications.map((p) => [p.agencyId, p]));
  const entries = new Map<string, RosterEntry>();
  for (const a of agencies) entries.set(a.id, { agencyId: a.id, name: a.name, publication: byAgency.get(a.id) });
  for (const p of publications) {
    if (!entries.has(p.agencyId)) {
      entries.set(p.agencyId, { agencyId: p.agencyId, name: latestRevision(p.revisions).report.agencyName, publication: p });
    }
  }
  return [...entries.values()].sort((a, b) => collator.compare(a.name, b.name) || (a.agencyId < b.agencyId ? -1 : 1));
}

/**
 * How many of a region-year's reports were first published by their deadline (by agency kind:
 * the region's own deadlines where the policy sets them, else the legal defaults;
 * deadline-policy.ts), by the date in China.
 */
export function publishedOnTime(input: RegionYearInput, policy: ReminderPolicy = DEFAULT_POLICY): number {
  const kinds = new Map(input.agencies.map((a) => [a.id, a.kind]));
  return input.publications.filter((p) => {
    const deadline = deadlineFor(policy, { kind: kinds.get(p.agencyId) ?? 'department', region: p.region }, input.year);
    return shanghaiDate(new Date(firstRevision(p.revisions).publishedAt)) <= deadline;
  }).length;
}
