/**
 * E-mails that answer events: a submission that failed the checks (from the table's stream),
 * and an address that bounced or complained (from SES through SNS).
 *
 * Failed checks: one window item per agency and year. The first failure opens an hour-long
 * window and is mailed at once; failures within the hour are counted into the window and
 * reported as "N submissions since the last e-mail" by the next one that opens a window (the
 * filer sees every finding in the form anyway). A failure whose mail could not be sent leaves
 * the window `failed`, so the next failure mails again; a redelivered event is recognised by id.
 */
import { shanghaiDate } from '../domain/reminders/calendar.js';
import { deadlineFor, type ReminderPolicy } from '../domain/reminders/deadline-policy.js';
import { failedCheckEmail, returnedEmail, undeliverableEmail } from '../render/email/email-templates.js';
import type { AuditEvent } from './model.js';
import type { Agency } from '../domain/agency.js';
import type { Clock } from './ports.js';
import type { Mailer, ReminderStore } from './reminder-ports.js';
import { CLAIM_LEASE_MS } from './remind.js';

export interface NotifyDeps {
  store: ReminderStore;
  /** the agency as registered now (its current contacts) */
  getAgency(id: string): Promise<Agency | undefined>;
  mailer: Mailer;
  policy: ReminderPolicy;
  clock: Clock;
  /** the filing form's sign-in page for the recipient's address, where the filer corrects and resubmits */
  formUrl(agencyId: string, year: number, email?: string): string;
}

export const CHECK_FAIL_WINDOW_MS = 3600_000;

interface EventError {
  label?: string;
  path?: string;
  message?: string;
}

export type CheckFailedOutcome = 'sent' | 'folded' | 'no-recipient' | 'ignored';

/** Mails the agency's contacts about a failed submission, once per hourly window. */
export async function notifyCheckFailed(deps: NotifyDeps, event: AuditEvent, eventId: string): Promise<CheckFailedOutcome> {
  if (event.type !== 'filing.check-failed' || !event.agencyId || event.year === undefined) return 'ignored';
  const { agencyId, year } = event;
  const detail = event.detail ?? {};
  const errors = ((detail.errors as EventError[] | undefined) ?? []).map((e) => ({
    label: e.label ?? e.path ?? '',
    message: e.message ?? '',
  }));
  const outcome = await deps.store.recordCheckFailure({
    agencyId,
    region: event.region,
    year,
    eventId,
    at: event.at,
    errorCount: (detail.errorCount as number | undefined) ?? errors.length,
    windowAfter: new Date(Date.parse(event.at) - CHECK_FAIL_WINDOW_MS).toISOString(),
  });
  if (outcome.kind === 'folded') return 'folded';

  const agency = (await deps.getAgency(agencyId)) ?? {
    id: agencyId,
    name: (detail.agencyName as string | undefined) ?? agencyId,
    region: event.region,
    kind: 'department' as const,
    emails: (detail.emails as string[] | undefined) ?? [],
  };
  const blocked = await deps.store.undeliverable(agency.emails);
  const to = [...new Set(agency.emails)].filter((a) => !blocked.has(a.toLowerCase()));
  if (to.length === 0) {
    await deps.store.settleCheckFailure(agencyId, year, eventId, 'sent');
    return 'no-recipient';
  }
  const mail = failedCheckEmail({
    agencyName: agency.name,
    year,
    deadline: deadlineFor(deps.policy, agency, year),
    today: shanghaiDate(new Date(event.at)),
    errors,
    formUrl: deps.formUrl(agencyId, year, to[0]),
    attempts: outcome.attempts,
  });
  try {
    await deps.mailer.send({ to, ...mail, tags: { agency: agencyId, region: agency.region, kind: 'check-failed' } });
  } catch (error) {
    await deps.store.settleCheckFailure(agencyId, year, eventId, 'failed');
    throw error;
  }
  await deps.store.settleCheckFailure(agencyId, year, eventId, 'sent');
  return 'sent';
}

export type ReturnedOutcome = 'sent' | 'already-sent' | 'no-recipient' | 'ignored';

/**
 * Mails the agency's contacts the reviewer's comments on a returned filing, once per event: a
 * claim keyed by the event's id makes a redelivered stream record a no-op.
 */
