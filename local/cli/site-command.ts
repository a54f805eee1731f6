/**
 * `nianbao site rebuild`: rewrites every object of the public site from the table (and so
 * repairs every failed publish); `nianbao site repair`: publishes every accepted filing whose
 * newest revision has no page yet (found in the table, whatever became of its stream record),
 * with no grace period: the office asked for it now. Both find DynamoDB as the other commands do (local-store.ts) and the bucket
 * the same way: NIANBAO_S3_ENDPOINT, else a running `npm start`, else s3rver on the data folder.
 */
import path from 'node:path';
import { UsageError, type Command } from './command.js';
import { withStore } from './local-store.js';
import { publishDepsFor } from '../../functions/handlers/compose/publish.js';
import { rebuildSite, repairPublishFailures, type RebuildProgress } from '../../functions/services/publishing.js';
import { localConfig } from '../local-config.js';
import { readRuntime } from '../runtime-file.js';
import { freePort, startS3Local } from '../stand-ins.js';

const USAGE = 'site rebuild|repair               重新生成整个公开网站 / 发布已受理但尚未公开的报告';

/** A progress bar on a terminal; a line per 10% otherwise (CI logs). */
export function progressBar(out: NodeJS.WriteStream = process.stderr): (p: RebuildProgress) => void {
  const started = Date.now();
  let lastDecile = -1;
  return ({ written, total }) => {
    const ratio = total > 0 ? Math.min(1, written / total) : 1;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    if (out.isTTY) {
      const width = 30;
      const filled = Math.round(ratio * width);
      out.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${written}/${total} ${Math.floor(ratio * 100)}% ${seconds}s`);
      if (written >= total) out.write('\n');
    } else {
      const decile = Math.floor(ratio * 10);
      if (decile > lastDecile) {
        lastDecile = decile;
        out.write(`${written}/${total} ${decile * 10}% ${seconds}s\n`);
      }
    }
  };
}

async function withS3Endpoint<T>(bucket: string, run: (endpoint: string | undefined) => Promise<T>): Promise<T> {
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

export const siteCommand: Command = {
  words: ['site'],
  usage: USAGE,
  async run(args) {
    const action = args[0];
    if ((action !== 'rebuild' && action !== 'repair') || args.length > 1) throw new UsageError('', `用法：nianbao ${USAGE}`);
    return withStore(async ({ config }) =>
      withS3Endpoint(config.NIANBAO_SITE_BUCKET, async (endpoint) => {
        const cfg = { ...config, NIANBAO_S3_ENDPOINT: endpoint };
        const siteUrl = process.env.NIANBAO_SITE_URL ?? `http://127.0.0.1:${localConfig().NIANBAO_SITE_PORT}`;
        const deps = publishDepsFor(cfg, siteUrl);
        if (action === 'repair') {
          // A publish racing the runtime's own publisher is safe (publishRevision), so no grace period.
          const result = await repairPublishFailures(deps, { graceMs: 0, limit: Number.POSITIVE_INFINITY });
          for (const t of result.repaired) process.stdout.write(`已重新发布 ${t.agencyId} ${t.year} 第${t.revision}版\n`);
          for (const t of result.stillFailing) process.stderr.write(`仍未发布 ${t.agencyId} ${t.year} 第${t.revision}版：${t.error}\n`);
          process.stdout.write(`修复 ${result.repaired.length} 份，仍失败 ${result.stillFailing.length} 份\n`);
          return result.stillFailing.length === 0 ? 0 : 1;
        }
        const started = Date.now();
        const result = await rebuildSite(deps, progressBar());
        process.stdout.write(
          `已重新生成公开网站：${result.reports} 份报告，${result.objects} 个对象，${(result.bytes / 1e6).toFixed(1)} MB，` +
            `${((Date.now() - started) / 1000).toFixed(1)} 秒${result.newlyPublished ? `；新发布 ${result.newlyPublished} 个版本` : ''}\n`,
        );
        return 0;
      }),
    );
  },
};
