/** The filing use cases: read, save a draft, submit or amend, list a region. */
import type { FilingView, RegionFilingRow, RegionFilings, SaveDraftResult, SubmitResponse } from '../contract/filing-api.js';
import { createHash } from 'node:crypto';
import { currentExplanations, splitFindings, unexplainedWarnings, type Explanations, type Finding } from '../domain/finding.js';
import { templateForYear, type Report } from '../domain/report.js';
import { rollupMismatch } from '../domain/rules/rollup-rules.js';
import { validateReport } from '../domain/validate-report.js';
import { regionSum } from './region-sum.js';
import { agencyInScope, filerOnly, regionInScope } from './access.js';
import {
  CheckFailedError,
  ForbiddenError,
  IdempotencyKeyReuseError,
  InputError,
  NotFoundError,
  PreconditionRequiredError,
  VersionConflictError,
} from './errors.js';
import type { AuditEvent, Caller, Filing, Revision, StoredResponse } from './model.js';
import type { RegionSettings } from '../contract/filing-api.js';
import type { Agency } from '../domain/agency.js';
import { emptyStatusCounts, type FilingStatus } from '../domain/filing-status.js';
import type { Clock, FilingStore, TokenOwner } from './ports.js';
import type { StampedCopyStore } from './stamped-copy-ports.js';

export interface Deps {
  store: FilingStore;
  clock: Clock;
  /** the region's settings (the publish gate); without it every region publishes at once */
  settings?: { getRegionSettings(region: string): Promise<RegionSettings> };
  /** the stamped copies' records: the form's 已上传 (none without it) */
  stamped?: Pick<StampedCopyStore, 'latest'>;
}


async function loadAgency(store: FilingStore, caller: Caller, agencyId: string | undefined): Promise<Agency> {
  if (caller.role === 'filer') {
    agencyInScope(caller, agencyId);
    return ownAgency(await store.getAgency(caller.agencyId), caller.agencyId);
  }
  if (!agencyId) throw new InputError('主管部门查看报告时须指明单位：?agency=统一社会信用代码');
  const agency = await store.getAgency(agencyId);
  if (!agency) throw new NotFoundError(`没有代码为 ${agencyId} 的单位`);
  agencyInScope(caller, agencyId, agency.region);
  return agency;
}

/** A filer's token outlived its agency's record (removed from the registry). */
function ownAgency(agency: Agency | undefined, id: string): Agency {
  if (!agency) throw new NotFoundError(`单位 ${id} 已不在单位名录中，请联系主管部门`);
  return agency;
}

export async function getFiling(deps: Deps, caller: Caller, year: number, agencyId?: string): Promise<FilingView> {
  const agency = await loadAgency(deps.store, caller, agencyId);
  const [filing, revisions, previous, stampedCopy] = await Promise.all([
    deps.store.getFiling(agency.id, year),
    deps.store.listRevisions(agency.id, year),
    deps.store.getLatestRevision(agency.id, year - 1),
    deps.stamped?.latest(agency.id, year),
  ]);
  return {
    agency: { id: agency.id, name: agency.name, region: agency.region, kind: agency.kind },
    year,
    template: filing?.draft?.template ?? templateForYear(year),
    status: filing?.status ?? 'not_started',
    version: filing?.version ?? 0,
    draft: filing?.draft ?? null,
    findings: filing?.findings ?? [],
    explanations: filing?.explanations ?? {},
    errorCount: filing?.errorCount ?? 0,
    warningCount: filing?.warningCount ?? 0,
    lastSubmittedAt: filing?.lastSubmittedAt ?? null,
    revisions,
    previousYear: previous
      ? {
          year: year - 1,
          revision: previous.revision,
          carriedForward: previous.report.sections.applications.carriedForward ?? {},
        }
      : null,
    returned: filing?.status === 'returned' ? (filing.returned ?? null) : null,
    stampedCopy: stampedCopy ?? null,
  };
}

/** The report must be this agency's, for this year, in this year's format. */
function checkReportHeader(report: Report, agency: Agency, year: number): Report {
  if (report.year !== year) throw new InputError(`报告年度 ${report.year} 与地址中的年度 ${year} 不一致`);
  const template = templateForYear(year);
  if (report.template !== template) {
    throw new InputError(`${year}年度报告应使用${template === '2021' ? '2021年新版' : '2019年试行'}格式（template: "${template}"）`);
  }
  if (report.agencyId !== undefined && report.agencyId !== agency.id) {
    throw new ForbiddenError(`报告中的单位代码 ${report.agencyId} 不是登录单位 ${agency.id}，您只能填报本单位的报告`);
  }
  return { ...report, agencyId: agency.id };
}