export async function notifyReturned(deps: NotifyDeps, event: AuditEvent, eventId: string): Promise<ReturnedOutcome> {
  if (event.type !== 'filing.returned' || !event.agencyId || event.year === undefined) return 'ignored';
  const { agencyId, year } = event;
  const detail = event.detail ?? {};
  const now = deps.clock();
  const id = { kind: 'returned' as const, agencyId, year, eventId };
  const owner = `notify-${now.toISOString()}-${Math.random().toString(36).slice(2, 8)}`;
  const claim = await deps.store.claim({
    id,
    owner,
    at: now.toISOString(),
    staleBefore: new Date(now.getTime() - CLAIM_LEASE_MS).toISOString(),
  });
  if (claim.kind === 'taken') return 'already-sent';
  const agency = await deps.getAgency(agencyId);
  const emails = agency?.emails ?? ((detail.emails as string[] | undefined) ?? []);
  const blocked = await deps.store.undeliverable(emails);
  const to = [...new Set(emails)].filter((a) => !blocked.has(a.toLowerCase()));
  if (to.length === 0) {
    await deps.store.settle(id, owner, 'sent', { told: [] });
    return 'no-recipient';
  }
  const cells = ((detail.cells as { label?: string; path?: string; text?: string }[] | undefined) ?? []).map((c) => ({
    label: c.label ?? c.path ?? '',
    text: c.text ?? '',
  }));
  const mail = returnedEmail({
    agencyName: agency?.name ?? ((detail.agencyName as string | undefined) ?? agencyId),
    year,
    revision: (detail.revision as number | undefined) ?? 0,
    comment: (detail.comment as string | undefined) ?? '',
    cells,
    formUrl: deps.formUrl(agencyId, year, to[0]),
  });
  try {
    await deps.mailer.send({ to, ...mail, tags: { agency: agencyId, region: event.region, kind: 'returned' } });
  } catch (error) {
    await deps.store.settle(id, owner, 'failed', { error: (error as Error).message });
    throw error;
  }
  await deps.store.settle(id, owner, 'sent', { told: to });
  return 'sent';
}

export interface UndeliverableNotice {
  address: string;
  reason: 'bounce' | 'complaint';
  /** from the message's SES tags, when it was ours */
  agencyId?: string;
  region?: string;
}

export type UndeliverableOutcome = 'told' | 'marked' | 'known';

/**
 * Marks the address undeliverable (never mailed again) and tells the region's reviewers, once:
 * the mark is a claim item, so a repeated bounce or a redelivered notification finds it taken.
 */
export async function markUndeliverable(deps: NotifyDeps, notice: UndeliverableNotice): Promise<UndeliverableOutcome> {
  const now = deps.clock();
  const id = { kind: 'undeliverable' as const, address: notice.address };
  const owner = `${notice.reason}-${now.toISOString()}`;
  const claim = await deps.store.claim({
    id,
    owner,
    at: now.toISOString(),
    staleBefore: new Date(now.getTime() - CLAIM_LEASE_MS).toISOString(),
    detail: { reason: notice.reason, ...(notice.agencyId ? { agencyId: notice.agencyId } : {}), ...(notice.region ? { region: notice.region } : {}) },
  });
  if (claim.kind === 'taken') return 'known';
  const agency = notice.agencyId ? await deps.getAgency(notice.agencyId) : undefined;
  const region = notice.region ?? agency?.region;
  const reviewers = region ? ((await deps.store.getRegionContacts([region])).get(region)?.reviewers ?? []) : [];
  const blocked = await deps.store.undeliverable(reviewers);
  const to = [...new Set(reviewers)].filter((a) => !blocked.has(a.toLowerCase()));
  if (to.length === 0) {
    // Nobody to tell (no region on the message, or no reviewer address): the mark stands.
    await deps.store.settle(id, owner, 'sent', { told: [] });
    return 'marked';
  }
  const mail = undeliverableEmail({ address: notice.address, agencyName: agency?.name ?? notice.address, reason: notice.reason });
  try {
    await deps.mailer.send({ to, ...mail, tags: { region: region!, kind: 'undeliverable' } });
  } catch (error) {
    await deps.store.settle(id, owner, 'failed', { error: (error as Error).message });
    throw error;
  }
  await deps.store.settle(id, owner, 'sent', { told: to });
  return 'told';
}

/** The audit events the filer is mailed about. */
export const MAILED_EVENTS: ReadonlySet<AuditEvent['type']> = new Set(['filing.check-failed', 'filing.returned']);

/** Mails what an audit event calls for (the notifier's one use case); other events pass by. */
export async function notifyEvent(deps: NotifyDeps, event: AuditEvent, eventId: string): Promise<void> {
  if (event.type === 'filing.returned') await notifyReturned(deps, event, eventId);
  else if (event.type === 'filing.check-failed') await notifyCheckFailed(deps, event, eventId);
}
