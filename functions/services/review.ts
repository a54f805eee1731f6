/**
 * The reviewing office's use cases (主管部门): the region's board, one filing's view with its
 * revisions, differences and audit trail, return with comments, approval (the publish gate),
 * the region's roll-up, and the region's settings.
 */
import type { AuditEntry, Board, BoardCounts, BoardRow, CellChange, ReviewFilingView, Rollup } from '../contract/filing-api.js';
import { TEMPLATES } from '../domain/report-template.js';
import { cellRefs, cellValue, type Report } from '../domain/report.js';
import { shanghaiDate, daysBetween } from '../domain/reminders/calendar.js';
import { deadlineFor, type ReminderPolicy } from '../domain/reminders/deadline-policy.js';
import { regionSum } from './region-sum.js';
import { regionContains, regionInScope } from './access.js';
import { StateConflictError, ForbiddenError, InputError, NotFoundError, StampedCopyRequiredError } from './errors.js';
import { emptyStatusCounts, isOutstanding } from '../domain/filing-status.js';
import type { AuditEvent, Caller, Revision } from './model.js';
import type { RegionSettings } from '../contract/filing-api.js';
import { isActive, type Agency } from '../domain/agency.js';
import { deactivatedWithFiling } from './deactivated.js';
import type { Clock, FilingStore } from './ports.js';
import type { ReviewStore } from './review-ports.js';
import type { StampedCopyFiles, StampedCopyStore } from './stamped-copy-ports.js';
import type { RegionSettingsPatch } from '../contract/stamped-copy.js';
import { stampedCopyLinks } from './stamped-copy.js';

export interface ReviewDeps {
  store: FilingStore;
  settings: ReviewStore;
  clock: Clock;
  policy: ReminderPolicy;
  /** the stamped copies' records: the board's 盖章件 column (none without it) */
  stamped?: StampedCopyStore;
  /** the private bucket: the filing view's links to the stamped copies (none without it) */
  files?: StampedCopyFiles;
}


function reviewer(caller: Caller): Extract<Caller, { role: 'reviewer' }> {
  if (caller.role !== 'reviewer') throw new ForbiddenError('只有主管部门可以审核报告');
  return caller;
}

// ---- the board ----------------------------------------------------------------------------




export async function getBoard(deps: ReviewDeps, caller: Caller, region: string, year: number): Promise<Board> {
  regionInScope(caller, region);
  const [active, filings, failures, settings, reminders, stamped] = await Promise.all([
    deps.store.listAgencies(region),
    deps.store.listRegionFilings(region, year),
    deps.settings.lastFailures(region, year),
    deps.settings.getRegionSettings(region),
    deps.settings.lastReminders(region, year),
    deps.stamped?.forRegion(region, year) ?? new Map(),
  ]);
  // A deactivated agency that filed this year stays on the board (it owed the year); others are gone.
  const agencies = [...active, ...(await deactivatedWithFiling(deps.store, active, filings))];
  const today = shanghaiDate(deps.clock());
  const byAgency = new Map(filings.map((f) => [f.agencyId, f]));
  const counts: BoardCounts = { ...emptyStatusCounts(), failed: 0, overdue: 0, total: agencies.length };
  const rows = agencies.map((a): BoardRow => {
    const f = byAgency.get(a.id);
    const status = f?.status ?? 'not_started';
    const failure = failures.get(a.id);
    const submittedAt = f?.lastSubmittedAt ?? null;
    const lastAttempt =
      failure && (!submittedAt || failure.lastFailedAt > submittedAt)
        ? { at: failure.lastFailedAt, ok: false, errorCount: failure.errorCount }
        : submittedAt
          ? { at: submittedAt, ok: true, errorCount: 0 }
          : null;
    const deadline = deadlineFor(deps.policy, a, year);
    const daysLeft = daysBetween(today, deadline);
    const overdue = isOutstanding(status) && daysLeft < 0;
    counts[status]++;
    if (lastAttempt && !lastAttempt.ok) counts.failed++;
    if (overdue) counts.overdue++;
    return {
      agencyId: a.id,
      agencyName: a.name,
      kind: a.kind,
      status,
      revisions: f?.latestRevision ?? 0,
      lastSubmittedAt: submittedAt,
      lastAttempt,
      unexplainedWarnings: f ? (f.unexplainedCount ?? f.warningCount) : 0,
      deadline,
      daysLeft,
      overdue,
      lastReminderAt: reminders.get(a.id) ?? null,
      ...(isActive(a) ? {} : { deactivated: true }),
      stampedCopy: stamped.get(a.id) ?? null,
    };
  });
  rows.sort((x, y) => x.agencyName.localeCompare(y.agencyName, 'zh-CN'));
  return { region, year, today, review: settings.review, stampedCopy: settings.stampedCopy, publishStampedCopy: settings.publishStampedCopy, counts, rows };
}

