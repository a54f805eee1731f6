/**
 * `nianbao backup` while `npm start` runs and filers keep submitting, then `nianbao restore`
 * into a new data folder and `npm start` there: every submission acknowledged before the backup
 * began is back, each filing's revisions are whole (no write half in the snapshot), a token and
 * a reviewer's sign-in registration made with the CLI still hold, and the published pages are
 * the same bytes.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS } from '../../functions/settings.js';
import { revisionPath } from '../../functions/render/site/paths.js';
import { DEMO_REGION, DEMO_YEAR } from '../../local/seed/demo-county.js';
import { cli, freePorts, startRuntime, type RuntimeProcess } from './runtime-process.js';
import { FILERS, filing, missing, reportWithCarry, submit, type Acknowledged } from './submissions.js';

const REVIEWER_EMAIL = 'backup-check@neixiang.example.org';

async function waitPublished(rt: RuntimeProcess, tokens: Map<string, string>): Promise<string[]> {
  const deadline = Date.now() + 30_000;
  let statuses: string[] = [];
  do {
    statuses = await Promise.all(FILERS.map(async ({ agency }) => (await filing(rt.apiUrl, tokens.get(agency.name)!)).status));
    if (statuses.every((s) => s === 'published')) break;
    await new Promise((r) => setTimeout(r, 500));
  } while (Date.now() < deadline);
  return statuses;
}

describe('backup while running, restore into a new data folder', () => {
  const scratch = mkdtempSync(path.join(tmpdir(), 'nianbao-fault-backup-'));
  const original = path.join(scratch, 'original');
  const restored = path.join(scratch, 'restored');
  const file = path.join(scratch, 'backup.tar.gz');
  let runtime: RuntimeProcess | undefined;
  afterAll(async () => {
    await runtime?.kill();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('gives back every filing, revision, token, registration and page', { timeout: 480_000 }, async () => {
    runtime = await startRuntime({ dataDir: original, ports: await freePorts() });
    const a = runtime;
    const before: Acknowledged[] = [];
    for (const { agency, carriedOver } of FILERS) {
      const res = await submit(a.apiUrl, a.tokens.get(agency.name)!, reportWithCarry(agency.name, carriedOver));
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      before.push({ agencyName: agency.name, revision: res.body.revision });
    }
    // Made with the CLI against the running runtime: a token and a reviewer's registration.
    const token = await cli(['token', 'create', '--agency', FILERS[0].agency.id], original);
    expect(token.status, token.stderr).toBe(0);
    const cliToken = (JSON.parse(token.stdout) as { token: string }).token;
    const reviewer = await cli(['reviewers', 'add', DEMO_REGION, REVIEWER_EMAIL], original);
    expect(reviewer.status, reviewer.stderr).toBe(0);
    expect(await waitPublished(a, a.tokens)).toEqual(FILERS.map(() => 'published'));

    // Filers keep submitting while the backup runs.
    let submitting = true;
    const during: Acknowledged[] = [];
    const failures: string[] = [];
    const filers = FILERS.map(async ({ agency, carriedOver }) => {
      while (submitting) {
        const res = await submit(a.apiUrl, a.tokens.get(agency.name)!, reportWithCarry(agency.name, carriedOver));
        if (res.status === 201) during.push({ agencyName: agency.name, revision: res.body.revision });
        else failures.push(`${res.status} ${JSON.stringify(res.body)}`);
        // A steady trickle, not a flood: each revision adds pages for the publisher.
        await new Promise((r) => setTimeout(r, 200));
      }
    });
    const backup = await cli(['backup', file], original);
    submitting = false;
    await Promise.all(filers);
    expect(backup.status, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(/^已备份到 .*数据表 \d+ 项，网站 \d+ 个对象.*写入暂停 \d+ 毫秒/);
    expect(backup.stderr).toMatch(/网站：\d+\/\d+ 100%/);
    expect(failures).toEqual([]);
    expect(during.length).toBeGreaterThan(0);

    // The published revision pages as the original serves them.
    const pages = new Map<string, string>();
    for (const ack of before) {
      const agency = FILERS.find((f) => f.agency.name === ack.agencyName)!.agency;
      const page = revisionPath(DEMO_REGION, DEMO_YEAR, agency.id, ack.revision);
      const res = await fetch(`${a.siteUrl}${page}`);
      expect(res.status, page).toBe(200);
      pages.set(page, await res.text());
    }
    await a.stop();
    runtime = undefined;

    // Restore refuses a folder with something in it, and leaves it as it was.
    const occupied = path.join(scratch, 'occupied');
    mkdirSync(occupied);
    writeFileSync(path.join(occupied, 'notes.txt'), 'keep');
    const refused = await cli(['restore', file], occupied);
    expect(refused.status).toBe(1);
    expect(refused.stderr.trim()).toMatch(/^错误：数据目录 .* 不是空的：.*NIANBAO_DATA_DIR/);
    expect(readdirSync(occupied)).toEqual(['notes.txt']);

    const restore = await cli(['restore', file], restored);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restore.stdout).toMatch(/^已恢复到 /);
    expect(existsSync(path.join(restored, 'dynamodb'))).toBe(true);

    const ports = await freePorts();
    runtime = await startRuntime({ dataDir: restored, ports });
    const b = runtime;
    // Every submission acknowledged before the backup began.
    expect(await missing(b.apiUrl, b.tokens, before)).toEqual([]);
    // Whole revisions only: each filing has revisions 1..n, none the original never acknowledged.
    const acknowledged = new Set([...before, ...during].map((x) => `${x.agencyName}#${x.revision}`));
    for (const { agency } of FILERS) {
      const f = await filing(b.apiUrl, b.tokens.get(agency.name)!);
      const numbers = f.revisions.map((r) => r.revision).sort((x, y) => x - y);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      for (const n of numbers) expect(acknowledged.has(`${agency.name}#${n}`), `${agency.name} r${n}`).toBe(true);
    }
    // The token made with the CLI signs in on the restored runtime.
    const viaToken = await fetch(`${b.apiUrl}/api/filings/${DEMO_YEAR}`, { headers: { authorization: `Bearer ${cliToken}` } });
    expect(viaToken.status).toBe(200);
    // The reviewer's sign-in registration is in the restored table.
    const ddb = new DynamoDBClient({ endpoint: `http://127.0.0.1:${ports.dynamodb}`, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    const registration = await ddb.send(
      new GetItemCommand({ TableName: 'nianbao', Key: { PK: { S: `SIGNIN#${REVIEWER_EMAIL}` }, SK: { S: `REVIEWER#${DEMO_REGION}` } } }),
    );
    ddb.destroy();
    expect(registration.Item).toBeDefined();
    // The same pages, byte for byte; and every filing's latest revision is published.
    for (const [page, html] of pages) {
      const res = await fetch(`${b.siteUrl}${page}`);
      expect(res.status, page).toBe(200);
      expect(await res.text(), page).toBe(html);
    }
    expect(await waitPublished(b, b.tokens)).toEqual(FILERS.map(() => 'published'));
    await b.stop();
    runtime = undefined;
  });
});
