/**
 * The sum of a region's accepted reports: what the review roll-up shows and what the
 * government office's own filing (the region's 汇总 report) is checked against
 * (`rollup.mismatch`). The office itself is never a member: its report is the 汇总 being
 * checked, so its own figures (its own applications, reviews, suits) are not in the sum; a
 * difference that equals them is expected and the office explains it (docs/rules.md).
 */
import type { Agency } from '../domain/agency.js';
import { deactivatedWithFiling } from './deactivated.js';
import { isAccepted, type FilingStatus } from '../domain/filing-status.js';
import { templateForYear, type Report } from '../domain/report.js';
import { sumReports } from '../domain/report-totals.js';
import type { Revision } from './model.js';
import type { FilingStore } from './ports.js';

export interface RegionSum {
  /** the region's government office, if registered */
  office: Agency | undefined;
  /** the sum of the members' accepted reports, under the office's name */
  report: Report;
  /** members with an accepted revision in this year's template */
  included: { agency: Agency; revision: Revision }[];
  /** members without one, and where their filing stands */
  missing: { agency: Agency; status: FilingStatus }[];
  /** how many members the region has (every agency but the office) */
  of: number;
}

/**
 * The region's agencies other than its government office, each with its newest accepted
 * revision. A revision awaiting approval or returned is not accepted yet, so the agency counts
 * as missing.
 */
export async function regionSum(store: FilingStore, region: string, year: number, office?: Agency): Promise<RegionSum> {
  const [active, filings] = await Promise.all([store.listAgencies(region), store.listRegionFilings(region, year)]);
  // A deactivated agency's report filed for the year still counts; one that did not file owes nothing.
  const agencies = [...active, ...(await deactivatedWithFiling(store, active, filings))];
  office ??= agencies.find((a) => a.kind === 'government-office');
  const byAgency = new Map(filings.map((f) => [f.agencyId, f]));
  const members = agencies.filter((a) => a.kind !== 'government-office').sort((x, y) => x.name.localeCompare(y.name, 'zh-CN'));
  const template = templateForYear(year);
  const found = await Promise.all(
    members.map(async (a) => {
      const f = byAgency.get(a.id);
      if (!f || !isAccepted(f.status) || f.latestRevision === 0) return { agency: a, status: f?.status ?? 'not_started', revision: undefined };
      return { agency: a, status: f.status, revision: await store.getRevision(a.id, year, f.latestRevision) };
    }),
  );
  const included = found.flatMap((x) => (x.revision?.report.template === template ? [{ agency: x.agency, revision: x.revision }] : []));
  const missing = found.filter((x) => x.revision?.report.template !== template).map((x) => ({ agency: x.agency, status: x.status }));
  const report = sumReports(
    included.map((x) => x.revision.report),
    { template, agencyName: office?.name ?? `${region}汇总`, year },
  );
  return { office, report, included, missing, of: members.length };
}
