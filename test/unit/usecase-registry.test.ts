import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { consistentReportArbitrary } from '../support/consistent-report.js';
import { submitFiling } from '../../functions/services/filings.js';
import type { Agency } from '../../functions/domain/agency.js';
import type { Report } from '../../functions/domain/report.js';
import { memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';
import { withCheckCharacter } from '../../functions/domain/credit-code.js';
import { AgencyInput } from '../../functions/contract/registry.js';
import {
  addColleague,
  endAgencySessions,
  getRegistry,
  importAgencyCsv,
  removeColleague,
  saveAgency,
  setAgencyActive,
} from '../../functions/services/registry.js';
import { requestCode, verifyCode } from '../../functions/services/sign-in.js';
import { importAgencies } from '../../functions/services/import-agencies.js';
import { authenticate } from '../../functions/services/tokens.js';
import { getBoard, regionRollup } from '../../functions/services/review.js';
import { runReminderPass } from '../../functions/services/remind.js';
import { openReportingYear } from '../../functions/services/reporting-years.js';
import { ForbiddenError, InputError, NotFoundError, StateConflictError } from '../../functions/services/errors.js';

const IP = '198.51.100.9';
const code = (region: string, n: number) => withCheckCharacter(`11${region}MB${String(n).padStart(7, "0")}`);

async function signIn(world: MemoryWorld, email: string, role: 'filer' | 'reviewer' = 'filer'): Promise<string> {
  await requestCode(world.deps.signIn, { email, role }, IP);
  const mail = world.mailer.to(email).at(-1);
  expect(mail, `no code mailed to ${email}`).toBeDefined();
  const answer = await verifyCode(world.deps.signIn, { email, role, code: /验证码是 (\d{6})/.exec(mail!.text)![1]! }, IP);
  if (answer.kind !== 'session') throw new Error('expected a session');
  return `Bearer ${answer.token}`;
}

const input = (region: string, n: number, fields: Partial<AgencyInput> = {}): AgencyInput => ({
  id: code(region, n),
  name: `测试单位${n}`,
  region,
  kind: 'department',
  emails: [`unit${n}@example.org`],
  ...fields,
});

describe('the registry in the review page', () => {
  it('a reviewer registers an agency of their region, which then signs in by code; the registry shows when', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330100');
    const saved = await saveAgency(world.deps.registry, reviewer, '330100', input('330102', 1));
    expect(saved).toMatchObject({ id: code('330102', 1), active: true, lastSignInAt: null });
    // A region inside the reviewer's: listed there, not in the reviewer's own region.
    expect((await getRegistry(world.deps.registry, reviewer, '330100')).agencies).toEqual([]);
    expect((await getRegistry(world.deps.registry, reviewer, '330102')).agencies.map((a) => a.id)).toEqual([saved.id]);

    await signIn(world, 'unit1@example.org');
    const [row] = (await getRegistry(world.deps.registry, reviewer, '330102')).agencies;
    expect(row!.lastSignInAt).toBe(world.clock().toISOString());
    const events = (await world.stores.filings.listEvents(saved.id)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['agency.saved', 'session.started']));
  });

  it('never lets a reviewer touch a region outside theirs, nor a filer the registry', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330102');
    const other = await world.addAgency('330106');
    await expect(getRegistry(world.deps.registry, reviewer, '330106')).rejects.toThrow(ForbiddenError);
    // The path region is the reviewer's, the agency's region is not: refused.
    await expect(saveAgency(world.deps.registry, reviewer, '330102', input('330106', 2))).rejects.toThrow('不在区域 330102 内');
    // An agency of another region cannot be taken over by registering its code again.
    await expect(saveAgency(world.deps.registry, reviewer, '330102', { ...input('330102', 3), id: other.id })).rejects.toThrow(StateConflictError);
    await expect(setAgencyActive(world.deps.registry, reviewer, '330102', other.id, false)).rejects.toThrow(NotFoundError);
    await expect(endAgencySessions(world.deps.registry, reviewer, '330102', other.id)).rejects.toThrow(NotFoundError);
    await expect(addColleague(world.deps.registry, reviewer, '330100', 'boss@example.org')).rejects.toThrow(ForbiddenError);
    await expect(getRegistry(world.deps.registry, world.filer(other), '330106')).rejects.toThrow(ForbiddenError);
    expect(world.tables.agencies.get(other.id)?.deactivatedAt).toBeUndefined();
  });

  it('checks the 统一社会信用代码 and its check character before anything is written', () => {
    const good = code('330102', 4);
    const wrongCheck = good.slice(0, 17) + (good[17] === '0' ? '1' : '0');
    expect(AgencyInput.safeParse(input('330102', 4)).success).toBe(true);
    const bad = AgencyInput.safeParse({ ...input('330102', 4), id: wrongCheck });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toContain('校验位错误');
    expect(AgencyInput.safeParse({ ...input('330102', 4), id: good.toLowerCase() }).data?.id).toBe(good);
  });

  it('removing an address ends its sessions only; editing keeps the code fixed', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330102');
    await saveAgency(world.deps.registry, reviewer, '330102', input('330102', 5, { emails: ['a@example.org', 'b@example.org'] }));
    const a = await signIn(world, 'a@example.org');
    const b = await signIn(world, 'b@example.org');
    await saveAgency(world.deps.registry, reviewer, '330102', input('330102', 5, { emails: ['b@example.org'] }), code('330102', 5));
    await expect(authenticate(world.stores.filings, world.clock, a)).rejects.toThrow('撤销');
    await expect(authenticate(world.stores.filings, world.clock, b)).resolves.toMatchObject({ agencyId: code('330102', 5) });
    // The removed address no longer gets a code.
    const before = world.mailer.to('a@example.org').length;
    await requestCode(world.deps.signIn, { email: 'a@example.org', role: 'filer' }, IP);
    expect(world.mailer.to('a@example.org')).toHaveLength(before);
    await expect(saveAgency(world.deps.registry, reviewer, '330102', input('330102', 6), code('330102', 5))).rejects.toThrow('不能修改');
  });

  it('the CLI import that drops an address ends its sessions too', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency('330102', 'department', { emails: ['old@example.org', 'kept@example.org'] });
    const old = await signIn(world, 'old@example.org');
    const kept = await signIn(world, 'kept@example.org');
    const csv = `id,name,region,kind,emails\n${agency.id},${agency.name},330102,department,kept@example.org`;
    expect(await importAgencies(world.stores.filings, csv, undefined, undefined, world.clock)).toEqual({ imported: 1, problems: [] });
    await expect(authenticate(world.stores.filings, world.clock, old)).rejects.toThrow('撤销');
    await expect(authenticate(world.stores.filings, world.clock, kept)).resolves.toMatchObject({ agencyId: agency.id });
  });

  it('a reviewer ends every session of an agency of their region', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330100');
    const agency = await world.addAgency('330102', 'department', { emails: ['clerk@example.org'] });
    const session = await signIn(world, 'clerk@example.org');
    expect(await endAgencySessions(world.deps.registry, reviewer, '330100', agency.id)).toEqual({ ended: 1 });
    await expect(authenticate(world.stores.filings, world.clock, session)).rejects.toThrow('撤销');
  });

  it('adds and removes colleague reviewers of the region or one inside it; a removed one is signed out', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330100');
    expect(await addColleague(world.deps.registry, reviewer, '330102', 'Colleague@Example.org'.toLowerCase())).toEqual({ reviewers: ['colleague@example.org'] });
    const session = await signIn(world, 'colleague@example.org', 'reviewer');
    await expect(authenticate(world.stores.filings, world.clock, session)).resolves.toMatchObject({ role: 'reviewer', region: '330102' });
    const removed = await removeColleague(world.deps.registry, reviewer, '330102', 'colleague@example.org');
    expect(removed).toEqual({ reviewers: [], ended: 1 });
    await expect(authenticate(world.stores.filings, world.clock, session)).rejects.toThrow('撤销');
    await expect(removeColleague(world.deps.registry, reviewer, '330102', 'colleague@example.org')).rejects.toThrow(NotFoundError);
  });
});

