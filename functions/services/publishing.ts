/**
 * Publishing use cases: one accepted revision to the site (from the stream), the repair pass
 * over visible failures, and the full rebuild. All three render with web/site, so an incremental
 * publish writes exactly what a rebuild would.
 */
import type { PublicationSummary } from '../../web/site/agency-page.js';
import type { HomeRegion } from '../../web/site/home-page.js';
import { REVISION_KEY } from '../../web/site/paths.js';
import { renderChange, renderSite, SiteIndex, type ChangeContext, type SiteObject } from '../../web/site/render-site.js';
import { siteCssObject } from '../../web/site/site-assets.js';
import type { AgencyInfo, Publication, RegionInfo, RegionYearInput, SiteSnapshot } from '../../web/site/site-model.js';
import { regionYearLastmod } from '../../web/site/sitemap.js';
import { mapLimit } from './map-limit.js';
import type { Clock } from './ports.js';
import type { FilingHead, PublishTarget, RegionYearSummary, SiteBucket, SiteStore, StoredRevision } from './site-ports.js';

export interface PublishDeps {
  store: SiteStore;
  bucket: SiteBucket;
  clock: Clock;
  /** the public site's origin, for sitemaps */
  baseUrl: string;
}

/** Attempts (stream deliveries) before a revision is left in the visible `publish_failed` state. */
export const MAX_PUBLISH_ATTEMPTS = 3;
/** Renders of one publish while concurrent publishes keep changing what it read. */
const MAX_ROUNDS = 3;
/** Parallel reads of other agencies' revisions (a county has tens to a few hundred agencies). */
const READ_CONCURRENCY = 8;

export class PublishTargetMissingError extends Error {
  constructor(target: PublishTarget) {
    super(`revision ${target.revision} of ${target.agencyId} ${target.year} is not in the table`);
    this.name = 'PublishTargetMissingError';
  }
}

export interface PublishResult {
  /** object keys written */
  keys: string[];
  /** revisions published for the first time */
  published: number[];
  rounds: number;
}

interface Plan {
  objects: SiteObject[];
  fresh: { revision: number; publishedAt: string }[];
  latest: number;
  region: string;
  summary: RegionYearSummary;
  /** what was read of everything but this filing; re-read after writing to detect a race */
  fingerprint: string;
}

const toPublished = (revisions: readonly StoredRevision[], now: string) =>
  revisions.map((r) => ({ revision: r.revision, publishedAt: r.publishedAt ?? now, report: r.report }));

function summaryOf(input: RegionYearInput): RegionYearSummary {
  const listed = new Set([...input.agencies.map((a) => a.id), ...input.publications.map((p) => p.agencyId)]);
  const lastmod = regionYearLastmod(input);
  return {
    region: input.region.code,
    year: input.year,
    published: input.publications.length,
    agencies: listed.size,
    ...(lastmod ? { lastmod } : {}),
  };
}

function homeOf(summaries: readonly RegionYearSummary[], regions: readonly RegionInfo[]): HomeRegion[] {
  const names = new Map(regions.map((r) => [r.code, r]));
  const byRegion = new Map<string, RegionYearSummary[]>();
  for (const s of [...summaries].sort((a, b) => (a.region < b.region ? -1 : a.region > b.region ? 1 : a.year - b.year))) {
    byRegion.set(s.region, [...(byRegion.get(s.region) ?? []), s]);
  }
  return [...byRegion].map(([code, years]) => ({
    region: names.get(code) ?? { code },
    years: years.map(({ year, published, agencies, lastmod }) => ({ year, published, agencies, ...(lastmod ? { lastmod } : {}) })),
  }));
}

async function fingerprint(store: SiteStore, target: PublishTarget, region: string): Promise<string> {
  const [filings, summaries] = await Promise.all([store.listRegionYearFilings(region, target.year), store.listRegionYearSummaries()]);
  return fingerprintOf(target, region, filings, summaries);
}

