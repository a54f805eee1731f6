/**
 * `nianbao restore FILE`: a backup (backup-command.ts) into an empty or absent data folder
 * (NIANBAO_DATA_DIR), never over data and never under a running runtime. It loads into a
 * sibling folder with its own DynamoDB Local and s3rver, publishes what the backup caught
 * accepted but unpublished, and only then moves the folder into place: a failed restore leaves
 * no half-filled data folder behind.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { readSettings } from '../../functions/settings.js';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { enableStream } from '../../functions/adapters/dynamodb-table.js';
import { createS3Client } from '../../functions/adapters/s3-site-bucket.js';
import { publishDepsFor } from '../../functions/handlers/compose/publish.js';
import { repairPublishFailures } from '../../functions/services/publishing.js';
import { restoreBackup } from '../backup/restore-backup.js';
import { localConfig } from '../local-config.js';
import { readRuntime } from '../runtime-file.js';
import { freePort, startDynamoDbLocal, startS3Local } from '../stand-ins.js';
import { AWS_BACKUPS } from './backup-command.js';
import { CliError, UsageError, type Command } from './command.js';
import { progressBar } from './progress.js';
import { HELP } from './usage.js';

export const restoreCommand: Command = {
  words: ['restore'],
  usage: HELP.restore,
  async run(args) {
    if (args.length !== 1 || args[0]!.startsWith('--')) throw new UsageError('', `用法：nianbao ${HELP.restore}`);
    if (process.env.NIANBAO_TARGET === 'aws') throw new CliError(AWS_BACKUPS, 2);
    if (process.env.NIANBAO_DYNAMODB_ENDPOINT || process.env.NIANBAO_S3_ENDPOINT) {
      throw new CliError('恢复只写入本地数据目录：请去掉 NIANBAO_DYNAMODB_ENDPOINT 和 NIANBAO_S3_ENDPOINT，用 NIANBAO_DATA_DIR 指定目标目录后重试。', 2);
    }
    const file = path.resolve(args[0]!);
    if (!existsSync(file) || !statSync(file).isFile()) throw new CliError(`找不到备份文件 ${file}。`, 2);
    const local = localConfig();
    const dataDir = local.dataDir;
    const running = readRuntime(dataDir);
    if (running) {
      throw new CliError(
        `nianbao 正在数据目录 ${dataDir} 上运行（进程 ${running.pid}）：恢复不能写入正在使用的数据目录。请设置 NIANBAO_DATA_DIR=<一个新的空目录> 后重试，或先在它的终端按 Ctrl-C 停止它并换一个空目录。`,
      );
    }
    if (existsSync(dataDir) && (!statSync(dataDir).isDirectory() || readdirSync(dataDir).length > 0)) {
      throw new CliError(`数据目录 ${dataDir} 不是空的：恢复只写入空的或不存在的数据目录，以免覆盖现有数据。请设置 NIANBAO_DATA_DIR=<一个新的空目录> 后重试。`);
    }
    const staging = `${dataDir}.restoring-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    mkdirSync(staging, { recursive: true });
    const started = Date.now();
    let stops: (() => Promise<void>)[] = [];
    try {
      process.stderr.write(`正在启动本地 DynamoDB 和 S3（${staging}）…\n`);
      const dynamodbLocal = await startDynamoDbLocal({ port: await freePort(), dbPath: path.join(staging, 'dynamodb') });
      stops.push(dynamodbLocal.stop);
      const s3Local = await startS3Local({ port: await freePort(), directory: path.join(staging, 's3'), buckets: [local.NIANBAO_SITE_BUCKET] });
      stops.push(s3Local.stop);
      const cfg = readSettings({ ...process.env, NIANBAO_DYNAMODB_ENDPOINT: dynamodbLocal.endpoint, NIANBAO_S3_ENDPOINT: s3Local.endpoint });
      const dynamodb = createDynamoDbClient(cfg);
      const s3 = createS3Client(cfg);
      stops.push(async () => {
        dynamodb.destroy();
        s3.destroy();
      });
      const site = progressBar(process.stderr, '网站：');
      const manifest = await restoreBackup(
        file,
        { dynamodb, table: cfg.NIANBAO_TABLE, s3, bucket: cfg.NIANBAO_SITE_BUCKET, dataDir: staging },
        { table: (items, total) => process.stderr.write(`数据表：已写入 ${items}/${total} 项\n`), site },
      );
      // Accepted revisions the backup caught before their page was written: published now.
      const siteUrl = process.env.NIANBAO_SITE_URL ?? `http://127.0.0.1:${local.NIANBAO_SITE_PORT}`;
      const repair = await repairPublishFailures(publishDepsFor(cfg, siteUrl), { graceMs: 0, limit: Number.POSITIVE_INFINITY });
      for (const t of repair.stillFailing) process.stderr.write(`未能发布 ${t.agencyId} ${t.year} 第${t.revision}版：${t.error}\n`);
      // Only now the stream: what the runtime's publisher and notifier read starts after the restore.
      await enableStream(dynamodb, cfg.NIANBAO_TABLE);
      for (const stop of stops.reverse()) await stop();
      stops = [];
      if (existsSync(dataDir)) rmdirSync(dataDir);
      renameSync(staging, dataDir);
      process.stdout.write(
        `已恢复到 ${dataDir}：数据表 ${manifest.items} 项，网站 ${manifest.objects} 个对象（备份于 ${manifest.createdAt}）` +
          `${repair.repaired.length ? `，补发布 ${repair.repaired.length} 份报告` : ''}，${((Date.now() - started) / 1000).toFixed(1)} 秒。运行 npm start 即可使用。\n`,
      );
      return repair.stillFailing.length === 0 ? 0 : 1;
    } catch (error) {
      for (const stop of stops.reverse()) await stop().catch(() => undefined);
      rmSync(staging, { recursive: true, force: true });
      throw error;
    }
  },
};
