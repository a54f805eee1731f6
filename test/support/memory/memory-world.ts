/**
 * Every port in memory, wired as the composition roots wire the real adapters
 * (functions/handlers/compose/), over one shared table and a controllable clock. The table's
 * stream is delivered by `deliver()` to two consumers, as the two event source mappings do on
 * AWS: the publisher (which changes publish: `publishesOn` in services/publishing.ts) and the
 * notifier (`notifyEvent` in services/notify.ts). A record whose consumer throws stays and comes again
 * with the next delivery, like a batch item failure.
 */
import { randomInt } from 'node:crypto';
import { withCheckCharacter } from '../../../functions/domain/credit-code.js';
import type { Agency, AgencyKind } from '../../../functions/domain/agency.js';
import { ReminderPolicy } from '../../../functions/domain/reminders/deadline-policy.js';
import type { Deps } from '../../../functions/services/filings.js';
import type { Caller } from '../../../functions/services/model.js';
import { notifyEvent, type NotifyDeps } from '../../../functions/services/notify.js';
import { publishesOn, publishOrRecordFailure, type PublishDeps } from '../../../functions/services/publishing.js';
import { RecentPublications } from '../../../functions/services/recent-publications.js';
import type { RemindDeps } from '../../../functions/services/remind.js';
import type { ReviewDeps } from '../../../functions/services/review.js';
import { MemoryFilingStore } from './memory-filing-store.js';
import { MemoryMailer } from './memory-mailer.js';
import { MemoryReminderStore } from './memory-reminder-store.js';
import { MemoryReviewStore } from './memory-review-store.js';
import { MemorySiteBucket } from './memory-site-bucket.js';
import { MemorySiteStore } from './memory-site-store.js';
import { MemorySignInStore } from './memory-sign-in-store.js';
import { MemoryRegistryStore } from './memory-registry-store.js';
import type { RegistryDeps } from '../../../functions/services/registry.js';
import { openYearsForAgency } from '../../../functions/services/reporting-years.js';
import type { SignInDeps } from '../../../functions/services/sign-in.js';
import { MemoryClock, MemoryTables, type StreamRecord } from './memory-tables.js';

export const SITE_URL = 'https://nianbao.example.gov.cn';
export const FORM_URL = 'https://nianbao.example.gov.cn/file/';

type Consumer = (record: StreamRecord) => Promise<void>;

export interface Delivery {
  /** records a consumer acted on without throwing */
  handled: number;
  /** records whose consumer threw (they come again) */
  failed: { seq: number; error: string }[];
}

export interface WorldOptions {
  /** the clock's start (default 2025-01-10T02:00Z, 10:00 in Shanghai) */
  now?: string;
  policy?: Partial<ReminderPolicy>;
}