// ---- one filing -----------------------------------------------------------------------------

async function agencyInRegion(deps: ReviewDeps, caller: Caller, region: string, agencyId: string): Promise<Agency> {
  const r = reviewer(caller);
  regionInScope(r, region);
  const agency = await deps.store.getAgency(agencyId);
  if (!agency || !regionContains(region, agency.region)) throw new NotFoundError(`区域 ${region} 内没有代码为 ${agencyId} 的单位`);
  return agency;
}


/** Every cell and text section whose value differs between two reports of one template. */
export function diffReports(a: Report, b: Report): CellChange[] {
  const changes: CellChange[] = [];
  if (a.template === b.template) {
    for (const ref of cellRefs(a.template)) {
      const from = cellValue(a, ref.table, ref.row, ref.column);
      const to = cellValue(b, ref.table, ref.row, ref.column);
      if (from !== to) changes.push({ path: ref.path, label: ref.label, from, to });
    }
  }
  for (const section of TEMPLATES[b.template].textSections) {
    const from = (a.sections as Record<string, unknown>)[section.id] ?? '';
    const to = (b.sections as Record<string, unknown>)[section.id] ?? '';
    if (from !== to) changes.push({ path: section.id, label: section.title, from: String(from), to: String(to) });
  }
  return changes;
}



export async function getReviewFiling(
  deps: ReviewDeps,
  caller: Caller,
  input: { region: string; agencyId: string; year: number; diff?: readonly [number, number] },
): Promise<ReviewFilingView> {
  const agency = await agencyInRegion(deps, caller, input.region, input.agencyId);
  const [filing, summaries, events, regionSettings] = await Promise.all([
    deps.store.getFiling(agency.id, input.year),
    deps.store.listRevisions(agency.id, input.year),
    deps.store.listEvents(agency.id),
    deps.settings.getRegionSettings(agency.region),
  ]);
  const revisions = (
    await Promise.all(summaries.map((s) => deps.store.getRevision(agency.id, input.year, s.revision)))
  ).filter((r): r is Revision => r !== undefined);
  const byNumber = new Map(revisions.map((r) => [r.revision, r]));
  const newest = revisions.at(-1);
  let diff: ReviewFilingView['diff'] = null;
  if (input.diff) {
    const [from, to] = input.diff;
    const a = byNumber.get(from);
    const b = byNumber.get(to);
    if (!a || !b) throw new NotFoundError(`没有第 ${!a ? from : to} 版`);
    diff = { from, to, changes: diffReports(a.report, b.report) };
  }
  const audit: AuditEntry[] = [
    ...events
      .filter((e) => e.year === input.year)
      .map((e) => ({ at: e.at, type: e.type, actor: e.actor, ...(e.detail ? { detail: shortDetail(e) } : {}) })),
    ...revisions.map((r) => ({
      at: r.submittedAt,
      type: 'filing.submitted' as const,
      actor: r.submittedBy,
      detail: { revision: r.revision, warningCount: r.findings.length },
    })),
  ].sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : 0));
  return {
    agency: { id: agency.id, name: agency.name, region: agency.region, kind: agency.kind },
    year: input.year,
    status: filing?.status ?? 'not_started',
    version: filing?.version ?? 0,
    latest: newest
      ? {
          revision: newest.revision,
          submittedAt: newest.submittedAt,
          approvedAt: newest.approvedAt ?? null,
          report: newest.report,
          findings: newest.findings,
          explanations: newest.explanations ?? {},
        }
      : null,
    draft: filing?.draft
      ? { errorCount: filing.errorCount, warningCount: filing.warningCount, findings: filing.findings, explanations: filing.explanations ?? {} }
      : null,
    revisions: revisions.map((r) => ({
      revision: r.revision,
      submittedAt: r.submittedAt,
      submittedBy: r.submittedBy,
      review: r.review ?? null,
      approvedAt: r.approvedAt ?? null,
      warningCount: r.findings.length,
    })),
    diff,
    returned: filing?.status === 'returned' ? (filing.returned ?? null) : null,
    audit,
    stampedCopies: deps.files ? await stampedCopyLinks(deps.files, revisions.flatMap((r) => (r.stampedCopy ? [r.stampedCopy] : []))) : [],
    stampedCopyRequired: regionSettings.stampedCopy === 'required',
  };
}

