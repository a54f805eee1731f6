/**
 * Where CLI commands read and write. In order:
 * 1. `NIANBAO_DYNAMODB_ENDPOINT` set: that DynamoDB (any endpoint); `NIANBAO_TARGET=aws`: real AWS.
 * 2. A running `npm start` on the same data folder (found by `<data dir>/runtime.json`): its DynamoDB Local.
 * 3. Otherwise the command starts DynamoDB Local on the data folder itself, and stops it after.
 */
import { readSettings, type Settings } from '../../functions/settings.js';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { ensureTable } from '../../functions/adapters/dynamodb-table.js';
import { httpDepsFor } from '../../functions/handlers/compose/http.js';
import { reminderDepsFor } from '../../functions/handlers/compose/mail.js';
import type { Clock, FilingStore } from '../../functions/services/ports.js';
import type { ReviewStore } from '../../functions/services/review-ports.js';
import type { SignInStore } from '../../functions/services/sign-in-ports.js';
import { localConfig } from '../local-config.js';
import { RuntimeUnreachableError, readRuntime, unreachableSentence } from '../runtime-file.js';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { LOCAL_CREDENTIALS } from '../../functions/settings.js';
import { freePort, startDynamoDbLocal, startS3Local } from '../stand-ins.js';
import path from 'node:path';
import type { Agency } from '../../functions/domain/agency.js';
import { openYearsForAgency } from '../../functions/services/reporting-years.js';

export interface CliContext {
  store: FilingStore;
  /** region settings, returns and approvals */
  review: ReviewStore;
  clock: Clock;
  config: Settings;
  /** sign-in registrations (reviewers) */
  signIn: SignInStore;
}

export async function withStore<T>(run: (context: CliContext) => Promise<T>): Promise<T> {
  const env = { ...process.env };
  let stop: (() => Promise<void>) | undefined;
  if (!env.NIANBAO_DYNAMODB_ENDPOINT && env.NIANBAO_TARGET !== 'aws') {
    const local = localConfig(env);
    const running = readRuntime(local.dataDir);
    if (running) {
      await ensureAnswers(running.dynamodbEndpoint, unreachableSentence(local.dataDir, running));
      env.NIANBAO_DYNAMODB_ENDPOINT = running.dynamodbEndpoint;
      env.NIANBAO_TABLE ??= running.table;
      env.NIANBAO_PUBLIC_URL ??= running.apiUrl;
    } else {
      process.stderr.write(`（未发现运行中的 npm start，临时启动本地 DynamoDB：${local.dataDir}）\n`);
      const dynamodb = await startDynamoDbLocal({ port: await freePort(), dbPath: path.join(local.dataDir, 'dynamodb') });
      env.NIANBAO_DYNAMODB_ENDPOINT = dynamodb.endpoint;
      stop = dynamodb.stop;
    }
  }
  const config = readSettings(env);
  const client = createDynamoDbClient(config);
  try {
    if (config.NIANBAO_DYNAMODB_ENDPOINT) await ensureTable(client, config.NIANBAO_TABLE);
    const { store, settings: review, clock, signIn } = httpDepsFor(config);
    return await run({ store, review, clock, config, signIn });
  } finally {
    client.destroy();
    await stop?.();
  }
}

/** One quick ListTables before a command starts, so a dead runtime is one sentence, not a stack trace. */
async function ensureAnswers(endpoint: string, sentence: string): Promise<void> {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: LOCAL_CREDENTIALS,
    maxAttempts: 1,
    requestHandler: { connectionTimeout: 1500, requestTimeout: 3000 },
  });
  try {
    await client.send(new ListTablesCommand({ Limit: 1 }));
  } catch {
    throw new RuntimeUnreachableError(sentence);
  } finally {
    client.destroy();
  }
}

/** The registration step: opens, for each agency written, the reporting years already opened. */
export function reportingYearsOpener(config: Settings): (agency: Agency) => Promise<number[]> {
  const { store, policy } = reminderDepsFor(config);
  return (agency) => openYearsForAgency(store, policy, agency, new Date().toISOString());
}

/** The SES endpoint: the environment's, else a running `npm start`'s; none on AWS. */
export function sesEndpoint(): string | undefined {
  if (process.env.NIANBAO_SES_ENDPOINT) return process.env.NIANBAO_SES_ENDPOINT;
  if (process.env.NIANBAO_TARGET === 'aws') return undefined;
  return readRuntime(localConfig().dataDir)?.sesEndpoint;
}

/** The site bucket's endpoint: NIANBAO_S3_ENDPOINT (or AWS), else a running `npm start`'s, else s3rver on the data folder for this run. */
export async function withS3Endpoint<T>(bucket: string, run: (endpoint: string | undefined) => Promise<T>): Promise<T> {
  if (process.env.NIANBAO_S3_ENDPOINT || process.env.NIANBAO_TARGET === 'aws') return run(process.env.NIANBAO_S3_ENDPOINT);
  const local = localConfig();
  const running = readRuntime(local.dataDir);
  if (running) return run(running.s3Endpoint);
  const s3 = await startS3Local({ port: await freePort(), directory: path.join(local.dataDir, 's3'), buckets: [bucket] });
  try {
    return await run(s3.endpoint);
  } finally {
    await s3.stop();
  }
}
