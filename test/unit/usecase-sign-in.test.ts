import { describe, expect, it } from 'vitest';
import { memoryWorld, type MemoryWorld } from '../support/memory/memory-world.js';
import { requestCode, signOut, verifyCode } from '../../functions/services/sign-in.js';
import { authenticate } from '../../functions/services/tokens.js';
import { getFiling } from '../../functions/services/filings.js';
import { TooManyRequestsError, AuthenticationError } from '../../functions/services/errors.js';

const IP = '203.0.113.7';

function codeIn(world: MemoryWorld, email: string): string {
  const mail = world.mailer.to(email).at(-1);
  expect(mail, `no mail to ${email}`).toBeDefined();
  return /验证码是 (\d{6})/.exec(mail!.text)![1]!;
}

describe('e-mail code sign-in', () => {
  it('answers a registered and an unregistered address alike, and mails only the registered one', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency('330102', 'department', { emails: ['Clerk@Example.org'] });
    const registered = await requestCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer' }, IP);
    const unknown = await requestCode(world.deps.signIn, { email: 'nobody@example.org', role: 'filer' }, IP);
    expect(unknown).toEqual(registered);
    expect(world.mailer.to('nobody@example.org')).toHaveLength(0);
    const mail = world.mailer.to('clerk@example.org');
    expect(mail).toHaveLength(1);
    const code = codeIn(world, 'clerk@example.org');
    // The link opens the page with the code filled in; the code is only in the fragment.
    expect(mail[0]!.text).toContain(`/file/#signin=clerk%40example.org&code=${code}`);
    // Only the hash is stored.
    expect(JSON.stringify([...world.stores.signIn.codes.values()])).not.toContain(code);
    // A reviewer's page mails nothing to a filer's address.
    await requestCode(world.deps.signIn, { email: 'clerk@example.org', role: 'reviewer' }, IP);
    expect(world.mailer.to('clerk@example.org')).toHaveLength(1);
    void agency;
  });

  it('opens a session that reads the filing, once per code, and records sign-in and sign-out', async () => {
    const world = memoryWorld();
    const agency = await world.addAgency('330102', 'department', { emails: ['clerk@example.org'] });
    await requestCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer' }, IP);
    const code = codeIn(world, 'clerk@example.org');
    const answer = await verifyCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer', code }, IP);
    expect(answer.kind).toBe('session');
    if (answer.kind !== 'session') return;
    expect(answer.agencyId).toBe(agency.id);
    expect(Date.parse(answer.expiresAt) - world.clock().getTime()).toBe(12 * 3600_000);
    const caller = await authenticate(world.stores.filings, world.clock, `Bearer ${answer.token}`);
    expect(caller).toMatchObject({ role: 'filer', agencyId: agency.id });
    const view = await getFiling(world.deps.filing, caller, 2024);
    expect(view.agency.id).toBe(agency.id);
    await expect(verifyCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer', code }, IP)).rejects.toThrow(AuthenticationError);

    await signOut(world.deps.signIn, caller);
    await expect(authenticate(world.stores.filings, world.clock, `Bearer ${answer.token}`)).rejects.toThrow('撤销');
    const types = (await world.stores.filings.listEvents(agency.id)).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['session.started', 'session.ended']));
  });

  it('ends a code after 5 wrong tries, and a code expires after 10 minutes', async () => {
    const world = memoryWorld();
    await world.addAgency('330102', 'department', { emails: ['clerk@example.org'] });
    await requestCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer' }, IP);
    const code = codeIn(world, 'clerk@example.org');
    const wrong = code === '000000' ? '111111' : '000000';
    const tries: string[] = [];
    for (let i = 0; i < 5; i++) {
      tries.push(await verifyCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer', code: wrong }, IP).then(() => 'ok', (e: Error) => e.constructor.name));
    }
    expect(tries).toEqual(['AuthenticationError', 'AuthenticationError', 'AuthenticationError', 'AuthenticationError', 'TooManyRequestsError']);
    await expect(verifyCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer', code }, IP)).rejects.toThrow(AuthenticationError);

    await requestCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer' }, IP);
    const late = codeIn(world, 'clerk@example.org');
    world.time.advance(10 * 60_000);
    await expect(verifyCode(world.deps.signIn, { email: 'clerk@example.org', role: 'filer', code: late }, IP)).rejects.toThrow(AuthenticationError);
  });

  it('refuses the sixth code an hour for one address, registered or not, with the wait', async () => {
    const world = memoryWorld();
    for (const email of ['clerk@example.org', 'nobody@example.org']) {
      await world.addAgency('330102', 'department', { emails: ['clerk@example.org'] });
      for (let i = 0; i < 5; i++) await requestCode(world.deps.signIn, { email, role: 'filer' }, `198.51.100.${i}`);
      const refused = await requestCode(world.deps.signIn, { email, role: 'filer' }, '198.51.100.9').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TooManyRequestsError);
      expect((refused as TooManyRequestsError).retryAfterSeconds).toBeGreaterThan(0);
      expect((refused as TooManyRequestsError).retryAfterSeconds).toBeLessThanOrEqual(3600);
      expect((refused as Error).message).toMatch(/过于频繁/);
    }
  });

  it('refuses the 31st request in 10 minutes from one client address', async () => {
    const world = memoryWorld();
    for (let i = 0; i < 30; i++) await requestCode(world.deps.signIn, { email: `a${i}@example.org`, role: 'filer' }, IP);
    await expect(requestCode(world.deps.signIn, { email: 'b@example.org', role: 'filer' }, IP)).rejects.toThrow(TooManyRequestsError);
    world.time.advance(10 * 60_000);
    await expect(requestCode(world.deps.signIn, { email: 'b@example.org', role: 'filer' }, IP)).resolves.toBeDefined();
  });

  it('lets an address of several agencies choose one after the code, and signs reviewers into their region', async () => {
    const world = memoryWorld();
    const one = await world.addAgency('330102', 'department', { emails: ['shared@example.org'] });
    const two = await world.addAgency('330103', 'department', { emails: ['shared@example.org'] });
    await requestCode(world.deps.signIn, { email: 'shared@example.org', role: 'filer' }, IP);
    const code = codeIn(world, 'shared@example.org');
    const choose = await verifyCode(world.deps.signIn, { email: 'shared@example.org', role: 'filer', code }, IP);
    expect(choose).toEqual({ kind: 'choose', choices: expect.arrayContaining([{ id: one.id, name: one.name }, { id: two.id, name: two.name }]) });
    const session = await verifyCode(world.deps.signIn, { email: 'shared@example.org', role: 'filer', code, choice: two.id }, IP);
    expect(session).toMatchObject({ kind: 'session', agencyId: two.id, region: '330103' });

    await world.stores.signIn.addReviewer('330100', 'boss@example.org');
    await requestCode(world.deps.signIn, { email: 'boss@example.org', role: 'reviewer' }, IP);
    const reviewer = await verifyCode(world.deps.signIn, { email: 'boss@example.org', role: 'reviewer', code: codeIn(world, 'boss@example.org') }, IP);
    expect(reviewer).toMatchObject({ kind: 'session', role: 'reviewer', region: '330100' });
  });
});

describe('links in reminder and return e-mails', () => {
  it('open the filing sign-in page with the agency address filled in, never a token', async () => {
    const { reminderDepsFor } = await import('../../functions/handlers/compose/mail.js');
    const { readSettings } = await import('../../functions/settings.js');
    const deps = reminderDepsFor(readSettings({ NIANBAO_PUBLIC_URL: 'https://nianbao.example.gov.cn' }), readSettings({}), world().mailer);
    const agency = { id: 'X', name: '某局', region: '330102', kind: 'department' as const, emails: ['Clerk@Example.org'] };
    expect(deps.links.signIn(agency, 2024)).toBe('https://nianbao.example.gov.cn/file/#signin=Clerk%40Example.org');
    expect(deps.formUrl('X', 2024, 'clerk@example.org')).toBe('https://nianbao.example.gov.cn/file/#signin=clerk%40example.org');
  });
});

function world() {
  return memoryWorld();
}