describe('the registry CSV upload', () => {
  const header = 'id,name,region,kind,emails';
  const line = (region: string, n: number, email = `csv${n}@example.org`) => `${code(region, n)},单位${n},${region},department,${email}`;

  it('writes nothing when one line is bad, and names the line', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330102');
    const bad = code('330102', 8).slice(0, 17) + (code('330102', 8)[17] === '0' ? '1' : '0');
    const csv = [header, line('330102', 7), `${bad},单位8,330102,department,x@example.org`, line('330102', 9)].join('\n');
    const error = await importAgencyCsv(world.deps.registry, reviewer, '330102', csv).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).issues).toEqual([{ path: '第3行', message: expect.stringContaining('校验位错误') }]);
    expect(world.tables.agencies.size).toBe(0);
    // A row of a region outside the path's is a line error too.
    const outside = [header, line('330102', 7), line('330106', 10)].join('\n');
    await expect(importAgencyCsv(world.deps.registry, reviewer, '330102', outside)).rejects.toMatchObject({ issues: [{ path: '第3行' }] });
    expect(world.tables.agencies.size).toBe(0);
  });

  it('writes every line of a good file at once; a refused write leaves nothing; unchanged rows are not rewritten', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330100');
    const csv = [header, line('330102', 11), line('330106', 12)].join('\n');
    world.stores.registry.failNextWrite = true;
    await expect(importAgencyCsv(world.deps.registry, reviewer, '330100', csv)).rejects.toThrow('TransactionCanceled');
    expect(world.tables.agencies.size).toBe(0);
    expect(await importAgencyCsv(world.deps.registry, reviewer, '330100', csv)).toEqual({ written: 2, unchanged: 0 });
    expect(await importAgencyCsv(world.deps.registry, reviewer, '330100', `${csv}\n${line('330102', 13)}`)).toEqual({ written: 1, unchanged: 2 });
    expect(world.tables.agencies.size).toBe(3);
    // An agency of another region in the file: refused by line, nothing written.
    const foreign = await world.addAgency('330200');
    const takeOver = [header, line('330102', 14), `${foreign.id},改名,330102,department,`].join('\n');
    await expect(importAgencyCsv(world.deps.registry, reviewer, '330100', takeOver)).rejects.toMatchObject({ issues: [{ path: '第3行' }] });
    expect(world.tables.agencies.has(code('330102', 14))).toBe(false);
  });

  it('refuses up front a file that needs more than one transaction holds', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330102');
    const lines = Array.from({ length: 60 }, (_, i) => line('330102', 100 + i));
    await expect(importAgencyCsv(world.deps.registry, reviewer, '330102', [header, ...lines].join('\n'))).rejects.toThrow('超过一次写入的上限 100 项');
    expect(world.tables.agencies.size).toBe(0);
  });
});

