/**
 * The registry in the reviewer's hands (单位名录): a reviewer lists, adds, edits, deactivates
 * and reactivates the agencies of their region and the regions inside it, uploads the CSV that
 * `nianbao agencies import` reads (checked whole first, then written in one transaction, so a
 * file is either all there or not at all), ends an agency's sessions, and adds or removes
 * colleague reviewers. The region is always checked here against the caller's session, never
 * taken from the client.
 */
import type { AgencyInput, CsvImported, RegistryAgency, RegistryView } from '../contract/registry.js';
import { isActive, type Agency } from '../domain/agency.js';
import { regionContains, regionInScope } from './access.js';
import { checkAgenciesCsv } from './import-agencies.js';
import { InputError, NotFoundError, StateConflictError } from './errors.js';
import type { AuditEvent, Caller } from './model.js';
import type { Clock, FilingStore } from './ports.js';
import { agencyWriteItems, MAX_TRANSACTION_ITEMS, type AgencyWrite, type RegistryEntry, type RegistryStore } from './registry-ports.js';
import type { SignInStore } from './sign-in-ports.js';
import { revokeTokens } from './tokens.js';

export interface RegistryDeps {
  /** tokens (ending sessions) and the audit trail */
  store: FilingStore;
  registry: RegistryStore;
  signIn: SignInStore;
  clock: Clock;
  /** after an agency is registered or reactivated: open the reporting years it owes (reminders) */
  openYears?: (agency: Agency) => Promise<unknown>;
}

const actorOf = (caller: Caller) => caller.tokenHash.slice(0, 12);

function row(a: RegistryEntry): RegistryAgency {
  return {
    id: a.id,
    name: a.name,
    region: a.region,
    kind: a.kind,
    emails: a.emails,
    active: isActive(a),
    deactivatedAt: a.deactivatedAt ?? null,
    lastSignInAt: a.lastSignInAt ?? null,
  };
}

/** The region's agencies (active first, by name) and its reviewers. */
export async function getRegistry(deps: RegistryDeps, caller: Caller, region: string): Promise<RegistryView> {
  regionInScope(caller, region);
  const [entries, reviewers] = await Promise.all([deps.registry.listRegistry(region), deps.registry.listReviewers(region)]);
  const agencies = entries
    .map(row)
    .sort((x, y) => Number(y.active) - Number(x.active) || x.name.localeCompare(y.name, 'zh-CN'));
  return { region, agencies, reviewers: [...reviewers].sort() };
}

/** An agency registered in `region` (or a region inside it), read afresh. */
async function agencyIn(deps: RegistryDeps, caller: Caller, region: string, agencyId: string): Promise<Agency> {
  regionInScope(caller, region);
  const agency = (await deps.registry.readAgencies([agencyId])).get(agencyId);
  if (!agency || !regionContains(region, agency.region)) throw new NotFoundError(`区域 ${region} 内没有代码为 ${agencyId} 的单位`);
  return agency;
}

function agencyEvent(type: AuditEvent['type'], caller: Caller, agency: Agency, at: string, detail: Record<string, unknown> = {}): AuditEvent {
  return { type, at, region: agency.region, agencyId: agency.id, actor: actorOf(caller), detail: { agencyName: agency.name, ...detail } };
}

/** Addresses `before` had that `after` has not. */
function removedAddresses(before: Agency | undefined, after: Agency): string[] {
  const now = new Set(after.emails.map((e) => e.toLowerCase()));
  return (before?.emails ?? []).map((e) => e.toLowerCase()).filter((e) => !now.has(e));
}

/** After a write: a removed address's sessions end; a new agency owes the years already opened. */
async function afterWrite(deps: RegistryDeps, caller: Caller, writes: readonly AgencyWrite[]): Promise<void> {
  for (const w of writes) {
    for (const email of removedAddresses(w.before, w.agency)) {
      await revokeTokens(deps.store, deps.clock, 'filer', w.agency.id, { actor: actorOf(caller), email });
    }
    if (!w.before && isActive(w.agency)) await deps.openYears?.(w.agency);
  }
}

