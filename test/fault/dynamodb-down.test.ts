/**
 * DynamoDB Local (the Java child) killed under a running `npm start`: health says so at once,
 * nothing answers 2xx without the database, the stream pumps back off instead of spinning, the
 * runtime restarts Java, and every acknowledged submission is still there.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePorts, javaPids, startRuntime, type RuntimeProcess } from './runtime-process.js';
import { FILERS, missing, reportWithCarry, submit, type Acknowledged } from './submissions.js';

const ROUNDS = 2;

async function health(apiUrl: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${apiUrl}/api/health`);
  return { status: res.status, body: await res.json() };
}

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('DynamoDB Local killed under npm start', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-fault-ddb-'));
  let runtime: RuntimeProcess | undefined;
  afterAll(async () => {
    await runtime?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it(`is reported by health, restarted, and loses nothing acknowledged (${ROUNDS} rounds)`, { timeout: 60_000 + ROUNDS * 60_000 }, async () => {
    runtime = await startRuntime({ dataDir, ports: await freePorts() });
    const rt = runtime;
    expect(await health(rt.apiUrl)).toEqual({ status: 200, body: { status: 'ok', checks: { database: 'ok', storage: 'ok' } } });
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const { agency, carriedOver } = FILERS[round % FILERS.length]!;
      const res = await submit(rt.apiUrl, rt.tokens.get(agency.name)!, reportWithCarry(agency.name, carriedOver));
      expect(res.status).toBe(201);
      acknowledged.push({ agencyName: agency.name, revision: res.body.revision });
      const [java] = javaPids(dataDir);
      expect(java).toBeDefined();
      process.kill(java!, 'SIGKILL');

      const down = await until('health 503', 5000, async () => {
        const h = await health(rt.apiUrl);
        return h.status === 503 ? h : undefined;
      });
      expect(down.body).toMatchObject({ status: 'unavailable', checks: { database: 'down', storage: 'ok' } });
      expect(down.body.message).toContain('数据库');

      // While it is down: no 2xx for a write, and the pumps wait instead of spinning.
      const linesBefore = rt.output().split('\n').length;
      const during = await submit(rt.apiUrl, rt.tokens.get(agency.name)!, reportWithCarry(agency.name, carriedOver));
      if (during.status === 201) acknowledged.push({ agencyName: agency.name, revision: during.body.revision });
      else expect(during.status).toBeGreaterThanOrEqual(500);
      await new Promise((r) => setTimeout(r, 500));
      const linesWhileDown = rt.output().split('\n').length - linesBefore;
      expect(linesWhileDown, rt.output().split('\n').slice(linesBefore).join('\n')).toBeLessThan(30);

      await until('health 200 after the restart', 45_000, async () => ((await health(rt.apiUrl)).status === 200 ? true : undefined));
      expect(rt.output()).toContain('本地 DynamoDB 已重启');
      expect(javaPids(dataDir)).toHaveLength(1);
      expect(await missing(rt.apiUrl, rt.tokens, acknowledged)).toEqual([]);
    }
    // And after it: writes are acknowledged again.
    const { agency, carriedOver } = FILERS[0]!;
    expect((await submit(rt.apiUrl, rt.tokens.get(agency.name)!, reportWithCarry(agency.name, carriedOver))).status).toBe(201);
    await rt.stop();
    runtime = undefined;
  });
});
