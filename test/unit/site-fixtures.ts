/** Shared fixtures for the public site's tests: synthetic reports, agencies and sites. */
import { cellRefs, emptyReport, setCell, type Report } from '../../functions/domain/report.js';
import type { TemplateId } from '../../functions/domain/report-template.js';
import type { AgencyInfo, Publication, PublishedRevision, SiteSnapshot } from '../../functions/domain/publication.js';

export const REGION = '411325';

/** A valid-looking 统一社会信用代码 for agency number i. */
export function agencyId(i: number, region = REGION): string {
  return `11${region}${String(i).padStart(10, '0')}`;
}

/**
 * A report whose every cell holds a different value (so a cell shown in the wrong place is
 * caught); the amounts carry six decimals, a few cells are blank.
 */
export function sampleReport(
  opts: { template?: TemplateId; agencyName?: string; year?: number; seed?: number; text?: string } = {},
): Report {
  const template = opts.template ?? '2021';
  const report = emptyReport(template, { agencyName: opts.agencyName ?? '王店镇人民政府', year: opts.year ?? 2023 }, 0);
  const seed = opts.seed ?? 1;
  cellRefs(template).forEach((ref, i) => {
    let value: number | null;
    if (ref.kind === 'amount') value = Number(((seed * 7919 + i) % 30000) + '.' + String((seed * 104729 + i * 31) % 1000000).padStart(6, '0'));
    else if (ref.kind === 'delta') value = ((seed + i) % 7) - 3;
    else value = (seed * 31 + i * 17) % 997;
    if ((i + seed) % 29 === 0) value = null;
    setCell(report, ref.table, ref.row, ref.column, value);
  });
  const text = opts.text ?? '第一段。\n\n第二段，共收到申请5件。';
  return { ...report, sections: { ...report.sections, overview: text, problems: text, other: text } } as Report;
}

export function revision(n: number, report: Report, day = n): PublishedRevision {
  return { revision: n, publishedAt: `2024-01-${String(10 + day).padStart(2, '0')}T02:00:00Z`, report };
}

/** A site of one region with `size` agencies, the first `published` of them with a report. */
export function syntheticSite(size: number, published = size, year = 2023, region = REGION): SiteSnapshot {
  const agencies: AgencyInfo[] = Array.from({ length: size }, (_, i) => ({
    id: agencyId(i + 1, region),
    name: `第${i + 1}号单位`,
    region,
  }));
  const publications: Publication[] = agencies.slice(0, published).map((a, i) => ({
    agencyId: a.id,
    region,
    year,
    revisions: [revision(1, sampleReport({ agencyName: a.name, year, seed: i + 1 }))],
  }));
  return { regions: [{ code: region, name: '内乡县' }], agencies, publications };
}

/** A report whose key figures' cells (domain/key-figures.ts) are set from `seed`. */
export function withKeyCells(report: Report, seed: number): Report {
  const r = structuredClone(report) as any;
  r.sections.applications.newReceived.total = 100 + seed;
  r.sections.applications.disclosed.total = 10 + seed;
  r.sections.applications.resultsTotal.total = 80;
  r.sections.appeals.review.total = seed;
  r.sections.appeals.litigationDirect.total = 2;
  r.sections.appeals.litigationAfterReview.total = seed;
  r.sections.proactive.enforcement.administrativePenalty.decisions = 1000 * seed;
  r.sections.proactive.licensing.administrativeLicensing.decisions = 7 + seed;
  return r;
}