/** Audit details without the addresses and long lists the notifier needs. */
function shortDetail(event: AuditEvent): Record<string, unknown> {
  const { emails: _emails, errors: _errors, ...rest } = event.detail ?? {};
  return rest;
}

// ---- return and approve -----------------------------------------------------------------------

export interface ReturnInput {
  region: string;
  agencyId: string;
  year: number;
  /** the revision the reviewer looked at */
  revision: number;
  comment: string;
  cells: Record<string, string>;
}

/** Cell paths of the template, and its text sections, with their labels. */
function commentTargets(report: Report): Map<string, string> {
  const targets = new Map(cellRefs(report.template).map((r) => [r.path, r.label]));
  for (const s of TEMPLATES[report.template].textSections) targets.set(s.id, s.title);
  return targets;
}

export async function returnFiling(deps: ReviewDeps, caller: Caller, input: ReturnInput): Promise<{ status: 'returned'; revision: number; returnedAt: string }> {
  const agency = await agencyInRegion(deps, caller, input.region, input.agencyId);
  const revision = await deps.store.getRevision(agency.id, input.year, input.revision);
  if (!revision) throw new NotFoundError(`${agency.name}${input.year}年度没有第 ${input.revision} 版报告`);
  const targets = commentTargets(revision.report);
  const unknown = Object.keys(input.cells).filter((p) => !targets.has(p));
  if (unknown.length) throw new InputError(`没有这些单元格：${unknown.slice(0, 5).join('、')}`);
  if (!input.comment.trim() && Object.keys(input.cells).length === 0) throw new InputError('退回时请写明意见（总体意见或单元格意见）');
  const at = deps.clock().toISOString();
  const actor = caller.tokenHash.slice(0, 12);
  const ok = await deps.settings.returnFiling({
    agencyId: agency.id,
    year: input.year,
    revision: input.revision,
    comments: { comment: input.comment, cells: input.cells, revision: input.revision, returnedAt: at },
    event: {
      type: 'filing.returned',
      at,
      region: agency.region,
      agencyId: agency.id,
      year: input.year,
      actor,
      detail: {
        revision: input.revision,
        agencyName: agency.name,
        emails: agency.emails,
        comment: input.comment,
        cells: Object.entries(input.cells).map(([path, text]) => ({ path, label: targets.get(path) ?? path, text })),
      },
    },
  });
  if (!ok) throw new StateConflictError(`第 ${input.revision} 版已不是最新提交，或报告当前状态不能退回，请刷新后再试`);
  return { status: 'returned', revision: input.revision, returnedAt: at };
}