export function memoryWorld(options: WorldOptions = {}) {
  const tables = new MemoryTables();
  const time = new MemoryClock(options.now);
  const clock = time.now;
  const filings = new MemoryFilingStore(tables);
  const review = new MemoryReviewStore(tables);
  const site = new MemorySiteStore(tables, clock);
  const reminders = new MemoryReminderStore(tables, clock);
  const bucket = new MemorySiteBucket();
  const mailer = new MemoryMailer();
  const signInStore = new MemorySignInStore(tables);
  const registryStore = new MemoryRegistryStore(tables, signInStore);
  const policy = ReminderPolicy.parse(options.policy ?? {});

  const filing: Deps = { store: filings, clock, settings: review };
  const reviewDeps: ReviewDeps = { store: filings, settings: review, clock, policy };
  const publish: PublishDeps = { store: site, bucket, clock, baseUrl: SITE_URL, recent: new RecentPublications() };
  const notify: NotifyDeps = {
    store: reminders,
    getAgency: (id) => filings.getAgency(id),
    mailer,
    policy,
    clock,
    formUrl: () => FORM_URL,
  };
  const remind: RemindDeps = {
    store: reminders,
    mailer,
    policy,
    clock,
    links: { signIn: () => FORM_URL, board: (region, year) => `${SITE_URL}/review/#region=${region}&year=${year}` },
  };

  const signIn: SignInDeps = {
    store: filings,
    signIn: signInStore,
    mailer,
    clock,
    // a short fixed answer time: the tests ask for many codes
    config: { publicUrl: SITE_URL, sessionHours: 12, codeAnswerMs: 20 },
  };

  const registry: RegistryDeps = {
    store: filings,
    registry: registryStore,
    signIn: signInStore,
    clock,
    openYears: (agency) => openYearsForAgency(reminders, policy, agency, clock().toISOString()),
  };

  const publisher: Consumer = async (r) => {
    if (r.kind !== 'revision') return;
    if (!publishesOn({ kind: r.eventName, review: r.revision.review, approvedNow: r.approvedNow })) return;
    await publishOrRecordFailure(publish, { agencyId: r.revision.agencyId, year: r.revision.year, revision: r.revision.revision });
  };
  const notifier: Consumer = async (r) => {
    if (r.kind !== 'event') return;
    await notifyEvent(notify, r.event, r.eventId);
  };
  const cursors = new Map<Consumer, number>([
    [publisher, 0],
    [notifier, 0],
  ]);

  /** One delivery per consumer: its records in order, stopping at the first that throws. */
  async function deliver(): Promise<Delivery> {
    const result: Delivery = { handled: 0, failed: [] };
    for (const [consumer, from] of cursors) {
      let at = from;
      for (; at < tables.stream.length; at++) {
        const record = tables.stream[at]!;
        try {
          await consumer(record);
          result.handled++;
        } catch (error) {
          result.failed.push({ seq: record.seq, error: (error as Error).message });
          break;
        }
      }
      cursors.set(consumer, at);
    }
    return result;
  }

  /**
   * Loses the publisher's undelivered records, as a pump that gives up on a batch and moves its
   * checkpoint past it (or an event source mapping that sends it to its on-failure queue) does.
   * Returns how many records of accepted revisions were lost.
   */
  function loseStream(): number {
    const from = cursors.get(publisher)!;
    cursors.set(publisher, tables.stream.length);
    return tables.stream.slice(from).filter((r) => r.kind === 'revision').length;
  }

  /** Deliveries until nothing fails or `rounds` are spent (a stream redelivers a failing record). */
  async function drain(rounds = 5): Promise<Delivery[]> {
    const all: Delivery[] = [];
    for (let i = 0; i < rounds; i++) {
      const d = await deliver();
      all.push(d);
      if (d.failed.length === 0) break;
    }
    return all;
  }

  let agencyCount = 0;
  /** Registers an agency with a valid credit code in `region`. */
  async function addAgency(region: string, kind: AgencyKind = 'department', fields: Partial<Agency> = {}): Promise<Agency> {
    agencyCount++;
    const agency: Agency = {
      id: withCheckCharacter(`11${region}${String(randomInt(0, 1e9)).padStart(9, '0')}`),
      name: kind === 'township' ? `测试${agencyCount}镇人民政府` : `测试县第${agencyCount}局`,
      region,
      kind,
      emails: [`office${agencyCount}@example.org`],
      ...fields,
    };
    await filings.putAgency(agency);
    return agency;
  }

  const filer = (agency: Agency): Caller => ({ role: 'filer', agencyId: agency.id, region: agency.region, tokenHash: `filer-${agency.id}`.padEnd(64, '0') });
  const reviewer = (region: string): Caller => ({ role: 'reviewer', region, tokenHash: `reviewer-${region}`.padEnd(64, '0') });

  return {
    tables,
    time,
    clock,
    stores: { filings, review, site, reminders, signIn: signInStore, registry: registryStore },
    bucket,
    mailer,
    policy,
    deps: { filing, review: reviewDeps, publish, notify, remind, signIn, registry },
    deliver,
    drain,
    loseStream,
    addAgency,
    filer,
    reviewer,
  };
}

export type MemoryWorld = ReturnType<typeof memoryWorld>;
