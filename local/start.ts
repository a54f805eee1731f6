/**
 * `npm start`: DynamoDB Local, s3rver, the SES emulator and the API server on one machine,
 * with the demo county seeded on first start. Ctrl-C stops everything.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { startStandIns, StandInError, type StandIns } from './stand-ins.js';
import { localConfig } from './local-config.js';
import { dataDirTakenBy, removeRuntime, writeRuntime } from './runtime-file.js';
import type { ApiServer } from './api-server.js';
import type { Publishing } from './publishing.js';
import type { Reminders } from './reminders.js';
import { startHoldServer, type HoldServer } from './hold-control.js';
import { DEMO_AGENCIES, DEMO_REGION, DEMO_REGION_NAME, DEMO_YEAR, isSeeded, seedDemoCounty } from './seed/demo-county.js';

async function main(): Promise<void> {
  const local = localConfig();
  mkdirSync(local.dataDir, { recursive: true });
  // A runtime.json left by a killed runtime (dead pid, or a pid now used by another program) is replaced.
  const taken = await dataDirTakenBy(local.dataDir);
  if (taken) {
    process.stderr.write(`${taken}\n`);
    process.exit(1);
  }
  const host = local.NIANBAO_HOST;
  const apiUrl = `http://${host}:${local.NIANBAO_API_PORT}`;
  const { useSettings, withSettings } = await import('../functions/settings.js');
  const bucket = local.NIANBAO_SITE_BUCKET;

  let standIns: StandIns | undefined;
  let api: ApiServer | undefined;
  let publishing: Publishing | undefined;
  let reminders: Reminders | undefined;
  let holdServer: HoldServer | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('\n正在停止 (stopping)…\n');
    await holdServer?.stop().catch(() => undefined);
    await reminders?.stop().catch(() => undefined);
    await publishing?.stop().catch(() => undefined);
    await api?.stop().catch(() => undefined);
    await standIns?.stop();
    removeRuntime(local.dataDir);
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  try {
    process.stdout.write('正在启动本地 DynamoDB、S3、SES (starting DynamoDB Local, S3, SES)…\n');
    // The API port is checked up front too, so a clash is reported before Java starts.
    const { ensurePortFree, API_NAME } = await import('./stand-ins.js');
    await ensurePortFree(local.NIANBAO_API_PORT, API_NAME, 'NIANBAO_API_PORT');
    standIns = await startStandIns({
      ports: { dynamodb: local.NIANBAO_DYNAMODB_PORT, s3: local.NIANBAO_S3_PORT, ses: local.NIANBAO_SES_PORT },
      dataDir: local.dataDir,
      buckets: [bucket],
      privateBucket: local.NIANBAO_PRIVATE_BUCKET,
      // Java died and could not be brought back: say so and stop, rather than run without a database.
      onFatal: (error) => {
        process.stderr.write(`\n${error.message}\n`);
        void stop(1);
      },
    });
    // The entry points get the stand-ins' endpoints explicitly (on Lambda the stack's environment).
    const cfg = useSettings(
      withSettings(local, {
        NIANBAO_DYNAMODB_ENDPOINT: standIns.dynamodb.endpoint,
        NIANBAO_S3_ENDPOINT: standIns.s3.endpoint,
        NIANBAO_SES_ENDPOINT: standIns.ses.endpoint,
        NIANBAO_PUBLIC_URL: process.env.NIANBAO_PUBLIC_URL ?? apiUrl,
      }),
    );
    const { ensureTable } = await import('../functions/adapters/dynamodb-table.js');
    const { createDynamoDbClient } = await import('../functions/adapters/dynamodb-filing-store.js');
    const client = createDynamoDbClient(cfg);
    const created = await ensureTable(client, cfg.NIANBAO_TABLE);
    client.destroy();

    const { startApiServer } = await import('./api-server.js');
    // siteBase: the form links a published report to the site port, not its own origin.
    api = await startApiServer({ port: local.NIANBAO_API_PORT, host, siteBase: `http://${host}:${local.NIANBAO_SITE_PORT}` });
    // `nianbao backup` asks here for the table's writes and the publisher to keep still (hold-control.ts).
    const dynamodb = standIns.dynamodb;
    holdServer = await startHoldServer({
      writes: () => dynamodb.holdWrites(),
      publishing: () => (publishing ? publishing.hold() : Promise.reject(new Error('发布尚未启动，请稍后重试'))),
    });
    writeRuntime(local.dataDir, {
      controlUrl: holdServer.url,
      pid: process.pid,
      startedAt: new Date().toISOString(),
      apiUrl: api.url,
      dynamodbEndpoint: standIns.dynamodb.endpoint,
      s3Endpoint: standIns.s3.endpoint,
      sesEndpoint: standIns.ses.endpoint,
      table: cfg.NIANBAO_TABLE,
      bucket: cfg.NIANBAO_SITE_BUCKET,
    });

    // Publishing (issue 4): stream pump → publish handler → bucket, served on the site port.
    const { startPublishing } = await import('./publishing.js');
    publishing = await startPublishing({
      dynamodbEndpoint: standIns.dynamodb.endpoint,
      s3Endpoint: standIns.s3.endpoint,
      table: cfg.NIANBAO_TABLE,
      bucket: cfg.NIANBAO_SITE_BUCKET,
      sitePort: local.NIANBAO_SITE_PORT,
      host,
      dataDir: local.dataDir,
      regions: [{ code: DEMO_REGION, name: DEMO_REGION_NAME }],
    });

    const { runtime } = await import('../functions/handlers/compose/http.js');
    const { store, clock, signIn } = runtime();
    let seeded = false;
    if (!(await isSeeded(store))) {
      await seedDemoCounty(store, clock);
      seeded = true;
    }
    const { DEMO_CONTACTS, demoAddressLines, registerDemoReviewers } = await import('./seed/demo-reviewers.js');
    // Each start (an older data folder too): the demo reviewer signs in by e-mail code on /review/.
    await registerDemoReviewers(signIn);
    // Agencies registered before sign-in existed get their address items (idempotent).
    await signIn.repairRegistrations();
    const links = await demoSignIns(local.dataDir, cfg.NIANBAO_PUBLIC_URL, cfg.NIANBAO_TOKEN_DAYS);

    // Reminders (issue 6): failed-check e-mails from the stream, the daily 09:00 pass (after the seed, so
    // a catch-up pass at start sees the demo agencies).
    const { startReminders } = await import('./reminders.js');
    reminders = await startReminders({
      dynamodbEndpoint: standIns.dynamodb.endpoint,
      sesEndpoint: standIns.ses.endpoint,
      table: cfg.NIANBAO_TABLE,
      dataDir: local.dataDir,
      regions: [DEMO_CONTACTS],
    });

    const lines = [
      '',
      `nianbao 本地运行中 (running)   数据目录 (data): ${local.dataDir}${created === 'created' ? '（新建 new）' : created === 'migrated' ? '（索引已按新版重建 indexes rebuilt）' : ''}`,
      `  API            ${api.url}/api/health`,
      `  DynamoDB Local ${standIns.dynamodb.endpoint}   表 (table) ${cfg.NIANBAO_TABLE}`,
      `  S3 (s3rver)    ${standIns.s3.endpoint}   桶 (bucket) ${cfg.NIANBAO_SITE_BUCKET}`,
      `  SES 邮件查看    ${standIns.ses.endpoint}/   (mail viewer; GET /store lists mail)`,
      `  公开网站 (site) ${publishing.siteUrl}/   (${DEMO_REGION_NAME}: ${publishing.siteUrl}/${DEMO_REGION}/${DEMO_YEAR - 1}/)`,
      `  提醒 (reminders) 每天 09:00（北京时间）下次 next ${reminders.schedule.next.toISOString()}；nianbao remind --dry-run`,
      '',
      `示范数据 (demo): ${DEMO_REGION_NAME} ${DEMO_REGION}，填报 ${DEMO_YEAR} 年度，${DEMO_YEAR - 1} 年度已提交${seeded ? '（刚刚写入 just seeded）' : ''}`,
      '登录链接 (sign-in links; new ones each start, the previous start\'s are revoked):',
      ...links.map((l) => `  ${l.label.padEnd(14, '　')} ${l.url}`),
      '',
      `邮箱验证码登录 (e-mail code sign-in): ${api.url}/file/ 或 /review/，验证码在 SES 邮件查看 ${standIns.ses.endpoint}/`,
      ...demoAddressLines(),
      '',
      `例 (try): curl -H "Authorization: Bearer ${links[0]?.token ?? 'TOKEN'}" ${api.url}/api/filings/${DEMO_YEAR}`,
      '按 Ctrl-C 停止 (Ctrl-C stops everything).',
      '',
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  } catch (error) {
    if (error instanceof StandInError) process.stderr.write(`\n${error.message}\n`);
    else process.stderr.write(`\n启动失败 (start failed): ${(error as Error).stack ?? String(error)}\n`);
    await stop(1);
  }
}

/** A fresh token per demo agency and one for the reviewer; the previous start's are revoked. */
async function demoSignIns(dataDir: string, publicUrl: string, days: number) {
  const { runtime } = await import('../functions/handlers/compose/http.js');
  const { createToken, revokeToken } = await import('../functions/services/tokens.js');
  const { store, clock } = runtime();
  const file = path.join(dataDir, 'demo-tokens.json');
  if (existsSync(file)) {
    for (const hash of JSON.parse(readFileSync(file, 'utf8')) as string[]) await revokeToken(store, clock, hash);
  }
  const settings = { publicUrl, days };
  const links: { label: string; url: string; token: string }[] = [];
  const { hashToken } = await import('../functions/services/tokens.js');
  for (const agency of DEMO_AGENCIES) {
    const t = await createToken(store, clock, settings, { agencyId: agency.id });
    links.push({ label: agency.name, url: t.url, token: t.token });
  }
  const reviewer = await createToken(store, clock, settings, { region: DEMO_REGION });
  links.push({ label: `主管部门审核页 ${DEMO_REGION}`, url: reviewer.url, token: reviewer.token });
  // Only hashes go to disk, like the table.
  writeFileSync(file, JSON.stringify(links.map((l) => hashToken(l.token))));
  return links;
}

await main();
