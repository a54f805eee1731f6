/**
 * The daily reminder pass (docs/reminders.md). For each reporting year in the window around the
 * date: the outstanding filings (one sparse-index query) whose schedule has a step that day get
 * a reminder; from `digestFrom` days overdue the region's reviewers get a digest on digest days.
 * Each e-mail is claimed by a conditional write before it is sent, so it goes out at most once
 * per (agency, year, step) or (region, year, digest day) whatever the runs do; a claim whose
 * send failed, or whose run died, is taken again by a later run.
 */
import { randomBytes } from 'node:crypto';
import { shanghaiDate, type IsoDate } from '../domain/reminders/calendar.js';
import {
  deadlineFor,
  dueDigestDate,
  dueStep,
  owesReport,
  reportingYearsInWindow,
  stepId,
  type ReminderPolicy,
} from '../domain/reminders/deadline-policy.js';
import { digestEmail, reminderEmail, type Email } from '../render/email/email-templates.js';
import { mapLimit } from './map-limit.js';
import { isActive, type Agency } from '../domain/agency.js';
import { STATUS_LABELS } from '../domain/filing-status.js';
import type { Clock } from './ports.js';
import type { ClaimId, Mailer, OutstandingFiling, ReminderStore } from './reminder-ports.js';
import { ensureYearsOpened, type OpenedYear } from './reporting-years.js';

export interface MailLinks {
  /** where a filer signs in to the form */
  signIn(agency: Agency, year: number): string;
  /** where a reviewer sees the region's filings */
  board(region: string, year: number): string;
}

export interface RemindDeps {
  store: ReminderStore;
  mailer: Mailer;
  policy: ReminderPolicy;
  clock: Clock;
  links: MailLinks;
}

export interface RemindOptions {
  /** the date the pass runs as (Asia/Shanghai); default: today there */
  date?: IsoDate;
  /** decide and report, but claim, open and send nothing */
  dryRun?: boolean;
  /** the claim owner; default: a fresh id */
  runId?: string;
}

export type MailOutcome = 'sent' | 'would-send' | 'failed';

export interface MailLine {
  kind: 'reminder' | 'digest';
  outcome: MailOutcome;
  year: number;
  region: string;
  /** the step (reminders) or the digest day */
  step: string;
  agencyId?: string;
  to: string[];
  subject: string;
  error?: string;
}

export interface RemindSummary {
  date: IsoDate;
  years: number[];
  opened: OpenedYear[];
  /** dry run: years a real run would open first (their not_started filings are not counted) */
  unopened: number[];
  outstanding: number;
  mails: MailLine[];
  /** already sent (or being sent by an overlapping run) */
  alreadyClaimed: number;
  /** due, but every address is undeliverable or there is none */
  noRecipient: number;
}

/** A claim left pending this long belongs to a run that died: the next run may take it. */
export const CLAIM_LEASE_MS = 15 * 60_000;
const SEND_CONCURRENCY = 8;


interface Due {
  filing: OutstandingFiling;
  agency: Agency;
  deadline: IsoDate;
}