/**
 * The report's findings: the rules of validate-report.ts with last year's report, and for the
 * region's government office (whose report is the region's 汇总) `rollup.mismatch` against the
 * sum of the region's accepted reports (region-sum.ts; the office's own figures are not in it).
 */
async function checkReport(store: FilingStore, agency: Agency, report: Report, previous: Revision | undefined): Promise<Finding[]> {
  const findings = validateReport(report, { previous: previous?.report, agencyKind: agency.kind });
  if (agency.kind !== 'government-office') return findings;
  const sum = await regionSum(store, agency.region, report.year, agency);
  // No accepted report yet: there is nothing to compare with.
  if (sum.included.length === 0) return findings;
  return [...findings, ...rollupMismatch(report, { sum: sum.report, included: sum.included.length, missing: sum.missing.length })];
}

/** The explanations a write keeps: the body's, else the stored ones; only those of current warnings. */
function keptExplanations(findings: readonly Finding[], given: Explanations | undefined, stored: Explanations | undefined) {
  const explanations = currentExplanations(findings, given ?? stored);
  const unexplainedCount = unexplainedWarnings(findings, explanations).length;
  return { explanations, unexplainedCount, ...(Object.keys(explanations).length > 0 ? { stored: explanations } : {}) };
}

export interface SaveDraftInput {
  /** `?agency=`: must be the caller's own */
  agencyId?: string;
  year: number;
  report: Report;
  /** the filer's explanations of warnings; absent: keep the draft's */
  explanations?: Explanations;
  /** the `If-Match` version; 0 when creating the filing */
  ifMatch: number | undefined;
}


export async function saveDraft(deps: Deps, caller: Caller, input: SaveDraftInput): Promise<SaveDraftResult> {
  const filer = filerOnly(caller);
  agencyInScope(filer, input.agencyId);
  if (input.ifMatch === undefined) {
    throw new PreconditionRequiredError('保存草稿须带 If-Match 头，值为读取时的版本号（新报告为 0）');
  }
  const agency = await loadAgency(deps.store, filer, undefined);
  const report = checkReportHeader(input.report, agency, input.year);
  const [guess, previous] = await Promise.all([
    deps.store.getFilingForUpdate(agency.id, input.year),
    deps.store.getLatestRevision(agency.id, input.year - 1),
  ]);
  // A copy at another version may just be old: only the table decides a conflict.
  const current = (guess?.version ?? 0) === input.ifMatch ? guess : await deps.store.getFiling(agency.id, input.year);
  const currentVersion = current?.version ?? 0;
  if (currentVersion !== input.ifMatch) {
    throw new VersionConflictError(`版本 ${input.ifMatch} 已过期，当前版本为 ${currentVersion}，请重新打开后再保存`, currentVersion);
  }
  const findings = await checkReport(deps.store, agency, report, previous);
  const { errors, warnings } = splitFindings(findings);
  const kept = keptExplanations(findings, input.explanations, current?.explanations);
  const now = deps.clock().toISOString();
  // A saved draft does not withdraw a submission: the submitted revision stands until amended.
  const status: FilingStatus = !current || current.status === 'not_started' ? 'draft' : current.status;
  const filing: Filing = {
    agencyId: agency.id,
    year: input.year,
    region: agency.region,
    status,
    version: currentVersion + 1,
    draft: report,
    findings,
    errorCount: errors.length,
    warningCount: warnings.length,
    ...(kept.stored ? { explanations: kept.stored } : {}),
    unexplainedCount: kept.unexplainedCount,
    latestRevision: current?.latestRevision ?? 0,
    ...(current?.lastSubmittedAt ? { lastSubmittedAt: current.lastSubmittedAt } : {}),
    ...(current?.returned ? { returned: current.returned } : {}),
    updatedAt: now,
  };
  await deps.store.saveDraft(filing, currentVersion, {
    type: 'draft.saved',
    at: now,
    region: agency.region,
    agencyId: agency.id,
    year: input.year,
    actor: filer.tokenHash.slice(0, 12),
    detail: { version: filing.version, errorCount: errors.length },
  });
  return {
    agencyId: agency.id,
    year: input.year,
    status,
    version: filing.version,
    findings,
    explanations: kept.explanations,
    errorCount: errors.length,
    warningCount: warnings.length,
    unexplainedCount: kept.unexplainedCount,
  };
}