/** One report that passes every rule, under the agency's name. */
function passingReport(agency: Agency, year: number): Report {
  const [report] = fc.sample(consistentReportArbitrary('2021'), { seed: 7, numRuns: 1 });
  return { ...report!, agencyName: agency.name, year };
}

describe('a deactivated agency', () => {
  it('keeps its published report (the region page still links it) and its filed year on the board and in the roll-up', async () => {
    const world = memoryWorld();
    const reviewer = world.reviewer('330102');
    const gone = await world.addAgency('330102');
    const other = await world.addAgency('330102');
    await submitFiling(world.deps.filing, world.filer(gone), { year: 2023, report: passingReport(gone, 2023) });
    await world.drain();
    await setAgencyActive(world.deps.registry, reviewer, '330102', gone.id, false);
    await submitFiling(world.deps.filing, world.filer(other), { year: 2023, report: passingReport(other, 2023) });
    await world.drain();
    expect(world.bucket.objects.has(`330102/2023/${gone.id}/index.html`)).toBe(true);
    const index = world.bucket.body('330102/2023/index.html')!;
    expect(index).toContain(`/330102/2023/${gone.id}/`);
    expect(index).toContain(`/330102/2023/${other.id}/`);

    // It owed 2023 and filed: still on that year's board and in its roll-up; 2024 it owes nothing.
    const board2023 = await getBoard(world.deps.review, reviewer, '330102', 2023);
    expect(board2023.rows.find((r) => r.agencyId === gone.id)).toMatchObject({ status: 'published', deactivated: true, overdue: false });
    expect(board2023.counts.total).toBe(2);
    const rollup = await regionRollup(world.deps.review, reviewer, '330102', 2023);
    expect(rollup.coverage.agencies.map((a) => a.agencyId).sort()).toEqual([gone.id, other.id].sort());
    expect(rollup.coverage.missing).toEqual([]);
    const board2024 = await getBoard(world.deps.review, reviewer, '330102', 2024);
    expect(board2024.rows.map((r) => r.agencyId)).toEqual([other.id]);
  });


  it('owes no report: off the board and the roll-up, no reminder, no sign-in; reactivated, it owes again', async () => {
    const world = memoryWorld({ now: '2025-02-10T02:00:00Z' });
    const reviewer = world.reviewer('330102');
    const active = await world.addAgency('330102', 'department', { emails: ['active@example.org'] });
    const gone = await world.addAgency('330102', 'department', { emails: ['gone@example.org'] });
    const session = await signIn(world, 'gone@example.org');
    // The year is open before the deactivation: the agency's not_started filing is outstanding.
    await openReportingYear(world.stores.reminders, world.policy, 2024, world.clock().toISOString());
    expect((await world.stores.reminders.listOutstanding(2024)).map((f) => f.agencyId)).toContain(gone.id);

    const before = await getBoard(world.deps.review, reviewer, '330102', 2024);
    expect(before.counts.total).toBe(2);
    expect(before.counts.overdue).toBe(2);

    await setAgencyActive(world.deps.registry, reviewer, '330102', gone.id, false);
    await expect(authenticate(world.stores.filings, world.clock, session)).rejects.toThrow('撤销');
    const board = await getBoard(world.deps.review, reviewer, '330102', 2024);
    expect(board.rows.map((r) => r.agencyId)).toEqual([active.id]);
    expect(board.counts).toMatchObject({ total: 1, overdue: 1, not_started: 1 });
    const rollup = await regionRollup(world.deps.review, reviewer, '330102', 2024);
    expect(rollup.coverage.missing.map((m) => m.agencyId)).toEqual([active.id]);

    const pass = await runReminderPass(world.deps.remind, { date: '2025-02-10' });
    const reminded = pass.mails.filter((m) => m.kind === 'reminder').map((m) => m.agencyId);
    expect(reminded).toContain(active.id);
    expect(reminded).not.toContain(gone.id);

    const mails = world.mailer.to('gone@example.org').length;
    await requestCode(world.deps.signIn, { email: 'gone@example.org', role: 'filer' }, IP);
    expect(world.mailer.to('gone@example.org')).toHaveLength(mails);

    // Reactivated, it owes again and can sign in.
    await setAgencyActive(world.deps.registry, reviewer, '330102', gone.id, true);
    expect((await getBoard(world.deps.review, reviewer, '330102', 2024)).counts.total).toBe(2);
    await signIn(world, 'gone@example.org');
    const registry = await getRegistry(world.deps.registry, reviewer, '330102');
    expect(registry.agencies.every((a) => a.active)).toBe(true);
  });
});