function fingerprintOf(target: PublishTarget, region: string, filings: readonly FilingHead[], summaries: readonly RegionYearSummary[]): string {
  const others = filings
    .filter((f) => f.agencyId !== target.agencyId)
    .map((f) => `${f.agencyId}:${f.status}:${f.latestRevision}`)
    .sort();
  const elsewhere = summaries
    .filter((s) => s.region !== region || s.year !== target.year)
    .map((s) => JSON.stringify([s.region, s.year, s.published, s.agencies, s.lastmod ?? null]))
    .sort();
  return JSON.stringify([others, elsewhere]);
}

async function plan(deps: PublishDeps, target: PublishTarget): Promise<Plan> {
  const { store } = deps;
  const { agencyId, year } = target;
  const head = await store.getFilingHead(agencyId, year);
  if (!head) throw new PublishTargetMissingError(target);
  const region = head.region;
  const [revisions, filings, agencies, agency, agencyYears, regions, summaries] = await Promise.all([
    store.listRevisions(agencyId, year),
    store.listRegionYearFilings(region, year),
    store.listAgencies(region),
    store.getAgency(agencyId),
    store.listAgencyYears(agencyId),
    store.listRegions(),
    store.listRegionYearSummaries(),
  ]);
  const now = deps.clock().toISOString();
  // Earlier accepted revisions that never made it out (a failed publish) go out with this one;
  // later ones already published stay current.
  const own = revisions.filter((r) => r.publishedAt !== undefined || r.revision <= target.revision);
  if (!own.some((r) => r.revision === target.revision)) throw new PublishTargetMissingError(target);
  const ownPublication: Publication = { agencyId, region, year, revisions: toPublished(own, now) };

  // Other agencies show only what is already published: the site never links to a page not yet written.
  const others = filings.filter((f) => f.agencyId !== agencyId && f.latestRevision > 0);
  const otherPublications = await mapLimit(others, READ_CONCURRENCY, async (f): Promise<Publication | undefined> => {
    const published = (await store.listRevisions(f.agencyId, year)).filter((r) => r.publishedAt !== undefined);
    return published.length ? { agencyId: f.agencyId, region, year, revisions: toPublished(published, now) } : undefined;
  });
  const regionInfo = regions.find((r) => r.code === region) ?? { code: region };
  const regionYear: RegionYearInput = {
    region: regionInfo,
    year,
    agencies,
    publications: [ownPublication, ...otherPublications.filter((p): p is Publication => p !== undefined)],
  };
  const agencyInfo: AgencyInfo = agency ?? { id: agencyId, name: own.at(-1)!.report.agencyName, region };
  const agencyPublications: PublicationSummary[] = agencyYears
    .filter((y) => y.year !== year)
    .map((y) => ({
      agencyId,
      region: y.region,
      year: y.year,
      revisions: y.revisions.flatMap((r) => (r.publishedAt ? [{ revision: r.revision, publishedAt: r.publishedAt }] : [])),
    }))
    .filter((p) => p.revisions.length > 0)
    .concat([{ agencyId, region, year, revisions: ownPublication.revisions.map(({ revision, publishedAt }) => ({ revision, publishedAt })) }]);
  const summary = summaryOf(regionYear);
  const home = homeOf([...summaries.filter((s) => s.region !== region || s.year !== year), summary], regions);
  const context: ChangeContext = { baseUrl: deps.baseUrl, regionYear, agency: agencyInfo, agencyPublications, home };

  const change = { region, year, agencyId, revision: target.revision };
  const fresh = own.filter((r) => r.publishedAt === undefined).map((r) => ({ revision: r.revision, publishedAt: now }));
  const objects = renderChange(change, context);
  for (const { revision } of fresh) {
    if (revision === target.revision) continue;
    objects.push(...renderChange({ ...change, revision }, context).filter((o) => REVISION_KEY.test(o.key) && o.key.includes(`/r/${revision}/`)));
  }
  return {
    objects,
    fresh,
    latest: Math.max(...own.map((r) => r.revision)),
    region,
    summary,
    fingerprint: fingerprintOf(target, region, filings, summaries),
  };
}

