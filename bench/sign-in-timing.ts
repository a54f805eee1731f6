/**
 * `npm run bench:sign-in`: how long a code request takes to answer for a registered address
 * (a code written to DynamoDB Local, a mail sent to the SES emulator) and for an unregistered
 * one (nothing), through the use case with the real adapters. Each request comes from its own
 * client address and each registered address is asked once, so no limit interferes. The last
 * line compares the medians: the fixed answer time (CODE_ANSWER_MS) should make them equal
 * within a few milliseconds; the registered path's own work (what the fixed time hides) is
 * printed too.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startStandIns } from '../local/stand-ins.js';
import { withCheckCharacter } from '../functions/domain/credit-code.js';

const N = Number(process.env.BENCH_REQUESTS ?? 20);

const scratch = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-sign-in-'));
const standIns = await startStandIns({ ports: { dynamodb: await freePort(), s3: await freePort(), ses: await freePort() }, scratchDir: scratch, buckets: [] });
try {
  Object.assign(process.env, {
    NIANBAO_TABLE: 'nianbao-bench-sign-in',
    NIANBAO_DYNAMODB_ENDPOINT: standIns.dynamodb.endpoint,
    NIANBAO_SES_ENDPOINT: standIns.ses.endpoint,
  });
  const { settings } = await import('../functions/settings.js');
  const { ensureTable } = await import('../functions/adapters/dynamodb-table.js');
  const { createDynamoDbClient } = await import('../functions/adapters/dynamodb-filing-store.js');
  const client = createDynamoDbClient(settings());
  await ensureTable(client, settings().NIANBAO_TABLE);
  client.destroy();
  const { runtime, signInDeps } = await import('../functions/handlers/compose/http.js');
  const { requestCode, CODE_ANSWER_MS } = await import('../functions/services/sign-in.js');
  const base = signInDeps(runtime());
  // When each mail was handed to SES, from its request's start: the work the fixed time hides.
  let started = 0;
  const mailed: number[] = [];
  const mailer = { send: async (mail: Parameters<typeof base.mailer.send>[0]) => {
    const out = await base.mailer.send(mail);
    mailed.push(performance.now() - started);
    return out;
  } };
  const deps = { ...base, mailer };
  for (let i = 0; i < N; i++) {
    await deps.store.putAgency({
      id: withCheckCharacter(`11411325MB${String(i).padStart(7, '0')}`),
      name: `计时单位${i}`,
      region: '411325',
      kind: 'department',
      emails: [`timed${i}@example.org`],
    });
  }
  const times = { registered: [] as number[], unregistered: [] as number[] };
  for (let i = 0; i < N; i++) {
    for (const kind of ['registered', 'unregistered'] as const) {
      const email = kind === 'registered' ? `timed${i}@example.org` : `unknown${i}@example.org`;
      started = performance.now();
      await requestCode(deps, { email, role: 'filer' }, `10.0.${kind === 'registered' ? 1 : 2}.${i}`);
      times[kind].push(performance.now() - started);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const spread = (xs: number[]) => `median ${median(xs).toFixed(1)} ms, min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)}`;
  process.stdout.write(`fixed answer time: ${CODE_ANSWER_MS} ms; ${N} requests each\n`);
  process.stdout.write(`registered:   ${spread(times.registered)}\n`);
  process.stdout.write(`unregistered: ${spread(times.unregistered)}\n`);
  process.stdout.write(`registered path's own work (code written, mail sent): ${spread(mailed)}\n`);
  process.stdout.write(`sign-in: median difference ${(median(times.registered) - median(times.unregistered)).toFixed(1)} ms\n`);
} finally {
  await standIns.stop();
  rmSync(scratch, { recursive: true, force: true });
}