describe('the code request', () => {
  it('answers a registered and an unregistered address after the same fixed delay, even while SES is slow', async () => {
    const world = memoryWorld();
    await world.addAgency('330102', 'department', { emails: ['slow@example.org'] });
    // SES hangs until released: the answer must not wait for it.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const send = world.mailer.send.bind(world.mailer);
    world.mailer.send = async (mail) => {
      await gate;
      return send(mail);
    };
    const deps = { ...world.deps.signIn, config: { ...world.deps.signIn.config, codeAnswerMs: 60 } };
    const timed = async (email: string) => {
      const t = performance.now();
      const answer = await requestCode(deps, { email, role: 'filer' }, IP);
      return { answer, ms: performance.now() - t };
    };
    const registered = await timed('slow@example.org');
    const unknown = await timed('nobody@example.org');
    expect(registered.answer).toEqual(unknown.answer);
    // Neither answers before the fixed delay (the unregistered path has nothing to wait for).
    expect(unknown.ms).toBeGreaterThanOrEqual(55);
    expect(registered.ms).toBeGreaterThanOrEqual(55);
    // The registered one answered with its mail still on its way; it goes out after.
    expect(world.mailer.to('slow@example.org')).toHaveLength(0);
    release();
    await new Promise((r) => setTimeout(r, 20));
    expect(world.mailer.to('slow@example.org')).toHaveLength(1);
  });
});
