/**
 * The schedule, walked day by day against DynamoDB Local and the SES emulator: the right people
 * on the right days, digests to the reviewers from 7 days overdue, nothing after submission.
 * Reporting year 2041 is this file's alone (each reminder test file has its own year).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../functions/domain/reminders/calendar.js';
import { runReminderPass, type MailLine } from '../../functions/services/remind.js';
import type { Agency } from '../../functions/domain/agency.js';
import { api, filerToken, newRegion, reportFor } from './helpers.js';
import { decodedMime, mailTo, newAddress, newContactAgency, openFor, reminderDeps, reminderStore } from './remind-helpers.js';

const YEAR = 2041;

describe('reminder schedule across the season', () => {
  const region = newRegion();
  const reviewers = [newAddress('reviewer1'), newAddress('reviewer2')];
  let township: Agency;
  let office: Agency;
  const days = new Map<string, MailLine[]>();

  beforeAll(async () => {
    township = await newContactAgency(region, 'township', '测试镇人民政府');
    office = await newContactAgency(region, 'government-office', '测试县人民政府办公室', 1);
    await reminderStore().putRegionContacts({ region, name: '测试县', reviewers });
    // The year is open (no registry scan); these two were opened as they registered.
    await reminderStore().markYearOpened(YEAR, { openedAt: new Date().toISOString(), test: true });
    await openFor(YEAR, [township, office]);

    const deps = reminderDeps();
    const mine = new Set([township.id, office.id]);
    for (let date = '2042-01-10'; date <= '2042-05-25'; date = addDays(date, 1)) {
      if (date === '2042-02-10') {
        const submitted = await api(`/api/filings/${YEAR}/submit`, { method: 'POST', token: await filerToken(township), body: reportFor(township, YEAR) });
        expect(submitted.status).toBe(201);
      }
      const summary = await runReminderPass(deps, { date });
      const lines = summary.mails.filter((m) => (m.agencyId ? mine.has(m.agencyId) : m.region === region));
      if (lines.length) days.set(date, lines);
    }
  }, 180_000);

  const datesOf = (pick: (m: MailLine) => boolean) => [...days].filter(([, lines]) => lines.some(pick)).map(([d]) => d);
  const every = (from: string, step: number, until: string) => {
    const out: string[] = [];
    for (let d = from; d <= until; d = addDays(d, step)) out.push(d);
    return out;
  };

  it('reminds the township 14, 7, 3, 1 days before 31 January, on the day, then every 3 days until it submits', () => {
    expect(datesOf((m) => m.agencyId === township.id)).toEqual([
      '2042-01-17', '2042-01-24', '2042-01-28', '2042-01-30', '2042-01-31',
      '2042-02-03', '2042-02-06', '2042-02-09',
    ]);
  });

  it("reminds the county's own office against 20 February, every 3 days until 90 days overdue", () => {
    expect(datesOf((m) => m.agencyId === office.id)).toEqual([
      '2042-02-06', '2042-02-13', '2042-02-17', '2042-02-19', '2042-02-20',
      ...every('2042-02-23', 3, '2042-05-21'),
    ]);
  });

  it('sends the reviewers a digest from 7 days overdue, weekly, while anyone is overdue', () => {
    // 7 February: the township is 7 days late. It submits on the 10th; from 27 February the
    // office (due the 20th) is 7 days late.
    expect(datesOf((m) => m.kind === 'digest')).toEqual(['2042-02-07', ...every('2042-02-27', 7, '2042-05-21')]);
  });

  it('sends each e-mail to exactly the right people, and the emulator holds exactly those', async () => {
    const lines = [...days.values()].flat();
    for (const line of lines) {
      const expected = line.kind === 'digest' ? reviewers : line.agencyId === township.id ? township.emails : office.emails;
      expect(new Set(line.to)).toEqual(new Set(expected));
      expect(line.outcome).toBe('sent');
    }
    const stored = await mailTo(...reviewers, ...township.emails, ...office.emails);
    expect(stored.map((m) => m.subject).sort()).toEqual(lines.map((l) => l.subject).sort());
  });

  it('writes Chinese subject and body that survive the trip through the emulator', async () => {
    const [first] = await mailTo(township.emails[0]!);
    expect(first?.subject).toBe(`【提醒】测试镇人民政府${YEAR}年度政府信息公开工作年度报告距截止还有 14 天`);
    const decoded = await decodedMime(first!.messageId);
    expect(decoded.subject).toBe(first!.subject);
    expect(decoded.text).toContain('贵单位2041年度政府信息公开工作年度报告应于2042年1月31日前提交');
    expect(decoded.html).toContain('<a href=');
    expect(decoded.html).toContain('登录填报');
  });
});