export async function runReminderPass(deps: RemindDeps, options: RemindOptions = {}): Promise<RemindSummary> {
  const { store, policy } = deps;
  const now = deps.clock();
  const date = options.date ?? shanghaiDate(now);
  const dryRun = options.dryRun ?? false;
  const runId = options.runId ?? `run-${now.toISOString()}-${randomBytes(4).toString('hex')}`;
  const at = now.toISOString();
  const staleBefore = new Date(now.getTime() - CLAIM_LEASE_MS).toISOString();
  const years = reportingYearsInWindow(policy, date);
  const summary: RemindSummary = { date, years, opened: [], unopened: [], outstanding: 0, mails: [], alreadyClaimed: 0, noRecipient: 0 };
  if (!dryRun) summary.opened = await ensureYearsOpened(store, policy, years, at);
  else if (years.length > 0) {
    const opened = new Set(await store.openedYears());
    summary.unopened = years.filter((y) => !opened.has(y));
  }

  /** Claims, sends, settles; a failed send is settled `failed` and retried by a later run. */
  const sendOnce = async (id: ClaimId, line: Omit<MailLine, 'outcome' | 'to' | 'subject'>, to: string[], email: Email, tags: Record<string, string>) => {
    if (to.length === 0) {
      summary.noRecipient++;
      return;
    }
    const base = { ...line, to, subject: email.subject };
    if (dryRun) {
      const status = await store.peekClaim(id);
      if (status === 'sent' || status === 'pending') summary.alreadyClaimed++;
      else summary.mails.push({ ...base, outcome: 'would-send' });
      return;
    }
    const claim = await store.claim({ id, owner: runId, at, staleBefore, detail: { to } });
    if (claim.kind === 'taken') {
      summary.alreadyClaimed++;
      return;
    }
    try {
      const { messageId } = await deps.mailer.send({ to, ...email, tags });
      await store.settle(id, runId, 'sent', { messageId });
      summary.mails.push({ ...base, outcome: 'sent' });
    } catch (error) {
      const message = (error as Error).message;
      await store.settle(id, runId, 'failed', { error: message });
      summary.mails.push({ ...base, outcome: 'failed', error: message });
    }
  };

  for (const year of years) {
    const outstanding = (await store.listOutstanding(year)).filter((f) => owesReport(policy, f.region, year));
    summary.outstanding += outstanding.length;
    if (outstanding.length === 0) continue;
    const agencies = await store.getAgencies(outstanding.map((f) => f.agencyId));
    const all: Due[] = outstanding.flatMap((filing) => {
      const agency = agencies.get(filing.agencyId);
      // Removed from the registry, or deactivated (it owes nothing): nobody to remind.
      return agency && isActive(agency) ? [{ filing, agency, deadline: deadlineFor(policy, agency, year) }] : [];
    });

    const reminders = all.flatMap((d) => {
      const due = dueStep(policy, d.deadline, date);
      return due ? [{ ...d, step: stepId(due.step) }] : [];
    });

    // Digests: regions with overdue agencies and a digest day in the catch-up window.
    const overdueByRegion = new Map<string, Due[]>();
    for (const d of all) {
      if (d.deadline >= date) continue;
      overdueByRegion.set(d.filing.region, [...(overdueByRegion.get(d.filing.region) ?? []), d]);
    }
    const digests = [...overdueByRegion].flatMap(([region, overdue]) => {
      const days = [...new Set(overdue.map((d) => d.deadline))].flatMap((deadline) => dueDigestDate(policy, deadline, date) ?? []);
      const day = days.sort().at(-1);
      return day ? [{ region, overdue, day, deadline: overdue.map((d) => d.deadline).sort()[0]! }] : [];
    });
    const contacts = await store.getRegionContacts(digests.map((d) => d.region));
    const failedByRegion = digests.length > 0 ? await failedFilings(store, year, new Set(digests.map((d) => d.region)), all) : new Map<string, FailedRow[]>();

    const addresses = [...reminders.flatMap((r) => r.agency.emails), ...[...contacts.values()].flatMap((c) => c.reviewers)];
    const blocked = await store.undeliverable(addresses);
    const deliverable = (list: readonly string[]) => [...new Set(list)].filter((a) => !blocked.has(a.toLowerCase()));

    await mapLimit(reminders, SEND_CONCURRENCY, (r) =>
      sendOnce(
        { kind: 'reminder', agencyId: r.agency.id, region: r.agency.region, year, step: r.step },
        { kind: 'reminder', year, region: r.agency.region, step: r.step, agencyId: r.agency.id },
        deliverable(r.agency.emails),
        reminderEmail({ agencyName: r.agency.name, year, deadline: r.deadline, today: date, signInUrl: deps.links.signIn(r.agency, year) }),
        { agency: r.agency.id, region: r.agency.region, kind: 'reminder' },
      ),
    );

    for (const d of digests) {
      const reviewers = contacts.get(d.region)?.reviewers ?? [];
      const failed = failedByRegion.get(d.region) ?? [];
      await sendOnce(
        { kind: 'digest', region: d.region, year, date: d.day },
        { kind: 'digest', year, region: d.region, step: `digest-${d.day}` },
        deliverable(reviewers),
        digestEmail({
          region: contacts.get(d.region)?.name ?? d.region,
          year,
          deadline: d.deadline,
          today: date,
          overdue: d.overdue
            .map((o) => ({ agencyName: o.agency.name, status: STATUS_LABELS[o.filing.status] }))
            .sort((a, b) => a.agencyName.localeCompare(b.agencyName, 'zh-CN')),
          failed,
          boardUrl: deps.links.board(d.region, year),
        }),
        { region: d.region, kind: 'digest' },
      );
    }
  }
  return summary;
}

interface FailedRow {
  agencyName: string;
  errorCount: number;
  lastAttemptAt: string;
}

/** Filings whose last attempt failed the checks: a failure after the last accepted submission. */
async function failedFilings(store: ReminderStore, year: number, regions: Set<string>, outstanding: readonly Due[]): Promise<Map<string, FailedRow[]>> {
  const failures = (await store.listCheckFailures(year)).filter((f) => regions.has(f.region));
  const known = new Map(outstanding.map((d) => [d.agency.id, d]));
  const others = failures.filter((f) => !known.has(f.agencyId));
  const [submitted, agencies] = await Promise.all([
    store.getLastSubmitted(others.map((f) => ({ agencyId: f.agencyId, year }))),
    store.getAgencies(others.map((f) => f.agencyId)),
  ]);
  const result = new Map<string, FailedRow[]>();
  for (const f of failures) {
    const mine = known.get(f.agencyId);
    const lastSubmitted = mine ? mine.filing.lastSubmittedAt : submitted.get(`${f.agencyId}#${year}`);
    if (lastSubmitted !== undefined && lastSubmitted >= f.lastFailedAt) continue;
    const other = mine ? undefined : agencies.get(f.agencyId);
    if (other && !isActive(other)) continue;
    const name = mine?.agency.name ?? other?.name;
    if (!name) continue;
    const rows = result.get(f.region) ?? [];
    rows.push({ agencyName: name, errorCount: f.errorCount, lastAttemptAt: shanghaiTime(f.lastFailedAt) });
    result.set(f.region, rows);
  }
  return result;
}

/** `2024-02-05 10:00` in Shanghai (UTC+8, no daylight saving). */
export function shanghaiTime(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** One line per e-mail, for the CLI and the logs. */
export function formatMailLine(line: MailLine): string {
  const what = line.kind === 'reminder' ? `提醒 ${line.step} ${line.agencyId}` : `汇总 ${line.step} ${line.region}`;
  const verb = line.outcome === 'sent' ? '已发送 sent' : line.outcome === 'would-send' ? '将发送 would send' : `发送失败 failed (${line.error})`;
  return `${verb}  ${line.year}年度  ${what}  → ${line.to.join(', ')}  「${line.subject}」`;
}