export interface SubmitInput {
  agencyId?: string;
  year: number;
  report: Report;
  /** the filer's explanations of warnings; absent: the draft's carry over */
  explanations?: Explanations;
  ifMatch?: number;
  idempotencyKey?: string;
  /** reads started with the token read (`prefetchSubmit`); used only if they are the caller's */
  prefetched?: SubmitPrefetch;
}

/** The submission's reads that depend only on who is submitting: fresh reads, started early. */
export interface SubmitPrefetch {
  agencyId: string;
  region: string;
  year: number;
  previous: Promise<Revision | undefined>;
  settings: Promise<RegionSettings> | undefined;
}

export function prefetchSubmit(deps: Deps, owner: TokenOwner, year: number): SubmitPrefetch | undefined {
  if (owner.role !== 'filer' || !owner.agencyId) return undefined;
  const previous = deps.store.getLatestRevision(owner.agencyId, year - 1);
  const settings = deps.settings?.getRegionSettings(owner.region);
  // If the token fails, nobody awaits these: their errors must not go unhandled.
  previous.catch(() => undefined);
  settings?.catch(() => undefined);
  return { agencyId: owner.agencyId, region: owner.region, year, previous, settings };
}

export interface SubmitResult {
  status: number;
  body: SubmitResponse;
  replayed: boolean;
}

function requestHash(year: number, report: Report, explanations: Explanations | undefined): string {
  // Without explanations the hash is the one stored before they existed.
  const request = explanations ? [year, report, explanations] : [year, report];
  return createHash('sha256').update(JSON.stringify(request)).digest('hex');
}

function replay(stored: StoredResponse, hash: string): SubmitResult {
  if (stored.requestHash !== hash) {
    throw new IdempotencyKeyReuseError('该 Idempotency-Key 已用于另一份不同的提交，请换用新的键');
  }
  return { status: stored.status, body: stored.body as SubmitResult['body'], replayed: true };
}

const MAX_SUBMIT_ATTEMPTS = 3;

