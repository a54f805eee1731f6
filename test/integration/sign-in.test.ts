/**
 * E-mail code sign-in through the API against DynamoDB Local and the SES emulator. Every request
 * here comes from 127.0.0.1, so the file stays under the per-client limit (30 in 10 minutes).
 */
import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DynamoDbSignInStore } from '../../functions/adapters/dynamodb-sign-in-store.js';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { api, newAgency, newRegion, store, testConfig } from './helpers.js';
import { codeMailsTo, mailTo } from './remind-helpers.js';

const unique = () => `${Date.now().toString(36)}${randomInt(0, 1e6)}`;

async function registeredAgency(): Promise<{ email: string; agencyId: string }> {
  const email = `clerk-${unique()}@example.org`;
  const agency = await newAgency(newRegion());
  await store().putAgency({ ...agency, emails: [email.toUpperCase()] });
  return { email, agencyId: agency.id };
}

/** The newest code mailed to the address; the mail may follow the answer (a slow SES), so wait for it. */
async function mailedCode(email: string): Promise<string> {
  await expect.poll(async () => (await codeMailsTo(email)).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
  const mail = (await codeMailsTo(email)).at(-1);
  expect(mail, `no mail to ${email}`).toBeDefined();
  return /验证码是 (\d{6})/.exec(mail!.body.text ?? '')![1]!;
}

describe('e-mail code sign-in (API, DynamoDB Local, SES emulator)', () => {
  it('answers registered and unregistered addresses the same, mailing only the registered', async () => {
    const { email } = await registeredAgency();
    const stranger = `nobody-${unique()}@example.org`;
    const a = await api('/api/sign-in/code', { method: 'POST', body: { email, role: 'filer' } });
    const b = await api('/api/sign-in/code', { method: 'POST', body: { email: stranger, role: 'filer' } });
    expect(a.status).toBe(202);
    expect(b.status).toBe(a.status);
    expect(b.body).toEqual(a.body);
    await expect.poll(async () => (await codeMailsTo(email)).length, { timeout: 10_000 }).toBe(1);
    expect(await mailTo(stranger)).toHaveLength(0);
  });

  it('signs in once per code, and the session reads /api/filings/{year} until sign-out', async () => {
    const { email, agencyId } = await registeredAgency();
    await api('/api/sign-in/code', { method: 'POST', body: { email, role: 'filer' } });
    const code = await mailedCode(email);
    const first = await api('/api/sign-in/verify', { method: 'POST', body: { email, role: 'filer', code } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ kind: 'session', role: 'filer', agencyId });
    const again = await api('/api/sign-in/verify', { method: 'POST', body: { email, role: 'filer', code } });
    expect(again.status).toBe(401);

    const filing = await api('/api/filings/2024', { token: first.body.token });
    expect(filing.status).toBe(200);
    expect(filing.body.agency.id).toBe(agencyId);
    expect((await api('/api/sign-out', { method: 'POST', token: first.body.token })).status).toBe(200);
    expect((await api('/api/filings/2024', { token: first.body.token })).status).toBe(401);
    const events = (await store().listEvents(agencyId)).map((e) => e.type);
    expect(events).toEqual(expect.arrayContaining(['session.started', 'session.ended']));
  });

  it('ends a code after 5 wrong tries (the fifth answered 429)', async () => {
    const { email } = await registeredAgency();
    await api('/api/sign-in/code', { method: 'POST', body: { email, role: 'filer' } });
    const code = await mailedCode(email);
    const wrong = code === '000000' ? '111111' : '000000';
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await api('/api/sign-in/verify', { method: 'POST', body: { email, role: 'filer', code: wrong } })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429]);
    expect((await api('/api/sign-in/verify', { method: 'POST', body: { email, role: 'filer', code } })).status).toBe(401);
  });

  it('refuses a flood of codes for one address with 429 and Retry-After', async () => {
    const email = `flood-${unique()}@example.org`;
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof api<any>>> | undefined;
    for (let i = 0; i < 6; i++) {
      last = await api('/api/sign-in/code', { method: 'POST', body: { email, role: 'filer' } });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    const retryAfter = Number(last!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect(last!.body.error.message).toMatch(/过于频繁.*分钟后再试/);
  });

  it('counts a limit in DynamoDB with a conditional update, refusing past the limit', async () => {
    const cfg = testConfig();
    const signIn = new DynamoDbSignInStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE);
    const key = `test#${unique()}`;
    const now = new Date();
    const outcomes = await Promise.all(Array.from({ length: 6 }, () => signIn.hit(key, 4, 600, now)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(4);
    expect(outcomes.filter((o) => !o.allowed)).toHaveLength(2);
  });

  it('forgets an address the agency no longer lists', async () => {
    const { email, agencyId } = await registeredAgency();
    const agency = (await store().getAgency(agencyId))!;
    await store().putAgency({ ...agency, emails: ['other@example.org'] });
    await api('/api/sign-in/code', { method: 'POST', body: { email, role: 'filer' } });
    // A mail may follow the answer: give a wrongly sent one time to arrive before saying none came.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await codeMailsTo(email)).toHaveLength(0);
  });

  it('signs a registered reviewer into their region', async () => {
    const cfg = testConfig();
    const region = newRegion();
    const email = `reviewer-${unique()}@example.org`;
    await new DynamoDbSignInStore(createDocumentClient(cfg), cfg.NIANBAO_TABLE).addReviewer(region, email);
    await api('/api/sign-in/code', { method: 'POST', body: { email, role: 'reviewer' } });
    const answer = await api('/api/sign-in/verify', { method: 'POST', body: { email, role: 'reviewer', code: await mailedCode(email) } });
    expect(answer.body).toMatchObject({ kind: 'session', role: 'reviewer', region });
    expect((await api(`/api/regions/${region}/filings?year=2024`, { token: answer.body.token })).status).toBe(200);
  });
});