export async function approveFiling(
  deps: ReviewDeps,
  caller: Caller,
  input: { region: string; agencyId: string; year: number; revision: number },
): Promise<{ status: 'submitted'; revision: number; approvedAt: string }> {
  const agency = await agencyInRegion(deps, caller, input.region, input.agencyId);
  const [regionSettings, revision] = await Promise.all([
    deps.settings.getRegionSettings(agency.region),
    deps.store.getRevision(agency.id, input.year, input.revision),
  ]);
  const requireStampedCopy = regionSettings.stampedCopy === 'required';
  if (requireStampedCopy && revision && !revision.stampedCopy) {
    throw new StampedCopyRequiredError(`本区域要求先上传盖章件再审核通过：${agency.name}尚未上传第 ${input.revision} 版报告的盖章件（签字并加盖公章的纸质报告扫描件）`);
  }
  const at = deps.clock().toISOString();
  const actor = caller.tokenHash.slice(0, 12);
  const ok = await deps.settings.approveFiling({
    agencyId: agency.id,
    year: input.year,
    revision: input.revision,
    requireStampedCopy,
    at,
    by: actor,
    event: { type: 'filing.approved', at, region: agency.region, agencyId: agency.id, year: input.year, actor, detail: { revision: input.revision } },
  });
  if (!ok) throw new StateConflictError(`第 ${input.revision} 版不在待审核状态（已审核、已退回或已有新的提交），请刷新后再试`);
  return { status: 'submitted', revision: input.revision, approvedAt: at };
}

// ---- settings -----------------------------------------------------------------------------------

/**
 * `nianbao region set`: the CLI acts for the reviewing office (no token). Only the settings
 * named change; the others keep their stored values.
 */
export async function setRegionSettings(
  deps: Pick<ReviewDeps, 'settings' | 'clock'>,
  region: string,
  change: Partial<RegionSettings>,
  actor: string,
): Promise<RegionSettings> {
  const at = deps.clock().toISOString();
  const settings = { ...(await deps.settings.getRegionSettings(region)), ...change };
  await deps.settings.putRegionSettings(region, settings, { type: 'region.settings', at, region, actor, detail: { ...change } });
  return settings;
}

/** The review page's switch (PUT /api/regions/{region}/settings): a reviewer of the region. */
export async function updateRegionSettings(
  deps: Pick<ReviewDeps, 'settings' | 'clock'>,
  caller: Caller,
  region: string,
  change: RegionSettingsPatch,
): Promise<RegionSettings> {
  regionInScope(reviewer(caller), region);
  return setRegionSettings(deps, region, change, caller.tokenHash.slice(0, 12));
}

// ---- the roll-up --------------------------------------------------------------------------------


/**
 * The region's roll-up (region-sum.ts): the sum of its agencies' accepted reports, which the
 * government office's own report starts from.
 */
export async function regionRollup(deps: Pick<ReviewDeps, 'store'>, caller: Caller, region: string, year: number): Promise<Rollup> {
  let office: Agency | undefined;
  if (caller.role === 'filer') {
    // The county government office starts its own report from the roll-up of its region.
    office = await deps.store.getAgency(caller.agencyId);
    if (office?.kind !== 'government-office' || office.region !== region) {
      throw new ForbiddenError('只有本级人民政府办公室可以获取本区域的汇总数据');
    }
  } else {
    regionInScope(caller, region);
  }
  const sum = await regionSum(deps.store, region, year, office);
  return {
    region,
    year,
    report: sum.office ? { ...sum.report, agencyId: sum.office.id } : sum.report,
    coverage: {
      included: sum.included.length,
      of: sum.of,
      agencies: sum.included.map((x) => ({ agencyId: x.agency.id, agencyName: x.agency.name, revision: x.revision.revision })),
      missing: sum.missing.map((x) => ({ agencyId: x.agency.id, agencyName: x.agency.name, status: x.status })),
    },
  };
}