export async function submitFiling(deps: Deps, caller: Caller, input: SubmitInput): Promise<SubmitResult> {
  const filer = filerOnly(caller);
  agencyInScope(filer, input.agencyId);
  const scope = `${filer.agencyId}#${input.year}`;
  const early = input.prefetched;
  const usable =
    early && early.agencyId === filer.agencyId && early.region === filer.region && early.year === input.year ? early : undefined;
  for (let attempt = 1; ; attempt++) {
    const fresh = attempt === 1 ? usable : undefined;
    // One round trip (one BatchGetItem): the agency, the filing, last year's revision and any earlier answer.
    const [found, guess, previous, stored, settings] = await Promise.all([
      deps.store.getAgency(filer.agencyId),
      // After a conflict, read afresh; otherwise this process's copy saves a round trip.
      attempt === 1 ? deps.store.getFilingForUpdate(filer.agencyId, input.year) : deps.store.getFiling(filer.agencyId, input.year),
      fresh ? fresh.previous : deps.store.getLatestRevision(filer.agencyId, input.year - 1),
      input.idempotencyKey && attempt === 1 ? deps.store.getStoredResponse(scope, input.idempotencyKey) : undefined,
      // The filer's region is the agency's (a token carries it); the gate is read fresh each request.
      fresh ? fresh.settings : deps.settings?.getRegionSettings(filer.region),
    ]);
    const agency = ownAgency(found, filer.agencyId);
    const report = checkReportHeader(input.report, agency, input.year);
    const hash = requestHash(input.year, report, input.explanations);
    if (stored) return replay(stored, hash);
    const current =
      input.ifMatch === undefined || (guess?.version ?? 0) === input.ifMatch ? guess : await deps.store.getFiling(filer.agencyId, input.year);
    const currentVersion = current?.version ?? 0;
    if (input.ifMatch !== undefined && input.ifMatch !== currentVersion) {
      throw new VersionConflictError(`版本 ${input.ifMatch} 已过期，当前版本为 ${currentVersion}，请重新打开后再提交`, currentVersion);
    }
    const findings = await checkReport(deps.store, agency, report, previous);
    const { errors, warnings } = splitFindings(findings);
    const now = deps.clock().toISOString();
    if (errors.length > 0) {
      await deps.store.recordEvent(checkFailedEvent(agency, input.year, filer.tokenHash, now, errors, warnings));
      throw new CheckFailedError(`报告有 ${errors.length} 处错误，未能提交，请按提示改正后重新提交`, findings);
    }
    const kept = keptExplanations(findings, input.explanations, current?.explanations);
    const revision = (current?.latestRevision ?? 0) + 1;
    const regionSettings = agency.region === filer.region ? settings : await deps.settings?.getRegionSettings(agency.region);
    const gated = regionSettings?.review === 'required';
    // With review required the revision waits for approval; its INSERT does not publish it.
    const status: FilingStatus = gated ? 'awaiting_approval' : 'submitted';
    const filing: Filing = {
      agencyId: agency.id,
      year: input.year,
      region: agency.region,
      status,
      version: currentVersion + 1,
      draft: report,
      findings,
      errorCount: 0,
      warningCount: warnings.length,
      ...(kept.stored ? { explanations: kept.stored } : {}),
      unexplainedCount: kept.unexplainedCount,
      latestRevision: revision,
      lastSubmittedAt: now,
      updatedAt: now,
    };
    const body: SubmitResult['body'] = {
      agencyId: agency.id,
      year: input.year,
      status,
      version: filing.version,
      revision,
      submittedAt: now,
      findings,
      explanations: kept.explanations,
    };
    try {
      const outcome = await deps.store.submit({
        filing,
        expectedVersion: currentVersion,
        revision: {
          agencyId: agency.id,
          year: input.year,
          revision,
          report,
          findings,
          ...(kept.stored ? { explanations: kept.stored } : {}),
          submittedAt: now,
          submittedBy: filer.tokenHash.slice(0, 12),
          ...(gated ? { review: 'required' as const } : {}),
        },
        ...(input.idempotencyKey
          ? { idempotency: { scope, key: input.idempotencyKey, response: { requestHash: hash, status: 201, body } } }
          : {}),
      });
      if (outcome.kind === 'replay') return replay(outcome.response, hash);
      return { status: 201, body, replayed: false };
    } catch (error) {
      // Without If-Match the caller asked for "submit this", so a concurrent draft save is no reason to fail.
      if (error instanceof VersionConflictError && input.ifMatch === undefined && attempt < MAX_SUBMIT_ATTEMPTS) continue;
      throw error;
    }
  }
}

function checkFailedEvent(
  agency: Agency,
  year: number,
  tokenHash: string,
  at: string,
  errors: Finding[],
  warnings: Finding[],
): AuditEvent {
  return {
    type: 'filing.check-failed',
    at,
    region: agency.region,
    agencyId: agency.id,
    year,
    actor: tokenHash.slice(0, 12),
    detail: {
      agencyName: agency.name,
      emails: agency.emails,
      errorCount: errors.length,
      warningCount: warnings.length,
      rules: [...new Set(errors.map((f) => f.rule))],
      // Enough for an e-mail; the filer sees all of them in the form.
      errors: errors.slice(0, 20).map((f) => ({ rule: f.rule, path: f.path, label: f.label, message: f.message })),
    },
  };
}



export async function listRegionFilings(
  deps: Deps,
  caller: Caller,
  region: string,
  year: number,
  status?: FilingStatus,
): Promise<RegionFilings> {
  regionInScope(caller, region);
  const [agencies, filings] = await Promise.all([
    deps.store.listAgencies(region),
    // 未开始 has no filing item, so it is every agency without one.
    deps.store.listRegionFilings(region, year, status === 'not_started' ? undefined : status),
  ]);
  const byAgency = new Map(filings.map((f) => [f.agencyId, f]));
  const rows: RegionFilingRow[] = agencies.map((a) => {
    const f = byAgency.get(a.id);
    return {
      agencyId: a.id,
      agencyName: a.name,
      kind: a.kind,
      status: f?.status ?? 'not_started',
      version: f?.version ?? 0,
      lastSubmittedAt: f?.lastSubmittedAt ?? null,
      errorCount: f?.errorCount ?? 0,
      warningCount: f?.warningCount ?? 0,
      revisions: f?.latestRevision ?? 0,
    };
  });
  const counts = emptyStatusCounts();
  for (const r of rows) counts[r.status]++;
  return {
    region,
    year,
    counts,
    filings: rows.filter((r) => status === undefined || r.status === status),
  };
}