/**
 * Publishes one accepted revision: its pages, its agency page, its region-year's index and
 * totals, the home page and the sitemaps; then records the publication. Safe to repeat: a
 * revision keeps the publication instant it was first given.
 */
export async function publishRevision(deps: PublishDeps, target: PublishTarget): Promise<PublishResult> {
  const published = new Set<number>();
  for (let round = 1; ; round++) {
    const p = await plan(deps, target);
    await deps.bucket.put(p.objects);
    await deps.store.markPublished(target.agencyId, target.year, p.fresh, p.latest);
    await deps.store.putRegionYearSummary(p.summary);
    for (const f of p.fresh) published.add(f.revision);
    // Another agency's publish may have read before ours was recorded and written after ours:
    // whoever records last sees the other's record here and renders again, so the last write
    // of the shared pages includes both.
    if (round >= MAX_ROUNDS || (await fingerprint(deps.store, target, p.region)) === p.fingerprint) {
      return { keys: p.objects.map((o) => o.key), published: [...published].sort((a, b) => a - b), rounds: round };
    }
  }
}

export type PublishOutcome = { kind: 'published'; result: PublishResult } | { kind: 'failed'; attempts: number; error: string };

function describe(error: unknown): string {
  const e = error as { name?: string; message?: string };
  return `${e.name ?? 'Error'}: ${e.message ?? String(error)}`.slice(0, 1000);
}

/**
 * What the stream handler does per record: publish; on failure count the attempt and rethrow
 * (the stream redelivers), and after MAX_PUBLISH_ATTEMPTS leave the visible failed state for
 * the repair pass instead of blocking the stream. Rejects only when even that cannot be recorded.
 */
export async function publishOrRecordFailure(deps: PublishDeps, target: PublishTarget): Promise<PublishOutcome> {
  try {
    return { kind: 'published', result: await publishRevision(deps, target) };
  } catch (error) {
    if (error instanceof PublishTargetMissingError) throw error;
    const message = describe(error);
    const attempts = await deps.store.recordPublishAttempt(target, message);
    if (attempts < MAX_PUBLISH_ATTEMPTS) throw error;
    const head = await deps.store.getFilingHead(target.agencyId, target.year);
    await deps.store.markPublishFailed({ ...target, region: head?.region ?? '', error: message, at: deps.clock().toISOString() });
    return { kind: 'failed', attempts, error: message };
  }
}

export interface RepairResult {
  repaired: PublishTarget[];
  stillFailing: (PublishTarget & { error: string })[];
}

/** Republishes every filing left in `publish_failed` (its newest revision covers the older ones). */
export async function repairPublishFailures(deps: PublishDeps): Promise<RepairResult> {
  const result: RepairResult = { repaired: [], stillFailing: [] };
  for (const failure of await deps.store.listPublishFailures()) {
    const head = await deps.store.getFilingHead(failure.agencyId, failure.year);
    const target = { agencyId: failure.agencyId, year: failure.year, revision: Math.max(head?.latestRevision ?? 0, failure.revision) };
    try {
      await publishRevision(deps, target);
      result.repaired.push(target);
    } catch (error) {
      result.stillFailing.push({ ...target, error: describe(error) });
    }
  }
  return result;
}

export interface RebuildProgress {
  written: number;
  total: number;
}

export interface RebuildResult {
  objects: number;
  bytes: number;
  reports: number;
  /** revisions that had never been published (failed or pending) and are now */
  newlyPublished: number;
}

/** How many objects renderSite yields for a snapshot (for the progress bar). */
export function siteObjectCount(snapshot: SiteSnapshot): number {
  const index = new SiteIndex(snapshot);
  let n = 3; // home, home sitemap, sitemap index
  for (const p of snapshot.publications) n += 3 * p.revisions.length + 3;
  n += 5 * index.regionYears().length + index.publishingAgencies().length;
  return n + 1; // the stylesheet
}

