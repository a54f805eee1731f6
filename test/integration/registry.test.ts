/**
 * The registry routes and stores against DynamoDB Local (and the SES emulator for the one code
 * sign-in): scope, the one-transaction CSV upload, deactivation's sort key, the reviewers' index,
 * and the repair of agencies registered before sign-in existed. Every request comes from
 * 127.0.0.1: this file asks for one code, to stay far under the per-client limit.
 */
import { randomInt } from 'node:crypto';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { DynamoDbRegistryStore } from '../../functions/adapters/dynamodb-registry-store.js';
import { DynamoDbSignInStore } from '../../functions/adapters/dynamodb-sign-in-store.js';
import { KEYS } from '../../functions/adapters/dynamodb-table.js';
import { KEY, part } from '../../functions/adapters/table-keys.js';
import { StateConflictError } from '../../functions/services/errors.js';
import { api, filerToken, newAgency, newCreditCode, newRegion, reviewerToken, store, testConfig } from './helpers.js';
import { codeMailsTo } from './remind-helpers.js';

const unique = () => `${Date.now().toString(36)}${randomInt(0, 1e6)}`;
const db = () => createDocumentClient(testConfig());
const registryStore = () => new DynamoDbRegistryStore(db(), testConfig().NIANBAO_TABLE);
const signInStore = () => new DynamoDbSignInStore(db(), testConfig().NIANBAO_TABLE);

function wrongCheck(code: string): string {
  return code.slice(0, 17) + (code[17] === '0' ? '1' : '0');
}

