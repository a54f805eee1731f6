/**
 * `nianbao backup FILE`: the table and the public site in one file (local/backup/), while
 * `npm start` runs or not. With a runtime running, it holds the table's writes for the scan and
 * rests the publisher for the copy (write-backup.ts says why that is consistent).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createDynamoDbClient } from '../../functions/adapters/dynamodb-filing-store.js';
import { createS3Client } from '../../functions/adapters/s3-site-bucket.js';
import { writeBackup } from '../backup/write-backup.js';
import { holdRemotely } from '../hold-control.js';
import { localConfig } from '../local-config.js';
import { readRuntime } from '../runtime-file.js';
import { CliError, UsageError, type Command } from './command.js';
import { withS3Endpoint, withStore } from './local-store.js';
import { progressBar } from './progress.js';
import { HELP } from './usage.js';

/** On AWS the managed services keep the backups (docs/deploy.md, Backups). */
export const AWS_BACKUPS = 'AWS 上的数据由 DynamoDB 时间点恢复（PITR）和 S3 版本控制备份，请按 docs/deploy.md 的“备份”一节操作；本命令只用于本地数据目录。';

export const backupCommand: Command = {
  words: ['backup'],
  usage: HELP.backup,
  async run(args) {
    if (args.length !== 1 || args[0]!.startsWith('--')) throw new UsageError('', `用法：nianbao ${HELP.backup}`);
    if (process.env.NIANBAO_TARGET === 'aws') throw new CliError(AWS_BACKUPS, 2);
    const file = path.resolve(args[0]!);
    if (existsSync(file)) throw new CliError(`${file} 已存在：请换一个文件名（备份不覆盖已有文件）。`, 2);
    if (!existsSync(path.dirname(file))) throw new CliError(`目录 ${path.dirname(file)} 不存在：请先创建它，或换一个位置。`, 2);
    const local = localConfig();
    const running = readRuntime(local.dataDir);
    if (running && !running.controlUrl) {
      throw new CliError('正在运行的 npm start 是旧版本，不支持边运行边备份：请在它的终端按 Ctrl-C 停止并重新运行 npm start，然后再备份。');
    }
    if (!running && !process.env.NIANBAO_DYNAMODB_ENDPOINT && !existsSync(path.join(local.dataDir, 'dynamodb'))) {
      throw new CliError(`数据目录 ${local.dataDir} 里没有数据：请确认 NIANBAO_DATA_DIR 指向要备份的数据目录。`);
    }
    const controlUrl = running?.controlUrl;
    const started = Date.now();
    const summary = await withStore(async ({ config }) =>
      withS3Endpoint(config.NIANBAO_SITE_BUCKET, async (endpoint) => {
        const dynamodb = createDynamoDbClient(config);
        const s3 = createS3Client({ ...config, NIANBAO_S3_ENDPOINT: endpoint });
        try {
          process.stderr.write(controlUrl ? `npm start 正在运行：读数据表时暂停写入，复制网站时暂停发布（进程 ${running!.pid}）\n` : '');
          return await writeBackup(
            {
              dynamodb,
              table: config.NIANBAO_TABLE,
              s3,
              bucket: config.NIANBAO_SITE_BUCKET,
              dataDir: local.dataDir,
              ...(controlUrl ? { hold: (kind) => holdRemotely(controlUrl, kind) } : {}),
            },
            file,
            { table: (items) => process.stderr.write(`数据表：已读 ${items} 项\n`), site: progressBar(process.stderr, '网站：') },
          );
        } finally {
          dynamodb.destroy();
          s3.destroy();
        }
      }),
    );
    process.stdout.write(
      `已备份到 ${file}：数据表 ${summary.items} 项，网站 ${summary.objects} 个对象，${(summary.bytes / 1e6).toFixed(1)} MB，` +
        `${((Date.now() - started) / 1000).toFixed(1)} 秒${controlUrl ? `（写入暂停 ${summary.writesHeldMs} 毫秒）` : ''}\n`,
    );
    return 0;
  },
};