const sameAgency = (a: Agency, b: Agency) =>
  a.name === b.name && a.region === b.region && a.kind === b.kind && a.emails.join('\n') === b.emails.join('\n');

/**
 * Registers an agency (`agencyId` absent) or edits one. The agency's region must lie inside
 * `region`, which must lie inside the caller's; the 统一社会信用代码 of an existing agency is fixed.
 */
export async function saveAgency(deps: RegistryDeps, caller: Caller, region: string, input: AgencyInput, agencyId?: string): Promise<RegistryAgency> {
  regionInScope(caller, region);
  if (!regionContains(region, input.region)) throw new InputError(`行政区划代码 ${input.region} 不在区域 ${region} 内`);
  if (agencyId !== undefined && agencyId !== input.id) throw new InputError('统一社会信用代码不能修改；如代码有误，请停用该单位后重新登记');
  const before = (await deps.registry.readAgencies([input.id])).get(input.id);
  if (agencyId === undefined && before) {
    throw new StateConflictError(
      regionContains(region, before.region)
        ? `统一社会信用代码 ${input.id} 已登记为“${before.name}”，请在名录中编辑该单位`
        : `统一社会信用代码 ${input.id} 已由其他区域登记，请与上级主管部门联系`,
    );
  }
  if (agencyId !== undefined && (!before || !regionContains(region, before.region))) throw new NotFoundError(`区域 ${region} 内没有代码为 ${agencyId} 的单位`);
  const agency: Agency = { ...input, ...(before?.deactivatedAt ? { deactivatedAt: before.deactivatedAt } : {}) };
  const write: AgencyWrite = before ? { agency, before } : { agency };
  const at = deps.clock().toISOString();
  await deps.registry.writeAgencies([write], [agencyEvent('agency.saved', caller, agency, at, { created: !before })]);
  await afterWrite(deps, caller, [write]);
  return row(agency);
}

/**
 * The CSV upload: every line is checked first (format, 统一社会信用代码 and its check character,
 * region inside `region`, an existing agency only if it belongs there); any problem and nothing
 * is written (an InputError listing the lines). Then the rows that differ from the registry are
 * written in one transaction.
 */
export async function importAgencyCsv(deps: RegistryDeps, caller: Caller, region: string, text: string): Promise<CsvImported> {
  regionInScope(caller, region);
  const { agencies, problems } = checkAgenciesCsv(text);
  const existing = await deps.registry.readAgencies(agencies.map((a) => a.agency.id));
  for (const { line, agency } of agencies) {
    if (!regionContains(region, agency.region)) problems.push({ line, message: `行政区划代码 ${agency.region} 不在区域 ${region} 内` });
    const before = existing.get(agency.id);
    if (before && !regionContains(region, before.region)) {
      problems.push({ line, message: `统一社会信用代码 ${agency.id} 已由其他区域（${before.region}）登记，不能在此修改` });
    }
  }
  if (problems.length > 0) {
    const lines = [...problems].sort((a, b) => a.line - b.line);
    throw new InputError(
      `CSV 有 ${new Set(lines.map((p) => p.line)).size} 行错误，未写入任何单位：${lines.slice(0, 3).map((p) => `第${p.line}行：${p.message}`).join('；')}`,
      lines.map((p) => ({ path: `第${p.line}行`, message: p.message })),
    );
  }
  const writes: AgencyWrite[] = [];
  for (const { agency: parsed } of agencies) {
    const before = existing.get(parsed.id);
    const agency: Agency = { ...parsed, ...(before?.deactivatedAt ? { deactivatedAt: before.deactivatedAt } : {}) };
    if (before && sameAgency(before, agency)) continue;
    writes.push(before ? { agency, before } : { agency });
  }
  const items = writes.reduce((n, w) => n + agencyWriteItems(w), 1);
  if (items > MAX_TRANSACTION_ITEMS) {
    throw new InputError(
      `这个文件需写入 ${items} 项（每个新增或修改的单位 1 项，每个新增或删除的邮箱 1 项），超过一次写入的上限 ${MAX_TRANSACTION_ITEMS} 项；` +
        '请分成几个文件上传（未改动的行不计），或由管理员用命令行 nianbao agencies import 导入',
    );
  }
  if (writes.length > 0) {
    const at = deps.clock().toISOString();
    const event: AuditEvent = {
      type: 'agency.imported',
      at,
      region,
      actor: actorOf(caller),
      detail: { written: writes.length, agencyIds: writes.slice(0, 50).map((w) => w.agency.id) },
    };
    await deps.registry.writeAgencies(writes, [event]);
    await afterWrite(deps, caller, writes);
  }
  return { written: writes.length, unchanged: agencies.length - writes.length };
}