describe('the registry API (DynamoDB Local)', () => {
  it('a reviewer registers an agency with its address; the agency signs in by code; the registry shows when', async () => {
    const region = newRegion();
    const token = await reviewerToken(region);
    const email = `new-${unique()}@example.org`;
    const id = newCreditCode(region);
    const created = await api(`/api/regions/${region}/agencies`, { method: 'POST', token, body: { id, name: '新登记局', region, kind: 'department', emails: [email] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, active: true, lastSignInAt: null });

    await api('/api/sign-in/code', { method: 'POST', body: { email, role: 'filer' } });
    // The mail may follow the answer (the answer comes at a fixed time, SES may be slower).
    await expect.poll(async () => (await codeMailsTo(email)).length, { timeout: 10_000 }).toBe(1);
    const mail = (await codeMailsTo(email)).at(-1);
    const code = /验证码是 (\d{6})/.exec(mail!.body.text ?? '')![1]!;
    const session = await api('/api/sign-in/verify', { method: 'POST', body: { email, role: 'filer', code } });
    expect(session.body).toMatchObject({ kind: 'session', agencyId: id });

    const registry = await api(`/api/regions/${region}/registry`, { token });
    expect(registry.status).toBe(200);
    expect(registry.body.agencies).toEqual([expect.objectContaining({ id, emails: [email], active: true, lastSignInAt: expect.any(String) })]);

    // Removing the address ends the session opened with it.
    const edited = await api(`/api/regions/${region}/agencies/${id}`, { method: 'PUT', token, body: { id, name: '新登记局', region, kind: 'department', emails: [] } });
    expect(edited.status).toBe(200);
    expect((await api('/api/filings/2024', { token: session.body.token })).status).toBe(401);
  });

  it('refuses another region, a filer, a wrong check character and an oversized body', async () => {
    const region = newRegion();
    const token = await reviewerToken(region);
    const elsewhere = newRegion();
    const outside = await api(`/api/regions/${elsewhere}/registry`, { token });
    expect(outside.status).toBe(403);
    const intoOther = await api(`/api/regions/${region}/agencies`, { method: 'POST', token, body: { id: newCreditCode(elsewhere), name: '外区局', region: elsewhere, kind: 'department', emails: [] } });
    expect(intoOther.status).toBe(400);
    const filer = await filerToken(await newAgency(region));
    expect((await api(`/api/regions/${region}/registry`, { token: filer })).status).toBe(403);
    const bad = await api(`/api/regions/${region}/agencies`, { method: 'POST', token, body: { id: wrongCheck(newCreditCode(region)), name: '错码局', region, kind: 'department', emails: [] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('校验位错误');
    const huge = await api(`/api/regions/${region}/agencies/import`, { method: 'POST', token, body: { csv: 'x'.repeat(300 * 1024) } });
    expect(huge.status).toBe(413);
    const bigAgency = await api(`/api/regions/${region}/agencies`, { method: 'POST', token, body: { id: newCreditCode(region), name: 'x'.repeat(20_000), region, kind: 'department', emails: [] } });
    expect(bigAgency.status).toBe(413);
  });

  it('a CSV with one bad line writes nothing and names the line; a good one is written whole', async () => {
    const region = newRegion();
    const token = await reviewerToken(region);
    const ids = [newCreditCode(region), newCreditCode(region), newCreditCode(region)];
    const header = 'id,name,region,kind,emails';
    const rows = ids.map((id, i) => `${id},导入单位${i},${region},department,csv${i}-${unique()}@example.org`);
    const broken = [header, rows[0], `${wrongCheck(ids[1]!)},导入单位1,${region},department,`, rows[2]].join('\n');
    const refused = await api(`/api/regions/${region}/agencies/import`, { method: 'POST', token, body: { csv: broken } });
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues).toEqual([{ path: '第3行', message: expect.stringContaining('校验位错误') }]);
    for (const id of ids) expect(await store().getAgency(id)).toBeUndefined();

    const good = await api(`/api/regions/${region}/agencies/import`, { method: 'POST', token, body: { csv: [header, ...rows].join('\n') } });
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ written: 3, unchanged: 0 });
    expect((await store().listAgencies(region)).map((a) => a.id).sort()).toEqual([...ids].sort());
    // Each address is registered for sign-in by the same transaction.
    const address = rows[1]!.split(',').at(-1)!;
    expect(await signInStore().registrations(address)).toEqual([{ role: 'filer', agencyId: ids[1] }]);
  });

  it('deactivation moves the agency out of the region listing and survives a re-import; reactivation brings it back', async () => {
    const region = newRegion();
    const token = await reviewerToken(region);
    const agency = await newAgency(region);
    const off = await api(`/api/regions/${region}/agencies/${agency.id}/status`, { method: 'POST', token, body: { active: false } });
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ active: false, deactivatedAt: expect.any(String) });
    expect(await store().listAgencies(region)).toEqual([]);
    // The CLI's import writes the registry fields only: the deactivation stays.
    await store().putAgency({ ...agency, name: `${agency.name}（改）` });
    expect(await store().listAgencies(region)).toEqual([]);
    const listed = await api(`/api/regions/${region}/registry`, { token });
    expect(listed.body.agencies).toEqual([expect.objectContaining({ id: agency.id, active: false, name: `${agency.name}（改）` })]);
    const on = await api(`/api/regions/${region}/agencies/${agency.id}/status`, { method: 'POST', token, body: { active: true } });
    expect(on.body).toMatchObject({ active: true, deactivatedAt: null });
    expect((await store().listAgencies(region)).map((a) => a.id)).toEqual([agency.id]);
  });

  it('writes a batch only as read: one stale agency and nothing of the batch is written', async () => {
    const region = newRegion();
    const existing = await newAgency(region);
    const fresh = { id: newCreditCode(region), name: '批量新局', region, kind: 'department' as const, emails: [`b-${unique()}@example.org`] };
    const stale = { ...existing, emails: ['someone-else@example.org'] };
    await expect(
      registryStore().writeAgencies([{ agency: fresh }, { agency: { ...existing, name: '改名' }, before: stale }], []),
    ).rejects.toThrow(StateConflictError);
    expect(await store().getAgency(fresh.id)).toBeUndefined();
    expect(await signInStore().registrations(fresh.emails[0]!)).toEqual([]);
  });

  it('adds and removes colleague reviewers; the region lists them', async () => {
    const region = newRegion();
    const token = await reviewerToken(region);
    const email = `colleague-${unique()}@example.org`;
    const added = await api(`/api/regions/${region}/reviewers`, { method: 'POST', token, body: { email } });
    expect(added.body).toEqual({ reviewers: [email] });
    expect(await signInStore().registrations(email)).toEqual([{ role: 'reviewer', region }]);
    const removed = await api(`/api/regions/${region}/reviewers/remove`, { method: 'POST', token, body: { email } });
    expect(removed.body).toEqual({ reviewers: [], ended: 0 });
    expect(await signInStore().registrations(email)).toEqual([]);
    expect((await api(`/api/regions/${region}/reviewers/remove`, { method: 'POST', token, body: { email } })).status).toBe(404);
  });
});

describe('agencies registered before sign-in existed', () => {
  it('get their address items from the repair step, which can run again', async () => {
    const region = newRegion();
    const id = newCreditCode(region);
    const email = `old-${unique()}@example.org`;
    // An agency item as written before sign-in: no SIGNIN# item for its address.
    await db().send(
      new PutCommand({
        TableName: testConfig().NIANBAO_TABLE,
        Item: { ...KEY.agency(id), [KEYS.gsi1pk]: part.region(region), [KEYS.gsi1sk]: part.agency(id), type: 'agency', id, name: '旧登记局', region, kind: 'department', emails: [email] },
      }),
    );
    const reviewer = `old-reviewer-${unique()}@example.org`;
    await db().send(new PutCommand({ TableName: testConfig().NIANBAO_TABLE, Item: { ...KEY.signInReviewer(reviewer, region), type: 'sign-in', region, email: reviewer } }));
    expect(await signInStore().registrations(email)).toEqual([]);
    expect(await registryStore().listReviewers(region)).toEqual([]);

    const first = await signInStore().repairRegistrations();
    expect(first.addresses).toBeGreaterThanOrEqual(1);
    expect(await signInStore().registrations(email)).toEqual([{ role: 'filer', agencyId: id }]);
    expect(await registryStore().listReviewers(region)).toEqual([reviewer]);
    await signInStore().repairRegistrations();
    expect(await signInStore().registrations(email)).toEqual([{ role: 'filer', agencyId: id }]);
  });
});
