/**
 * runtime.json left behind by a runtime that was killed: its pid now belongs to another program,
 * or to something that looks like a runtime but does not answer.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../local/stand-ins.js';
import { DEMO_AGENCIES } from '../../local/seed/demo-county.js';
import { freePorts, startRuntime, type RuntimeProcess } from './runtime-process.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

function staleFile(dataDir: string, pid: number, port: number): void {
  const url = `http://127.0.0.1:${port}`;
  writeFileSync(
    path.join(dataDir, 'runtime.json'),
    JSON.stringify({ pid, startedAt: new Date().toISOString(), apiUrl: url, dynamodbEndpoint: url, s3Endpoint: url, sesEndpoint: url, table: 'nianbao', bucket: 'nianbao-site' }),
  );
}

describe('a stale runtime.json', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'nianbao-fault-stale-'));
  const others: ChildProcess[] = [];
  let runtime: RuntimeProcess | undefined;
  afterEach(() => {
    for (const p of others.splice(0)) p.kill('SIGKILL');
  });
  afterAll(async () => {
    await runtime?.kill();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('naming a runtime that does not answer: a CLI command says what to do in one Chinese sentence', async () => {
    // Looks like a runtime by its command line, answers nothing.
    const fake = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1e6)', 'local/start.ts'], { cwd: ROOT, stdio: 'ignore' });
    others.push(fake);
    await new Promise((r) => setTimeout(r, 300));
    staleFile(dataDir, fake.pid!, await freePort());
    const env: NodeJS.ProcessEnv = { ...process.env, NIANBAO_DATA_DIR: dataDir };
    for (const name of Object.keys(env)) if (name.startsWith('NIANBAO_') && name !== 'NIANBAO_DATA_DIR') delete env[name];
    const cli = spawnSync(process.execPath, ['bin/nianbao.mjs', 'token', 'create', '--agency', DEMO_AGENCIES[1]!.id], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
    expect(cli.status).toBe(1);
    const lines = cli.stderr.trim().split('\n');
    expect(lines, cli.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^无法连接.*进程 \d+.*npm start.*重试本命令。$/);
    expect(cli.stderr).not.toMatch(/\n\s+at |ECONNREFUSED/);
  });

  it('naming another program: npm start replaces it', { timeout: 120_000 }, async () => {
    const other = spawn('sleep', ['120'], { stdio: 'ignore' });
    others.push(other);
    staleFile(dataDir, other.pid!, await freePort());
    runtime = await startRuntime({ dataDir, ports: await freePorts() });
    const info = JSON.parse(readFileSync(path.join(dataDir, 'runtime.json'), 'utf8')) as { pid: number; apiUrl: string };
    expect(info.pid).not.toBe(other.pid);
    expect(info.apiUrl).toBe(runtime.apiUrl);
    // Its API answers (health may need a moment on a loaded machine: the probes wait up to 5 s).
    let status = 0;
    for (const deadline = Date.now() + 20_000; status !== 200 && Date.now() < deadline; ) {
      status = (await fetch(`${runtime.apiUrl}/api/health`)).status;
    }
    expect(status).toBe(200);
    await runtime.stop();
    runtime = undefined;
  });
});
