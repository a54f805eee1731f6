/**
 * The daily reminder pass (functions/services/remind.ts) on the in-memory ports, with the
 * world's clock as the day it runs: one reminder per step, none on a second pass the same day,
 * a failed send made up by the next pass, a dead run's claim taken over after its lease, the
 * reviewers' digest. test/integration/remind-*.test.ts run these against DynamoDB Local and
 * the SES emulator.
 */
import { describe, expect, it } from 'vitest';
import { runReminderPass } from '../../functions/services/remind.js';
import { submitFiling } from '../../functions/services/filings.js';
import { getBoard } from '../../functions/services/review.js';
import { markUndeliverable } from '../../functions/services/notify.js';
import { cleanReport } from '../support/consistent-report.js';
import { memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';
import type { Agency } from '../../functions/domain/agency.js';

const YEAR = 2024;
const REGION = '411325';
/** 10:00 in Shanghai, 7 days before the 31 January 2025 deadline */
const BEFORE_7 = '2025-01-24T02:00:00.000Z';
const day = (date: string) => `${date}T02:00:00.000Z`;

async function setup(n: number, now = BEFORE_7) {
  const world = memoryWorld({ now });
  const agencies: Agency[] = [];
  for (let i = 0; i < n; i++) agencies.push(await world.addAgency(REGION, 'department', { emails: [`filer${i + 1}@example.org`, `deputy${i + 1}@example.org`] }));
  return { world, agencies };
}

async function passOn(world: MemoryWorld, iso: string) {
  world.time.set(iso);
  return runReminderPass(world.deps.remind);
}

describe('reminders', () => {
  it('opens the year, then sends each outstanding agency one reminder per step; a second pass the same day sends nothing', async () => {
    const { world, agencies } = await setup(3);
    const submitted = await world.addAgency(REGION);
    await submitFiling(world.deps.filing, world.filer(submitted), { year: YEAR, report: cleanReport('2021', submitted.name, YEAR) });

    const first = await runReminderPass(world.deps.remind);
    expect(first.opened).toEqual([{ year: YEAR, agencies: 4, filings: 3 }]);
    expect(first.mails.map((m) => [m.agencyId, m.step, m.outcome])).toEqual(
      expect.arrayContaining(agencies.map((a) => [a.id, 'before-7', 'sent'])),
    );
    expect(first.mails).toHaveLength(3);
    expect(world.mailer.sent).toHaveLength(3);
    for (const a of agencies) {
      const [mail, ...more] = world.mailer.to(a.emails[0]!);
      expect(more).toEqual([]);
      expect(new Set(mail!.to)).toEqual(new Set(a.emails));
      expect(mail!.subject).toContain('距截止还有 7 天');
      expect(mail!.tags).toEqual({ agency: a.id, region: REGION, kind: 'reminder' });
    }
    expect(world.mailer.to(submitted.emails[0]!)).toEqual([]);

    world.time.advance(3_600_000);
    const second = await runReminderPass(world.deps.remind);
    expect(second.mails).toEqual([]);
    expect(second.alreadyClaimed).toBe(3);
    expect(second.opened).toEqual([]);
    expect(world.mailer.sent).toHaveLength(3);

    // The next step (3 days before) is a new reminder for each.
    const third = await passOn(world, day('2025-01-28'));
    expect(third.mails.map((m) => m.step)).toEqual(['before-3', 'before-3', 'before-3']);
    expect(world.mailer.sent).toHaveLength(6);
  });

  it("puts each agency's last sent reminder on the reviewers' board", async () => {
    const { world, agencies } = await setup(2);
    const quiet = await world.addAgency(REGION, 'department', { emails: [] });
    await runReminderPass(world.deps.remind);
    const board = await getBoard(world.deps.review, world.reviewer(REGION), REGION, YEAR);
    const rows = new Map(board.rows.map((r) => [r.agencyId, r.lastReminderAt]));
    for (const a of agencies) expect(rows.get(a.id)).toBe(BEFORE_7);
    expect(rows.get(quiet.id)).toBeNull();
  });

  it('a send that fails is made up by the next pass, and then only once', async () => {
    const { world, agencies } = await setup(1);
    world.mailer.failNext(1);
    const failed = await runReminderPass(world.deps.remind);
    expect(failed.mails).toMatchObject([{ outcome: 'failed', step: 'before-7', error: expect.stringMatching(/Throttling/) }]);
    expect(world.mailer.sent).toEqual([]);

    // The next day has no step of its own; it makes up yesterday's unsent one.
    const next = await passOn(world, day('2025-01-25'));
    expect(next.mails).toMatchObject([{ outcome: 'sent', step: 'before-7', agencyId: agencies[0]!.id }]);
    await passOn(world, day('2025-01-26'));
    expect(world.mailer.sent).toHaveLength(1);
    expect(world.mailer.sent[0]!.subject).toContain('距截止还有 6 天');
  });

  it("a claim left pending by a run that died is taken over once its lease is past, not before", async () => {
    const { world, agencies } = await setup(1);
    const agency = agencies[0]!;
    const id = { kind: 'reminder' as const, agencyId: agency.id, region: REGION, year: YEAR, step: 'before-7' };
    const claim = (minutesAgo: number) =>
      world.stores.reminders.claim({ id, owner: 'dead-run', at: new Date(world.clock().getTime() - minutesAgo * 60_000).toISOString(), staleBefore: new Date(0).toISOString() });
    expect(await claim(1)).toEqual({ kind: 'claimed' });
    expect((await runReminderPass(world.deps.remind)).alreadyClaimed).toBe(1);
    expect(world.mailer.sent).toEqual([]);

    await world.stores.reminders.settle(id, 'dead-run', 'failed');
    expect(await claim(60)).toEqual({ kind: 'claimed' });
    await runReminderPass(world.deps.remind);
    expect(world.mailer.sent).toHaveLength(1);
    expect(await world.stores.reminders.peekClaim(id)).toBe('sent');
  });

  it('a dry run reports what it would send and claims, opens and sends nothing', async () => {
    const { world } = await setup(2);
    await world.stores.reminders.markYearOpened(YEAR, { test: true });
    for (const a of world.tables.agencies.values()) await world.stores.reminders.openFiling(a, YEAR, world.time.iso());
    const dry = await runReminderPass(world.deps.remind, { dryRun: true });
    expect(dry.mails.map((m) => m.outcome)).toEqual(['would-send', 'would-send']);
    expect(world.mailer.attempts).toBe(0);
    expect(world.tables.claims.size).toBe(0);
    expect((await runReminderPass(world.deps.remind)).mails).toHaveLength(2);
  });

  it('never mails an address marked undeliverable', async () => {
    const { world, agencies } = await setup(1);
    const [bounced, kept] = agencies[0]!.emails as [string, string];
    expect(await markUndeliverable(world.deps.notify, { address: bounced.toUpperCase(), reason: 'bounce' })).toBe('marked');
    await runReminderPass(world.deps.remind);
    expect(world.mailer.sent.map((m) => m.to)).toEqual([[kept]]);
  });
});

describe("the reviewers' digest", () => {
  it('lists the overdue agencies and failed attempts from 7 days overdue, once per digest day', async () => {
    const { world, agencies } = await setup(2, day('2025-02-03'));
    await world.stores.reminders.putRegionContacts({ region: REGION, name: '测试县', reviewers: ['reviewer@example.org'] });
    const bad = cleanReport('2021', agencies[1]!.name, YEAR);
    bad.sections.appeals.review!.total = 9;
    await expect(submitFiling(world.deps.filing, world.filer(agencies[1]!), { year: YEAR, report: bad })).rejects.toThrow(/错误/);
    await world.deliver(); // the notifier records the failed-check window

    await runReminderPass(world.deps.remind);
    expect(world.mailer.to('reviewer@example.org')).toEqual([]);

    await passOn(world, day('2025-02-07'));
    await passOn(world, day('2025-02-07'));
    const [digest, ...more] = world.mailer.to('reviewer@example.org');
    expect(more).toEqual([]);
    expect(digest!.subject).toBe(`【逾期汇总】测试县 ${YEAR}年度报告：2 个单位逾期未提交`);
    expect(digest!.text).toContain(`- ${agencies[0]!.name}（未开始）`);
    expect(digest!.text).toContain(`- ${agencies[1]!.name}：最近一次提交有 1 处错误（2025-02-03 10:00）`);
    expect(digest!.text).toContain(`/review/#region=${REGION}&year=${YEAR}`);

    await passOn(world, day('2025-02-10'));
    expect(world.mailer.to('reviewer@example.org')).toHaveLength(1);
    await passOn(world, day('2025-02-14'));
    expect(world.mailer.to('reviewer@example.org')).toHaveLength(2);
  });
});
