/**
 * Publishing use cases: one accepted revision to the site (from the stream), the repair pass
 * over every accepted revision still without its page, and the full rebuild. All three render with functions/render/site, so an incremental
 * publish writes exactly what a rebuild would.
 */
import type { PublicationSummary } from '../render/site/agency-page.js';
import type { HomeRegion } from '../render/site/home-page.js';
import { REVISION_KEY, STAMPED_COPY_FILES, objectKey, reportPath, stampedCopyPath } from '../render/site/paths.js';
import { STAMPED_COPY_TYPES, isStampedCopyType } from '../domain/stamped-copy.js';
import { siteWideObjects } from './site-wide.js';
import { object, regionYearDataFiles, renderChange, renderSite, siteIndexObjects, SiteIndex, type ChangeContext, type SiteObject } from '../render/site/render-site.js';
import type { ReminderPolicy } from '../domain/reminders/deadline-policy.js';
import type { AgencyInfo, Publication, PublishedRevision, RegionInfo, RegionYearInput, SiteSnapshot } from '../domain/publication.js';
import { regionYearLastmod } from '../render/site/sitemap.js';
import type { DataLine } from '../render/site/open-data.js';
import { regionYearFigures } from '../render/site/region-page.js';
import { mapLimit } from './map-limit.js';
import type { RecentPublications } from './recent-publications.js';
import type { Clock } from './ports.js';
import type { PublishTarget, RegionYearSummary, SiteBucket, SiteLines, SiteStore, StampedCopySource, StoredRevision } from './site-ports.js';

export interface PublishDeps {
  store: SiteStore;
  bucket: SiteBucket;
  clock: Clock;
  /** the public site's origin, for sitemaps */
  baseUrl: string;
  /** region-year publications this process last read or wrote (optional: without it, always read) */
  recent?: RecentPublications;
  /** the site's stylesheet and search script, written by a full rebuild (on AWS the stack also deploys them with the code) */
  assets?: () => SiteObject[];
  /** false: publish without report.docx and report.xlsx (only `npm run bench:publish`'s baseline) */
  documents?: boolean;
  /** the private bucket's stamped copies, for regions that publish them (without it none is published) */
  stampedCopies?: StampedCopySource;
  /** the deadlines the region pages' on-time counts use (settings' reminder policy; default: the legal ones) */
  deadlines?: ReminderPolicy;
}

/**
 * Which change of a revision item publishes it: its INSERT (an accepted submission or
 * amendment) unless its region requires review; then the MODIFY that approves it.
 */
export function publishesOn(change: { kind: string | undefined; review?: 'required' | undefined; approvedNow: boolean }): boolean {
  if (change.kind === 'INSERT') return change.review !== 'required';
  return change.kind === 'MODIFY' && change.approvedNow;
}

/** Attempts (stream deliveries) before a revision is left in the visible `publish_failed` state. */
export const MAX_PUBLISH_ATTEMPTS = 3;
/** Renders of one publish while concurrent publishes keep changing what it read. */
const MAX_ROUNDS = 3;
/** Parallel table writes of a rebuild. */
const WRITE_CONCURRENCY = 8;

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
  /** keys to delete: stamped copies (盖章件) the current page no longer links */
  stale: string[];
  /** revisions to record as published (new ones, and any missing from the region-year's entries) */
  toRecord: PublishedRevision[];
  fresh: number[];
  /** the filing was left in publish_failed: clear its marker */
  failed: boolean;
  latest: number;
  region: string;
  summary: RegionYearSummary;
  /** what was read of the region-year's other publications, and of the other home page lines */
  seen: Seen;
  /** the region-year's publications once this one is recorded */
  publications: readonly Publication[];
}

interface Seen {
  /** publications recorded in the region-year when read (ours will add one) */
  regionYear: number;
  elsewhere: string;
}

const toPublished = (revisions: readonly StoredRevision[], now: string) =>
  revisions.map((r) => ({ revision: r.revision, publishedAt: r.publishedAt ?? now, report: r.report }));