/**
 * Deactivates (停用) or reactivates an agency. Deactivated, it owes no report, gets no reminder
 * and cannot sign in (its sessions end now); its published reports stay published.
 */
export async function setAgencyActive(deps: RegistryDeps, caller: Caller, region: string, agencyId: string, active: boolean): Promise<RegistryAgency> {
  const agency = await agencyIn(deps, caller, region, agencyId);
  if (active === isActive(agency)) return row(agency);
  const at = deps.clock().toISOString();
  const event = agencyEvent(active ? 'agency.reactivated' : 'agency.deactivated', caller, agency, at);
  if (!(await deps.registry.setDeactivated(agency.id, active ? undefined : at, event))) throw new NotFoundError(`没有代码为 ${agencyId} 的单位`);
  const { deactivatedAt: _was, ...rest } = agency;
  const now: Agency = active ? rest : { ...rest, deactivatedAt: at };
  if (active) await deps.openYears?.(now);
  else await revokeTokens(deps.store, deps.clock, 'filer', agency.id, { actor: actorOf(caller) });
  return row(now);
}

/** Ends every session (and API token) of an agency: whoever is signed in must sign in again. */
export async function endAgencySessions(deps: RegistryDeps, caller: Caller, region: string, agencyId: string): Promise<{ ended: number }> {
  const agency = await agencyIn(deps, caller, region, agencyId);
  const ended = await revokeTokens(deps.store, deps.clock, 'filer', agency.id, { actor: actorOf(caller) });
  await deps.store.recordEvent(agencyEvent('sessions.ended', caller, agency, deps.clock().toISOString(), { ended }));
  return { ended };
}

function reviewerEvent(type: AuditEvent['type'], caller: Caller, region: string, email: string, at: string): AuditEvent {
  return { type, at, region, actor: actorOf(caller), detail: { email } };
}

/** Registers a colleague as a reviewer of `region` (the caller's or one inside it). */
export async function addColleague(deps: RegistryDeps, caller: Caller, region: string, email: string): Promise<{ reviewers: string[] }> {
  regionInScope(caller, region);
  await deps.signIn.addReviewer(region, email);
  await deps.store.recordEvent(reviewerEvent('reviewer.added', caller, region, email, deps.clock().toISOString()));
  return { reviewers: (await deps.registry.listReviewers(region)).sort() };
}

/** Removes a reviewer of `region`; their sessions opened with that address end now. */
export async function removeColleague(deps: RegistryDeps, caller: Caller, region: string, email: string): Promise<{ reviewers: string[]; ended: number }> {
  regionInScope(caller, region);
  if (!(await deps.registry.removeReviewer(region, email))) throw new NotFoundError(`${email} 不是区域 ${region} 的审核人员`);
  const ended = await revokeTokens(deps.store, deps.clock, 'reviewer', region, { actor: actorOf(caller), email });
  await deps.store.recordEvent(reviewerEvent('reviewer.removed', caller, region, email, deps.clock().toISOString()));
  return { reviewers: (await deps.registry.listReviewers(region)).sort(), ended };
}
