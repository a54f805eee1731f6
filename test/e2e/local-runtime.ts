/**
 * The real local runtime for the browser tests, composed as `npm start` composes it
 * (local/start.ts): DynamoDB Local in memory, s3rver, the SES emulator and the API server (which
 * serves the form at /file/) and publishing (stream pump, site server) on free ports, with the
 * demo county seeded.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, startStandIns } from '../../local/stand-ins.js';
import { DEMO_REGION, DEMO_REGION_NAME } from '../../local/seed/demo-county.js';

export interface LocalRuntime {
  apiUrl: string;
  siteUrl: string;
  /** a sign-in link for an agency, as `nianbao token create --agency ID` prints it */
  signInLink(agencyId: string): Promise<{ token: string; url: string }>;
  /** a reviewer's link (`nianbao token create --reviewer REGION`): it opens /review/ */
  reviewerLink(region: string): Promise<{ token: string; url: string }>;
  /** the SES emulator (GET /store lists what was sent) */
  sesUrl: string;
  /** runs the scheduled pass's search index step now (npm start runs it every minute) */
  searchIndex(): Promise<{ built: boolean; reports: number }>;
  stop(): Promise<void>;
}

export async function startLocalRuntime(): Promise<LocalRuntime> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'nianbao-e2e-'));
  const bucket = 'nianbao-site-e2e';
  const privateBucket = 'nianbao-private-e2e';
  const standIns = await startStandIns({
    ports: { dynamodb: await freePort(), s3: await freePort(), ses: await freePort() },
    scratchDir: scratch,
    buckets: [bucket],
    privateBucket,
  });
  const apiPort = await freePort();
  const apiUrl = `http://127.0.0.1:${apiPort}`;
  // The handlers read their configuration from the environment, as on Lambda.
  Object.assign(process.env, {
    NIANBAO_TABLE: 'nianbao-e2e',
    NIANBAO_SITE_BUCKET: bucket,
    NIANBAO_PRIVATE_BUCKET: privateBucket,
    NIANBAO_DYNAMODB_ENDPOINT: standIns.dynamodb.endpoint,
    NIANBAO_S3_ENDPOINT: standIns.s3.endpoint,
    NIANBAO_SES_ENDPOINT: standIns.ses.endpoint,
    NIANBAO_PUBLIC_URL: apiUrl,
  });
  const { settings: config } = await import('../../functions/settings.js');
  const { ensureTable } = await import('../../functions/adapters/dynamodb-table.js');
  const { createDynamoDbClient } = await import('../../functions/adapters/dynamodb-filing-store.js');
  const client = createDynamoDbClient(config());
  await ensureTable(client, config().NIANBAO_TABLE);
  client.destroy();
  const sitePort = await freePort();
  const { startApiServer } = await import('../../local/api-server.js');
  const api = await startApiServer({ port: apiPort, siteBase: `http://127.0.0.1:${sitePort}` });
  const { startPublishing } = await import('../../local/publishing.js');
  const publishing = await startPublishing({
    dynamodbEndpoint: standIns.dynamodb.endpoint,
    s3Endpoint: standIns.s3.endpoint,
    table: config().NIANBAO_TABLE,
    bucket,
    sitePort,
    host: '127.0.0.1',
    pollMs: 200,
    log: () => undefined,
    // the demo county's name, as npm start registers it (local/start.ts)
    regions: [{ code: DEMO_REGION, name: DEMO_REGION_NAME }],
  });
  const { runtime } = await import('../../functions/handlers/compose/http.js');
  const { seedDemoCounty } = await import('../../local/seed/demo-county.js');
  const { createToken } = await import('../../functions/services/tokens.js');
  const { store, clock, signIn } = runtime();
  await seedDemoCounty(store, clock);
  // As npm start does: the demo reviewer signs in by e-mail code on /review/.
  const { registerDemoReviewers } = await import('../../local/seed/demo-reviewers.js');
  await registerDemoReviewers(signIn);
  // Return e-mails go out from the stream, as on AWS (the notify handler).
  const { createNotifyHandler } = await import('../../functions/handlers/notify-stream.js');
  const { reminderDepsFor } = await import('../../functions/handlers/compose/mail.js');
  const { startStreamPump } = await import('../../local/stream-pump.js');
  const notifyDeps = reminderDepsFor(config());
  const notify = await startStreamPump({
    dynamodbEndpoint: standIns.dynamodb.endpoint,
    table: config().NIANBAO_TABLE,
    handler: createNotifyHandler(() => notifyDeps),
    pollMs: 200,
    log: () => undefined,
  });
  return {
    apiUrl: api.url,
    siteUrl: publishing.siteUrl,
    signInLink: async (agencyId) => {
      const t = await createToken(store, clock, { publicUrl: apiUrl, days: 1 }, { agencyId });
      return { token: t.token, url: t.url };
    },
    reviewerLink: async (region) => {
      const t = await createToken(store, clock, { publicUrl: apiUrl, days: 1 }, { region });
      return { token: t.token, url: t.url };
    },
    sesUrl: standIns.ses.endpoint,
    searchIndex: () => publishing.searchIndex(),
    stop: async () => {
      await notify.stop();
      await api.stop();
      await publishing.stop();
      await standIns.stop();
      rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** A mail as the SES emulator's store lists it. */
export interface StoredMail {
  destination: { to: string[] };
  body: { text?: string };
}

/** The mail the runtime's SES emulator holds for an address, oldest first. */
export async function mailTo(runtime: Pick<LocalRuntime, 'sesUrl'>, address: string): Promise<StoredMail[]> {
  const { emails } = (await (await fetch(`${runtime.sesUrl}/store`)).json()) as { emails: StoredMail[] };
  return emails.filter((m) => m.destination.to.includes(address));
}