function summaryOf(input: RegionYearInput, deadlines: ReminderPolicy | undefined): RegionYearSummary {
  const listed = new Set([...input.agencies.map((a) => a.id), ...input.publications.map((p) => p.agencyId)]);
  const lastmod = regionYearLastmod(input);
  return {
    region: input.region.code,
    year: input.year,
    published: input.publications.length,
    agencies: listed.size,
    ...(lastmod ? { lastmod } : {}),
    ...regionYearFigures(input, deadlines),
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

/** What others published, as read: compared after writing to detect a concurrent publish. */
function seenOf(target: PublishTarget, region: string, site: SiteLines): Seen {
  return {
    regionYear: site.recorded.get(`${region}#${target.year}`) ?? 0,
    elsewhere: JSON.stringify(
      site.summaries
        .filter((s) => s.region !== region || s.year !== target.year)
        .map((s) => [s.region, s.year, s.published, s.agencies, s.lastmod ?? null, JSON.stringify([s.dataFiles ?? null, s.onTime ?? null, s.figures ?? null])])
        .sort(),
    ),
  };
}

/**
 * The stamped copy (盖章件) beside the current report page: the latest published revision's, when
 * its region publishes them (`publishStampedCopy`), copied from the private bucket as
 * `stamped.pdf|jpg|png` by its stored type; every other `stamped.*` there is stale (another kind
 * uploaded since, an amendment without a copy yet, the setting turned off) and is deleted. An
 * agency-year with no copy on any revision has nothing to publish or delete, and costs no read.
 */
async function stampedCopyPlan(
  deps: PublishDeps,
  page: string,
  latest: StoredRevision,
  publishes: boolean,
): Promise<{ file?: string; objects: SiteObject[]; stale: string[] }> {
  const copy = latest.stampedCopy;
  const type = copy && isStampedCopyType(copy.contentType) ? copy.contentType : undefined;
  const bytes = copy && type && publishes && deps.stampedCopies ? await deps.stampedCopies.read(copy.key) : undefined;
  const file = type && bytes ? `stamped.${STAMPED_COPY_TYPES[type].extension}` : undefined;
  return {
    ...(file ? { file } : {}),
    objects: file && bytes ? [object(stampedCopyPath(page, file), bytes)] : [],
    stale: STAMPED_COPY_FILES.filter((f) => f !== file).map((f) => objectKey(stampedCopyPath(page, f))),
  };
}

const latestOf = (revisions: readonly StoredRevision[]) => revisions.reduce((a, r) => (r.revision > a.revision ? r : a));

const revisionKey = (agencyId: string, revision: number) => `${agencyId}#${String(revision).padStart(6, '0')}`;

async function plan(deps: PublishDeps, target: PublishTarget): Promise<Plan> {
  const { store } = deps;
  const { agencyId, year } = target;
  // Two rounds of reads: the agency's partition and the site's lines, then its region-year.
  // The order matters: the region-year's `recorded` count is read before its publications, so
  // any publication the list lacks is recorded after the count was read, and shows in it later.
  const [{ agency, filings }, site] = await Promise.all([store.loadAgency(agencyId), store.loadSite()]);
  const filing = filings.find((f) => f.year === year);
  if (!filing) throw new PublishTargetMissingError(target);
  const region = filing.region;
  const recorded = site.recorded.get(`${region}#${year}`) ?? 0;
  const remembered = deps.recent?.get(region, year, recorded);
  const anyStampedCopy = filing.revisions.some((r) => r.stampedCopy);
  const [agencies, published, publishesStamped] = await Promise.all([
    store.recentAgencies(region, agencyId),
    remembered ?? store.listRegionPublications(region, year),
    anyStampedCopy && store.publishesStampedCopies(region),
  ]);
  if (!remembered) deps.recent?.remember(region, year, recorded, published);
  const now = deps.clock().toISOString();
  // Earlier accepted revisions that never made it out (a failed publish) go out with this one;
  // later ones already published stay current.
  // Revisions still awaiting a reviewer's approval never go out.
  const own = filing.revisions.filter((r) => r.publishedAt !== undefined || (r.revision <= target.revision && !r.awaitingApproval));
  if (!own.some((r) => r.revision === target.revision)) throw new PublishTargetMissingError(target);
  const stamped = anyStampedCopy
    ? await stampedCopyPlan(deps, reportPath(region, year, agencyId), latestOf(own), publishesStamped)
    : { objects: [], stale: [] };
  const ownPublication: Publication = { agencyId, region, year, revisions: toPublished(own, now), ...(stamped.file ? { stampedCopyFile: stamped.file } : {}) };

  // Other agencies show only what is already published: the site never links to a page not yet written.
  const others = published.filter((p) => p.agencyId !== agencyId);
  const regionInfo = site.regions.find((r) => r.code === region) ?? { code: region };
  const regionYear: RegionYearInput = { region: regionInfo, year, agencies, publications: [ownPublication, ...others] };
  const agencyInfo: AgencyInfo = agency ?? { id: agencyId, name: own.at(-1)!.report.agencyName, region };
  const agencyPublications: PublicationSummary[] = filings
    .filter((f) => f.year !== year)
    .map((f) => ({
      agencyId,
      region: f.region,
      year: f.year,
      // with the reports: the agency page's history shows each year's figures
      revisions: f.revisions.flatMap((r) => (r.publishedAt ? [{ revision: r.revision, publishedAt: r.publishedAt, report: r.report }] : [])),
    }))
    .filter((p) => p.revisions.length > 0)
    .concat([{ agencyId, region, year, revisions: ownPublication.revisions.map(({ revision, publishedAt, report }) => ({ revision, publishedAt, report })) }]);
  const line = summaryOf(regionYear, deps.deadlines);
  const home = homeOf([...site.summaries.filter((s) => s.region !== region || s.year !== year), line], site.regions);
  const context: ChangeContext = { baseUrl: deps.baseUrl, regionYear, agency: agencyInfo, agencyPublications, home, documents: deps.documents !== false };

  const change = { region, year, agencyId, revision: target.revision };
  const freshNumbers = new Set(own.filter((r) => r.publishedAt === undefined).map((r) => r.revision));
  // A revision published before but missing from the region-year's entries is written again.
  const listed = new Set(published.flatMap((p) => p.revisions.map((r) => revisionKey(p.agencyId, r.revision))));
  const toRecord = ownPublication.revisions.filter((r) => freshNumbers.has(r.revision) || !listed.has(revisionKey(agencyId, r.revision)));
  const publications = [ownPublication, ...others].sort((a, b) => (a.agencyId < b.agencyId ? -1 : a.agencyId > b.agencyId ? 1 : 0));
  const objects = [...(await renderChange(change, context)), ...stamped.objects];
  // The home-page line keeps its open data files' sizes and rows for the listings (site-wide.ts).
  const summary: RegionYearSummary = { ...line, dataFiles: regionYearDataFiles(regionYear, objects) };
  objects.push(...(await siteWideObjects(deps, site, { region, year, summary, publications })));
  for (const revision of freshNumbers) {
    if (revision === target.revision) continue;
    objects.push(...(await renderChange({ ...change, revision }, context)).filter((o) => REVISION_KEY.test(o.key) && o.key.includes(`/r/${revision}/`)));
  }
  return {
    objects,
    stale: stamped.stale,
    toRecord,
    fresh: [...freshNumbers],
    latest: Math.max(...own.map((r) => r.revision)),
    region,
    summary,
    failed: filing.status === 'publish_failed',
    seen: seenOf(target, region, site),
    // In the table's order (agency, then revision), as a fresh read would list them.
    publications,
  };
}

/**
 * Publishes one accepted revision: its pages, its agency page, its region-year's index and
 * totals, the home page and the sitemaps; then records the publication. Safe to repeat: a
 * revision keeps the publication instant it was first given.
 */
export async function publishRevision(deps: PublishDeps, target: PublishTarget, clearFailure = false): Promise<PublishResult> {
  const published = new Set<number>();
  const keys = new Set<string>();
  let p = await plan(deps, target);
  for (let round = 1; ; round++) {
    // The report's own pages first; once they exist the publication may be recorded (and other
    // publishes may link to it) while the shared pages are still being written.
    const own = `${p.region}/${target.year}/${target.agencyId}/`;
    await deps.bucket.put(p.objects.filter((o) => o.key.startsWith(own)));
    await Promise.all([
      deps.bucket.put(p.objects.filter((o) => !o.key.startsWith(own))),
      // after the page that no longer links them
      p.stale.length > 0 && deps.bucket.remove(p.stale),
      deps.store.markPublished({
        agencyId: target.agencyId,
        year: target.year,
        region: p.region,
        revisions: p.toRecord,
        latest: p.latest,
        clearFailure: p.failed || clearFailure,
        summary: p.summary,
      }),
    ]);
    for (const f of p.fresh) published.add(f);
    for (const o of p.objects) keys.add(o.key);
    // Another publish may have read before ours was recorded and written after ours: whoever
    // records last sees the other's record here and writes the shared pages again, so their
    // last write includes both. Another region-year only moves the home page and sitemap index.
    // One query: the region-year's count of recorded publications sits on its home page line,
    // and more than ours (one) since our read means another publish recorded in between.
    for (let moved = 0; ; moved++) {
      const site = await deps.store.loadSite();
      const now = seenOf(target, p.region, site);
      // Nobody else recorded in this region-year since our read: its list is ours plus what we read.
      if (now.regionYear === p.seen.regionYear + 1) deps.recent?.remember(p.region, target.year, now.regionYear, p.publications);
      const done = { keys: [...keys], published: [...published].sort((a, b) => a - b), rounds: round };
      if (now.regionYear !== p.seen.regionYear + 1) {
        if (round >= MAX_ROUNDS) return done;
        p = await plan(deps, target);
        break;
      }
      if (now.elsewhere === p.seen.elsewhere || moved >= MAX_ROUNDS) return done;
      const home = homeOf([...site.summaries.filter((s) => s.region !== p.region || s.year !== target.year), p.summary], site.regions);
      // The site's feed and the year's open data may have moved too: read them again with the others' publications.
      const wide = await siteWideObjects(deps, site, { region: p.region, year: target.year, summary: p.summary, publications: p.publications });
      await deps.bucket.put([...siteIndexObjects(deps.baseUrl, home), ...wide]);
      p = { ...p, seen: { ...p.seen, elsewhere: now.elsewhere } };
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

/**
 * A stamped copy confirmed for a revision already published (its item's MODIFY): the current
 * page must link it, or the new kind replace the old file, but only where the region publishes
 * stamped copies; elsewhere nothing is read beyond the filing and the setting. The ordinary
 * publish does the rest (it reads the copy from the revision, as every publish does).
 */
export async function publishStampedCopyChange(deps: PublishDeps, target: PublishTarget): Promise<PublishOutcome | undefined> {
  const head = await deps.store.getFilingHead(target.agencyId, target.year);
  if (!head || !(await deps.store.publishesStampedCopies(head.region))) return undefined;
  const { stampedCopy: _flag, ...revision } = target;
  return publishOrRecordFailure(deps, revision);
}

export interface RepairResult {
  repaired: PublishTarget[];
  stillFailing: (PublishTarget & { error: string })[];
  /**
   * Accepted filings found without their page: waiting longer than the grace period, or left
   * with a failure marker (the figure the AWS alarm watches, docs/deploy.md).
   */
  backlog: number;
  /** found but left for the next pass (more than `limit`) */
  deferred: number;
}

export interface RepairOptions {
  /** how long an accepted revision may wait for the stream before the repair publishes it */
  graceMs?: number;
  /** publishes per pass at most; the rest wait for the next pass */
  limit?: number;
}

/** The stream normally publishes within seconds; past this the repair pass takes over. */
export const REPAIR_GRACE_MS = 2 * 60_000;
/** Publishes of one repair pass at most, so a pass stays well inside one Lambda invocation. */
export const REPAIR_LIMIT = 50;

/**
 * Publishes every accepted filing whose newest revision has no page: those the table lists as
 * unpublished for longer than the grace period, whatever became of their stream records, and
 * those the stream gave up on (`publish_failed`). The newest revision covers the older ones.
 */
export async function repairPublishFailures(deps: PublishDeps, options: RepairOptions = {}): Promise<RepairResult> {
  const cutoff = new Date(deps.clock().getTime() - (options.graceMs ?? REPAIR_GRACE_MS)).toISOString();
  const [failures, unpublished] = await Promise.all([deps.store.listPublishFailures(), deps.store.listUnpublished(cutoff)]);
  const found = new Map<string, { agencyId: string; year: number; revision: number }>();
  for (const u of unpublished) found.set(`${u.agencyId}#${u.year}`, { agencyId: u.agencyId, year: u.year, revision: 0 });
  for (const f of failures) found.set(`${f.agencyId}#${f.year}`, { agencyId: f.agencyId, year: f.year, revision: f.revision });
  const todo = [...found.values()].slice(0, options.limit ?? REPAIR_LIMIT);
  const result: RepairResult = { repaired: [], stillFailing: [], backlog: found.size, deferred: found.size - todo.length };
  for (const item of todo) {
    const head = await deps.store.getFilingHead(item.agencyId, item.year);
    // Published meanwhile (the stream caught up) or returned, and no failure marker to clear.
    if (item.revision === 0 && head?.status !== 'submitted' && head?.status !== 'publish_failed') continue;
    const target = { agencyId: item.agencyId, year: item.year, revision: Math.max(head?.latestRevision ?? 0, item.revision) };
    try {
      await publishRevision(deps, target, true);
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
  let n = 5; // home, home sitemap, sitemap index, /rules/, /schema/report.json
  for (const p of snapshot.publications) n += 5 * p.revisions.length + 5; // page, JSON, CSV, Word, Excel
  // index, all-reports.csv, totals, totals.csv, sitemap and the three open data files
  n += 8 * index.regionYears().length + index.publishingAgencies().length;
  n += 1 + 2 * new Set(index.regionYears().map((ry) => ry.region)).size; // the site's feed, each region's feed and page
  n += 1 + 2 * new Set(index.regionYears().map((ry) => ry.year)).size; // /data/, and each year's page and manifest
  return n;
}

/** Reads every accepted revision from the table; those never published get `now`. */
export async function loadSnapshot(store: SiteStore, now: string): Promise<{ snapshot: SiteSnapshot; fresh: number }> {
  const agencies: AgencyInfo[] = [];
  for await (const a of store.scanAgencies()) agencies.push(a);
  const publications: Publication[] = [];
  let fresh = 0;
  for await (const f of store.scanFilings()) {
    // What awaits a reviewer's approval is not published by a rebuild either.
    const accepted = f.revisions.filter((r) => r.publishedAt !== undefined || !r.awaitingApproval);
    if (accepted.length === 0) continue;
    publications.push({ agencyId: f.agencyId, region: f.region, year: f.year, revisions: toPublished(accepted, now) });
    fresh += accepted.filter((r) => !r.publishedAt).length;
  }
  return { snapshot: { regions: (await store.loadSite()).regions, agencies, publications }, fresh };
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
  extra: readonly SiteObject[] = [],
): Promise<{ objects: number; bytes: number; dataLines: DataLine[] }> {
  const total = siteObjectCount(snapshot) + extra.length;
  let written = 0;
  let bytes = 0;
  let batch: SiteObject[] = [...extra];
  const flush = async () => {
    await bucket.put(batch);
    written += batch.length;
    for (const o of batch) bytes += Buffer.byteLength(o.body);
    batch = [];
    onProgress?.({ written, total });
  };
  const dataLines: DataLine[] = [];
  for await (const object of renderSite(snapshot, baseUrl, dataLines)) {
    batch.push(object);
    if (batch.length >= batchSize) await flush();
  }
  if (batch.length) await flush();
  return { objects: written, bytes, dataLines };
}

/**
 * `nianbao site rebuild`: every accepted revision, every page, then records what was published
 * for the first time and clears the failed state (a rebuild repairs every failure).
 */
export async function rebuildSite(deps: PublishDeps, onProgress?: (p: RebuildProgress) => void): Promise<RebuildResult> {
  const [{ snapshot, fresh }, recorded, failures] = await Promise.all([
    loadSnapshot(deps.store, deps.clock().toISOString()),
    deps.store.scanPublicationKeys(),
    deps.store.listPublishFailures(),
  ]);
  const { objects, bytes, dataLines } = await writeSite(deps.bucket, snapshot, deps.baseUrl, onProgress, undefined, deps.assets?.() ?? []);
  // Record what went out for the first time, and mend filings whose records are incomplete.
  const failed = new Set(failures.map((f) => `${f.agencyId}#${f.year}`));
  const mend = snapshot.publications.flatMap((p) => {
    const revisions = p.revisions.filter((r) => !recorded.has(`${p.region}#${p.year}#${p.agencyId}#${r.revision}`));
    const clearFailure = failed.has(`${p.agencyId}#${p.year}`);
    return revisions.length || clearFailure ? [{ p, revisions, clearFailure }] : [];
  });
  await mapLimit(mend, WRITE_CONCURRENCY, ({ p, revisions, clearFailure }) =>
    deps.store.markPublished({
      agencyId: p.agencyId,
      year: p.year,
      region: p.region,
      revisions,
      latest: Math.max(...p.revisions.map((r) => r.revision)),
      clearFailure,
    }),
  );
  const index = new SiteIndex(snapshot);
  const dataFiles = new Map(dataLines.map((l) => [`${l.region}#${l.year}`, l.files]));
  await mapLimit(
    index.home().flatMap((h) =>
      h.years.map((y) => ({
        region: h.region.code,
        ...y,
        dataFiles: dataFiles.get(`${h.region.code}#${y.year}`) ?? [],
        ...regionYearFigures(index.regionYear(h.region.code, y.year), deps.deadlines),
      })),
    ),
    WRITE_CONCURRENCY,
    (s) => deps.store.putRegionYearSummary(s),
  );
  return { objects, bytes, reports: snapshot.publications.length, newlyPublished: fresh };
}
