/**
 * The whole runtime killed (SIGKILL, process group) the moment the last 201 arrives, then
 * started again on the same data folder: every acknowledged submission is there, and published.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePorts, startRuntime, type RuntimeProcess } from './runtime-process.js';
import { FILERS, filing, missing, reportWithCarry, submit, type Acknowledged } from './submissions.js';

const ROUNDS = 3;
const SUBMITS_PER_ROUND = 6;

describe('SIGKILL right after a 201', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-fault-crash-'));
  let runtime: RuntimeProcess | undefined;
  afterAll(async () => {
    await runtime?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // One start per round plus the last: starting takes 15–30 s on a busy 2-core machine.
  it(`loses no acknowledged submission in ${ROUNDS} rounds, and publishes them all`, { timeout: (ROUNDS + 1) * 60_000 }, async () => {
    const ports = await freePorts();
    const acknowledged: Acknowledged[] = [];
    for (let round = 0; round <= ROUNDS; round++) {
      runtime = await startRuntime({ dataDir, ports });
      expect(await missing(runtime.apiUrl, runtime.tokens, acknowledged), `after round ${round}`).toEqual([]);
      if (round === ROUNDS) break;
      for (let i = 0; i < SUBMITS_PER_ROUND; i++) {
        const { agency, carriedOver } = FILERS[i % FILERS.length]!;
        const res = await submit(runtime.apiUrl, runtime.tokens.get(agency.name)!, reportWithCarry(agency.name, carriedOver));
        expect(res.status, JSON.stringify(res.body)).toBe(201);
        acknowledged.push({ agencyName: agency.name, revision: res.body.revision });
      }
      await runtime.kill();
    }
    expect(acknowledged).toHaveLength(ROUNDS * SUBMITS_PER_ROUND);
    // Once publishing runs again, every filing's latest revision is on the site.
    const rt = runtime!;
    const deadline = Date.now() + 30_000;
    let statuses: string[] = [];
    do {
      await new Promise((r) => setTimeout(r, 500));
      statuses = await Promise.all(FILERS.map(async ({ agency }) => (await filing(rt.apiUrl, rt.tokens.get(agency.name)!)).status));
    } while (statuses.some((s) => s !== 'published') && Date.now() < deadline);
    expect(statuses).toEqual(FILERS.map(() => 'published'));
    await rt.stop();
    runtime = undefined;
  });
});
