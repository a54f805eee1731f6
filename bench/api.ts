/**
 * `npm run bench:api`: 20 concurrent filers submitting the reference report (王店镇 2023)
 * through the local runtime (HTTP → API Gateway event → middy handler → DynamoDB Local), and
 * in the same run the same number of raw PutItem calls of the same report to the same
 * DynamoDB Local. Last line: `api: <ratio> x raw put` (raw puts/s over submissions/s).
 * Target: under 3.
 *
 * "The local runtime" is DynamoDB Local as `npm start` runs it: on disk, in a data folder
 * (`-dbPath`). That is the measurement the last line reports. The same run then measures
 * DynamoDB Local in memory (`-inMemory`, as the tests run it) and prints its figures too,
 * without hiding either: on disk SQLite's commits dominate, in memory DynamoDB Local's CPU.
 * Each configuration runs in a child process (the runtime's clients are per process).
 *
 * DynamoDB Local is a JVM: its first few thousand requests run while the JIT compiles, and
 * whichever side is measured first pays for it. So both sides are warmed up first, then
 * measured in alternating rounds, and each side's median round counts. A third series, the
 * store's own two-item TransactWriteItems without HTTP, tokens or checks, shows how much of
 * a submit is the transaction DynamoDB Local must run (the floor under the API's figure).
 * The load generator uses node:http with keep-alive: it shares the two cores with the system
 * under test, and fetch() costs it several times more CPU per request.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startStandIns } from '../local/stand-ins.js';

const FILERS = 20;
const SUBMISSIONS_PER_FILER = Number(process.env.BENCH_SUBMISSIONS ?? 15);
const WARMUP_PER_FILER = Number(process.env.BENCH_WARMUP ?? 40);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const YEAR = 2023;

type Mode = 'disk' | 'memory';
const MODES: Record<Mode, string> = {
  disk: 'on disk, as npm start runs it (-dbPath)',
  memory: 'in memory, as the tests run it (-inMemory)',
};
const mode = process.env.BENCH_API_MODE as Mode | undefined;

if (!mode) {
  // The parent: one child per configuration, progress through, figures collected.
  const ratios: Partial<Record<Mode, string>> = {};
  for (const m of ['disk', 'memory'] as const) {
    process.stdout.write(`\n== DynamoDB Local ${MODES[m]}\n`);
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url)], {
        env: { ...process.env, BENCH_API_MODE: m },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let text = '';
      child.stdout.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        process.stdout.write(chunk);
      });
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`bench:api (${m}) exited with ${code}`))));
    });
    ratios[m] = /ratio: ([\d.]+)/.exec(out)?.[1];
  }
  process.stdout.write(`\nin memory (the tests' configuration): ${ratios.memory} x raw put\n`);
  process.stdout.write(`api: ${ratios.disk} x raw put\n`);
  process.exit(0);
}

// A data folder beside the default one (./.nianbao), so "on disk" means the disk npm start uses.
const scratch = mkdtempSync(mode === 'disk' ? path.join(process.cwd(), '.nianbao-bench-') : path.join(tmpdir(), 'nianbao-bench-'));
const standIns = await startStandIns({
  ports: { dynamodb: await freePort(), s3: await freePort(), ses: await freePort() },
  ...(mode === 'disk' ? { dataDir: scratch } : { scratchDir: scratch }),
  buckets: ['nianbao-bench'],
});
Object.assign(process.env, { NIANBAO_TABLE: 'nianbao-bench', NIANBAO_DYNAMODB_ENDPOINT: standIns.dynamodb.endpoint });

const { settings: config } = await import('../functions/settings.js');
const { createDynamoDbClient } = await import('../functions/adapters/dynamodb-filing-store.js');
const { ensureTable } = await import('../functions/adapters/dynamodb-table.js');
const { runtime } = await import('../functions/handlers/compose/http.js');
const { createToken } = await import('../functions/services/tokens.js');
const { withCheckCharacter } = await import('../functions/domain/credit-code.js');
const { importReport } = await import('../functions/domain/import/import-report.js');
const { validateReport } = await import('../functions/domain/validate-report.js');
const { startApiServer } = await import('../local/api-server.js');
const { PutItemCommand } = await import('@aws-sdk/client-dynamodb');

const cfg = config();
const raw = createDynamoDbClient(cfg);
await ensureTable(raw, cfg.NIANBAO_TABLE);
const api = await startApiServer({ port: await freePort() });
const { store, clock } = runtime();

const reference = importReport(
  readFileSync(fileURLToPath(new URL('../local/seed/wangdian-2023-report.txt', import.meta.url)), 'utf8'),
);
const body = JSON.stringify(reference);

const tokens: string[] = [];
const agencies: string[] = [];
for (let i = 0; i < FILERS; i++) {
  const id = withCheckCharacter(`11411325BENCH${String(i).padStart(4, '0')}`);
  await store.putAgency({ id, name: `王店镇人民政府`, region: '411325', kind: 'township', emails: [] });
  agencies.push(id);
  tokens.push((await createToken(store, clock, { publicUrl: api.url, days: 1 }, { agencyId: id })).token);
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `workers` loops of `each` calls; returns throughput and latency in ms. */
async function load(workers: number, each: number, call: (worker: number, i: number) => Promise<void>): Promise<Run> {
  const latencies: number[] = [];
  const start = performance.now();
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < each; i++) {
        const t = performance.now();
        await call(w, i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

// A fresh agent per series: sockets left idle while the other series run may be closed by the
// server (keep-alive timeout) just as the client reuses them.
let agent = new Agent({ keepAlive: true, maxSockets: FILERS });
function freshAgent(): void {
  agent.destroy();
  agent = new Agent({ keepAlive: true, maxSockets: FILERS });
}
const apiUrl = new URL(api.url);

async function submit(worker: number): Promise<void> {
  const status = await new Promise<number>((resolve, reject) => {
    const req = request(
      {
        agent,
        host: apiUrl.hostname,
        port: apiUrl.port,
        method: 'POST',
        path: `/api/filings/${YEAR}/submit`,
        headers: {
          authorization: `Bearer ${tokens[worker]}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
  if (status !== 201) throw new Error(`submit answered ${status}`);
}

let putCounter = 0;
async function put(): Promise<void> {
  const n = putCounter++;
  await raw.send(
    new PutItemCommand({
      TableName: cfg.NIANBAO_TABLE,
      Item: { PK: { S: `RAW#${n % FILERS}` }, SK: { S: `PUT#${n}` }, report: { S: body } },
    }),
  );
}

/** The write a submission must make, straight to the store: filing + revision in one transaction. */
const findings = validateReport(reference, {});
const floorFilings = new Map<number, { version: number }>();
async function transact(worker: number): Promise<void> {
  const agencyId = `FLOOR${worker}`;
  const version = floorFilings.get(worker)?.version ?? 0;
  const now = clock().toISOString();
  await store.submit({
    expectedVersion: version,
    filing: {
      agencyId,
      year: YEAR,
      region: '411325',
      status: 'submitted',
      version: version + 1,
      draft: reference,
      findings,
      errorCount: 0,
      warningCount: findings.length,
      latestRevision: version + 1,
      lastSubmittedAt: now,
      updatedAt: now,
    },
    revision: { agencyId, year: YEAR, revision: version + 1, report: reference, findings, submittedAt: now, submittedBy: 'bench' },
  });
  floorFilings.set(worker, { version: version + 1 });
}

const median = (runs: Run[]): Run => [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)]!;
const fmt = (r: Run) => `${r.perSecond.toFixed(1)}/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms`;
try {
  const series = { submit, put, transact } as const;
  const runs: Record<keyof typeof series, Run[]> = { submit: [], put: [], transact: [] };
  process.stderr.write(`warming up: ${WARMUP_PER_FILER} calls per filer on each side\n`);
  for (const call of Object.values(series)) {
    freshAgent();
    await load(FILERS, WARMUP_PER_FILER, call);
  }
  for (let round = 1; round <= ROUNDS; round++) {
    for (const [name, call] of Object.entries(series) as [keyof typeof series, (w: number) => Promise<void>][]) {
      freshAgent();
      const run = await load(FILERS, SUBMISSIONS_PER_FILER, call);
      runs[name].push(run);
      process.stderr.write(`round ${round}/${ROUNDS} ${name.padEnd(8)} ${fmt(run)}\n`);
    }
  }
  const apiRun = median(runs.submit);
  const putRun = median(runs.put);
  const txRun = median(runs.transact);
  const total = FILERS * SUBMISSIONS_PER_FILER;
  console.log(
    `reference report: ${Buffer.byteLength(body)} bytes; ${FILERS} concurrent filers, ${total} calls per round and side, ` +
      `median of ${ROUNDS} alternating rounds after ${FILERS * WARMUP_PER_FILER} warm-up calls each`,
  );
  console.log(`api submit (HTTP → handler → validate → TransactWrite): ${fmt(apiRun)}`);
  console.log(`store transaction only (filing + revision, no HTTP):   ${fmt(txRun)}  = ${(putRun.perSecond / txRun.perSecond).toFixed(2)} x raw put`);
  console.log(`raw PutItem (same report, same DynamoDB Local):        ${fmt(putRun)}`);
  console.log(`ratio: ${(putRun.perSecond / apiRun.perSecond).toFixed(2)} (submit vs raw put, ${mode})`);
} finally {
  agent.destroy();
  await api.stop();
  raw.destroy();
  await standIns.stop();
  rmSync(scratch, { recursive: true, force: true });
}
