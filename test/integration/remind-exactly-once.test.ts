/**
 * Each reminder goes out at most once per (agency, year, step): double runs, concurrent runs,
 * a send that fails (retried by the next run), a run that died after claiming. Year 2042.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runReminderPass } from '../../functions/services/remind.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { Mailer, OutgoingEmail } from '../../functions/services/reminder-ports.js';
import { api, newRegion, reviewerToken } from './helpers.js';
import { mailTo, newContactAgency, openFor, reminderDeps, reminderStore } from './remind-helpers.js';

const YEAR = 2042;
// 7 days before 31 January 2043.
const BEFORE_7 = '2043-01-24';

async function agencies(n: number): Promise<Agency[]> {
  const region = newRegion();
  const list: Agency[] = [];
  for (let i = 0; i < n; i++) list.push(await newContactAgency(region, 'department', `测试县第${i + 1}局`));
  await openFor(YEAR, list);
  return list;
}

const addressesOf = (list: readonly Agency[]) => list.flatMap((a) => a.emails);

/** The SES mailer, but the first `failures` sends throw as SES would when throttled. */
function failingFirst(failures: number): Mailer {
  const ses = reminderDeps().mailer;
  let left = failures;
  return {
    send(mail: OutgoingEmail) {
      if (left-- > 0) return Promise.reject(new Error('Throttling: Maximum sending rate exceeded.'));
      return ses.send(mail);
    },
  };
}

describe('exactly once', () => {
  beforeAll(async () => {
    await reminderStore().markYearOpened(YEAR, { openedAt: new Date().toISOString(), test: true });
  });

  it('a second run on the same day sends nothing more', async () => {
    const list = await agencies(3);
    const first = await runReminderPass(reminderDeps(), { date: BEFORE_7 });
    const second = await runReminderPass(reminderDeps(), { date: BEFORE_7 });
    const mine = (lines: typeof first.mails) => lines.filter((l) => list.some((a) => a.id === l.agencyId));
    expect(mine(first.mails)).toHaveLength(3);
    expect(mine(second.mails)).toHaveLength(0);
    expect(second.alreadyClaimed).toBeGreaterThanOrEqual(3);
    const stored = await mailTo(...addressesOf(list));
    expect(stored).toHaveLength(3);
    for (const a of list) expect(stored.filter((m) => m.destination.to.includes(a.emails[0]!))).toHaveLength(1);
  });

  it("puts each agency's last sent reminder on the reviewers' board (one index query), none where nothing was sent", async () => {
    const list = await agencies(2);
    const region = list[0]!.region;
    const quiet = await newContactAgency(region, 'department', '测试县未提醒局', 0);
    const before = new Date().toISOString();
    await runReminderPass(reminderDeps(), { date: BEFORE_7 });
    const after = new Date().toISOString();
    const board = await api(`/api/regions/${region}/board?year=${YEAR}`, { token: await reviewerToken(region) });
    expect(board.status).toBe(200);
    const rows = new Map((board.body.rows as { agencyId: string; lastReminderAt: string | null }[]).map((r) => [r.agencyId, r.lastReminderAt]));
    for (const a of list) {
      const at = rows.get(a.id);
      expect(at, a.name).toBeTypeOf('string');
      expect(at! >= before && at! <= after, `${at} within the pass`).toBe(true);
    }
    // Not owing the year (never opened for it): no reminder, nothing listed.
    expect(rows.get(quiet.id)).toBeNull();
  });

  it('two runs at once (a double scheduler fire) send each reminder once', async () => {
    const list = await agencies(6);
    // Separate deps: two Lambda containers, not one process.
    await Promise.all([
      runReminderPass(reminderDeps(), { date: BEFORE_7, runId: 'run-a' }),
      runReminderPass(reminderDeps(), { date: BEFORE_7, runId: 'run-b' }),
      runReminderPass(reminderDeps(), { date: BEFORE_7, runId: 'run-c' }),
    ]);
    const stored = await mailTo(...addressesOf(list));
    expect(stored).toHaveLength(6);
    expect(new Set(stored.map((m) => m.destination.to[0]))).toEqual(new Set(list.map((a) => a.emails[0])));
  });

  it('a send that fails is retried by the next run (the next day makes it up), and then only once', async () => {
    const list = await agencies(1);
    const failed = await runReminderPass(reminderDeps({}, failingFirst(1_000)), { date: BEFORE_7 });
    expect(failed.mails.filter((l) => l.agencyId === list[0]!.id)).toMatchObject([{ outcome: 'failed', step: 'before-7' }]);
    expect(await mailTo(...addressesOf(list))).toHaveLength(0);

    // The next day has no step of its own; it makes up yesterday's unsent one.
    const next = await runReminderPass(reminderDeps(), { date: '2043-01-25' });
    expect(next.mails.filter((l) => l.agencyId === list[0]!.id)).toMatchObject([{ outcome: 'sent', step: 'before-7' }]);
    await runReminderPass(reminderDeps(), { date: '2043-01-26' });
    const stored = await mailTo(...addressesOf(list));
    expect(stored).toHaveLength(1);
    expect(stored[0]!.subject).toContain('距截止还有 6 天');
  });

  it('a claim left pending by a run that died is taken over once its lease is past, not before', async () => {
    const list = await agencies(1);
    const agency = list[0]!;
    const store = reminderStore();
    const id = { kind: 'reminder' as const, agencyId: agency.id, region: agency.region, year: YEAR, step: 'before-7' };
    const claimed = (minutesAgo: number) =>
      store.claim({ id, owner: 'dead-run', at: new Date(Date.now() - minutesAgo * 60_000).toISOString(), staleBefore: new Date(0).toISOString() });
    expect(await claimed(1)).toEqual({ kind: 'claimed' });
    await runReminderPass(reminderDeps(), { date: BEFORE_7 });
    expect(await mailTo(...agency.emails)).toHaveLength(0);

    // The same claim, but from an hour ago: the run is surely gone.
    await store.settle(id, 'dead-run', 'failed');
    expect(await claimed(60)).toEqual({ kind: 'claimed' });
    await runReminderPass(reminderDeps(), { date: BEFORE_7 });
    expect(await mailTo(...agency.emails)).toHaveLength(1);
    expect(await store.peekClaim(id)).toBe('sent');
  });

  it('a dry run reports what it would send and claims nothing', async () => {
    const list = await agencies(2);
    const dry = await runReminderPass(reminderDeps(), { date: BEFORE_7, dryRun: true });
    const mine = dry.mails.filter((l) => list.some((a) => a.id === l.agencyId));
    expect(mine.map((l) => l.outcome)).toEqual(['would-send', 'would-send']);
    expect(await mailTo(...addressesOf(list))).toHaveLength(0);
    const real = await runReminderPass(reminderDeps(), { date: BEFORE_7 });
    expect(real.mails.filter((l) => list.some((a) => a.id === l.agencyId))).toHaveLength(2);
  });
});
