/**
 * `npm run bench:api`: 20 concurrent filers submitting the reference report (王店镇 2023)
 * through the local runtime (HTTP → API Gateway event → middy handler → DynamoDB Local), then
 * the same number of raw PutItem calls of the same report to the same DynamoDB Local.
 * Last line: `api: <ratio> x raw put` (raw puts/s over submissions/s). Target: under 3.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startStandIns } from '../local/stand-ins.js';

const FILERS = 20;
const SUBMISSIONS_PER_FILER = Number(process.env.BENCH_SUBMISSIONS ?? 15);
const WARMUP_PER_FILER = 3;
const YEAR = 2023;

const scratch = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-'));
const standIns = await startStandIns({
  ports: { dynamodb: await freePort(), s3: await freePort(), ses: await freePort() },
  scratchDir: scratch,
  buckets: ['nianbao-bench'],
});
Object.assign(process.env, { NIANBAO_TABLE: 'nianbao-bench', NIANBAO_DYNAMODB_ENDPOINT: standIns.dynamodb.endpoint });

const { config } = await import('../functions/adapters/config.js');
const { createDynamoDbClient } = await import('../functions/adapters/dynamodb-filing-store.js');
const { ensureTable } = await import('../functions/adapters/dynamodb-table.js');
const { runtime } = await import('../functions/handlers/runtime.js');
const { createToken } = await import('../functions/services/tokens.js');
const { withCheckCharacter } = await import('../functions/domain/credit-code.js');
const { importReport } = await import('../functions/domain/import/import-report.js');
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
for (let i = 0; i < FILERS; i++) {
  const id = withCheckCharacter(`11411325BENCH${String(i).padStart(4, '0')}`);
  await store.putAgency({ id, name: `王店镇人民政府`, region: '411325', kind: 'township', emails: [] });
  tokens.push((await createToken(store, clock, { publicUrl: api.url, days: 1 }, { agencyId: id })).token);
}

interface Run {
  perSecond: number;
  p50: number;
  p99: number;
  mean: number;
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
  return {
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((s, l) => s + l, 0) / latencies.length,
  };
}

async function submit(worker: number): Promise<void> {
  const res = await fetch(`${api.url}/api/filings/${YEAR}/submit`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[worker]}`, 'content-type': 'application/json' },
    body,
  });
  await res.arrayBuffer();
  if (res.status !== 201) throw new Error(`submit answered ${res.status}`);
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

const fmt = (r: Run) => `${r.perSecond.toFixed(1)}/s  p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms`;
try {
  await load(FILERS, WARMUP_PER_FILER, submit);
  await load(FILERS, WARMUP_PER_FILER, put);
  const apiRun = await load(FILERS, SUBMISSIONS_PER_FILER, submit);
  const putRun = await load(FILERS, SUBMISSIONS_PER_FILER, put);
  const total = FILERS * SUBMISSIONS_PER_FILER;
  console.log(`reference report: ${Buffer.byteLength(body)} bytes; ${FILERS} concurrent filers, ${total} submissions each side`);
  console.log(`api submit (HTTP → handler → validate → TransactWrite): ${fmt(apiRun)}`);
  console.log(`raw PutItem (same report, same DynamoDB Local):        ${fmt(putRun)}`);
  console.log(`api: ${(putRun.perSecond / apiRun.perSecond).toFixed(2)} x raw put`);
} finally {
  await api.stop();
  raw.destroy();
  await standIns.stop();
  rmSync(scratch, { recursive: true, force: true });
}
