/**
 * Starts the local stand-ins and the API server once per test run (DynamoDB in memory, on
 * free ports) and hands their addresses to the tests through `inject('nianbao')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startStandIns, type StandIns } from '../../local/stand-ins.js';
import type { ApiServer } from '../../local/api-server.js';

export interface NianbaoTestEnv {
  apiUrl: string;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  sesEndpoint: string;
  table: string;
  bucket: string;
  privateBucket: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    nianbao: NianbaoTestEnv;
  }
}

let standIns: StandIns | undefined;
let api: ApiServer | undefined;
let scratch: string | undefined;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  scratch = mkdtempSync(path.join(tmpdir(), 'nianbao-test-'));
  const table = 'nianbao-test';
  const bucket = 'nianbao-site-test';
  const privateBucket = 'nianbao-private-test';
  standIns = await startStandIns({
    ports: { dynamodb: await freePort(), s3: await freePort(), ses: await freePort() },
    scratchDir: scratch,
    buckets: [bucket],
    privateBucket,
  });
  // The handlers read their configuration from the environment, as on Lambda.
  Object.assign(process.env, {
    NIANBAO_TABLE: table,
    NIANBAO_SITE_BUCKET: bucket,
    NIANBAO_PRIVATE_BUCKET: privateBucket,
    NIANBAO_DYNAMODB_ENDPOINT: standIns.dynamodb.endpoint,
    NIANBAO_S3_ENDPOINT: standIns.s3.endpoint,
    NIANBAO_SES_ENDPOINT: standIns.ses.endpoint,
  });
  const { ensureTable } = await import('../../functions/adapters/dynamodb-table.js');
  const { createDynamoDbClient } = await import('../../functions/adapters/dynamodb-filing-store.js');
  const { settings: config } = await import('../../functions/settings.js');
  await ensureTable(createDynamoDbClient(config()), table);
  const { startApiServer } = await import('../../local/api-server.js');
  api = await startApiServer({ port: await freePort() });
  project.provide('nianbao', {
    apiUrl: api.url,
    dynamodbEndpoint: standIns.dynamodb.endpoint,
    s3Endpoint: standIns.s3.endpoint,
    sesEndpoint: standIns.ses.endpoint,
    table,
    bucket,
    privateBucket,
  });
  return async () => {
    await api?.stop();
    await standIns?.stop();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  };
}