/** Reads every accepted revision from the table; those never published get `now`. */
export async function loadSnapshot(store: SiteStore, now: string): Promise<{ snapshot: SiteSnapshot; fresh: { target: PublishTarget; publishedAt: string }[]; latest: Map<string, number> }> {
  const agencies: AgencyInfo[] = [];
  for await (const a of store.scanAgencies()) agencies.push(a);
  const publications: Publication[] = [];
  const fresh: { target: PublishTarget; publishedAt: string }[] = [];
  const latest = new Map<string, number>();
  for await (const f of store.scanFilings()) {
    if (f.revisions.length === 0) continue;
    publications.push({ agencyId: f.agencyId, region: f.region, year: f.year, revisions: toPublished(f.revisions, now) });
    latest.set(`${f.agencyId}#${f.year}`, Math.max(...f.revisions.map((r) => r.revision)));
    for (const r of f.revisions) {
      if (!r.publishedAt) fresh.push({ target: { agencyId: f.agencyId, year: f.year, revision: r.revision }, publishedAt: now });
    }
  }
  return { snapshot: { regions: await store.listRegions(), agencies, publications }, fresh, latest };
}

/**
 * Rewrites every object of the site from a snapshot, a batch at a time: renderSite yields one
 * page after another, so memory holds the snapshot's data and a batch, never the rendered site.
 */
export async function writeSite(
  bucket: SiteBucket,
  snapshot: SiteSnapshot,
  baseUrl: string,
  onProgress?: (p: RebuildProgress) => void,
  batchSize = 64,
): Promise<{ objects: number; bytes: number }> {
  const total = siteObjectCount(snapshot);
  let written = 0;
  let bytes = 0;
  let batch: SiteObject[] = [siteCssObject()];
  const flush = async () => {
    await bucket.put(batch);
    written += batch.length;
    for (const o of batch) bytes += Buffer.byteLength(o.body);
    batch = [];
    onProgress?.({ written, total });
  };
  for (const object of renderSite(snapshot, baseUrl)) {
    batch.push(object);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  return { objects: written, bytes };
}

/**
 * `nianbao site rebuild`: every accepted revision, every page, then records what was published
 * for the first time and clears the failed state (a rebuild repairs every failure).
 */
export async function rebuildSite(deps: PublishDeps, onProgress?: (p: RebuildProgress) => void): Promise<RebuildResult> {
  const { snapshot, fresh, latest } = await loadSnapshot(deps.store, deps.clock().toISOString());
  const { objects, bytes } = await writeSite(deps.bucket, snapshot, deps.baseUrl, onProgress);
  const byFiling = new Map<string, { agencyId: string; year: number; revisions: { revision: number; publishedAt: string }[] }>();
  for (const f of fresh) {
    const k = `${f.target.agencyId}#${f.target.year}`;
    const entry = byFiling.get(k) ?? { agencyId: f.target.agencyId, year: f.target.year, revisions: [] };
    entry.revisions.push({ revision: f.target.revision, publishedAt: f.publishedAt });
    byFiling.set(k, entry);
  }
  for (const failure of await deps.store.listPublishFailures()) {
    const k = `${failure.agencyId}#${failure.year}`;
    if (!byFiling.has(k) && latest.has(k)) byFiling.set(k, { agencyId: failure.agencyId, year: failure.year, revisions: [] });
  }
  await mapLimit([...byFiling], READ_CONCURRENCY, ([k, f]) => deps.store.markPublished(f.agencyId, f.year, f.revisions, latest.get(k) ?? 0));
  const home = new SiteIndex(snapshot).home();
  await mapLimit(
    home.flatMap((h) => h.years.map((y) => ({ region: h.region.code, ...y }))),
    READ_CONCURRENCY,
    (s) => deps.store.putRegionYearSummary(s),
  );
  return { objects, bytes, reports: snapshot.publications.length, newlyPublished: fresh.length };
}
