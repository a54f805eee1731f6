/**
 * `nianbao site rebuild`: rewrites every object of the public site from the table (and so
 * repairs every failed publish); `nianbao site repair`: publishes every accepted filing whose
 * newest revision has no page yet (found in the table, whatever became of its stream record),
 * with no grace period: the office asked for it now. Both then write the region-year workbooks
 * (all-reports.xlsx: rebuild all of them, repair those behind) and the search index (rebuild
 * always, repair when something was published since its last build). Both find DynamoDB as the other commands do (local-store.ts) and the bucket
 * the same way: NIANBAO_S3_ENDPOINT, else a running `npm start`, else s3rver on the data folder.
 */
import { UsageError, type Command } from './command.js';
import { withS3Endpoint, withStore } from './local-store.js';
import { progressBar } from './progress.js';
import { publishDepsFor, searchIndexDeps } from '../../functions/handlers/compose/publish.js';
import { refreshSearchIndex } from '../../functions/services/search-index.js';
import { rebuildSite, repairPublishFailures } from '../../functions/services/publishing.js';
import { refreshRegionWorkbooks } from '../../functions/services/region-workbooks.js';
import { localConfig } from '../local-config.js';
import { HELP } from './usage.js';

export const siteCommand: Command = {
  words: ['site'],
  usage: HELP.site,
  async run(args) {
    const action = args[0];
    if ((action !== 'rebuild' && action !== 'repair') || args.length > 1) throw new UsageError('', `用法：nianbao ${HELP.site}`);
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
          const books = await refreshRegionWorkbooks(deps, { limit: Number.POSITIVE_INFINITY });
          process.stdout.write(`汇编工作簿 ${books.written.length} 个\n`);
          const index = await refreshSearchIndex(searchIndexDeps(deps));
          if (index.built) process.stdout.write(`搜索索引已更新：${index.reports} 份报告\n`);
          await searchIndexDeps(deps).indexer.close?.();
          return result.stillFailing.length === 0 ? 0 : 1;
        }
        const started = Date.now();
        const result = await rebuildSite(deps, progressBar());
        // Every region-year's workbook too (all-reports.xlsx), whatever it was written at.
        const books = await refreshRegionWorkbooks(deps, { limit: Number.POSITIVE_INFINITY, all: true });
        const search = searchIndexDeps(deps);
        const index = await refreshSearchIndex(search, { force: true });
        await search.indexer.close?.();
        process.stdout.write(
          `已重新生成公开网站：${result.reports} 份报告，${result.objects} 个对象，${(result.bytes / 1e6).toFixed(1)} MB，` +
            `${((Date.now() - started) / 1000).toFixed(1)} 秒${result.newlyPublished ? `；新发布 ${result.newlyPublished} 个版本` : ''}；汇编工作簿 ${books.written.length} 个；搜索索引 ${index.reports} 份报告\n`,
        );
        return 0;
      }),
    );
  },
};
