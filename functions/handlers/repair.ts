/**
 * EventBridge Scheduler target, every 5 minutes: the repair pass (services/publishing.ts
 * repairPublishFailures). It publishes every accepted filing the table lists without its page for
 * longer than the grace period, whatever happened to its stream record, so the publish stream's
 * on-failure queue needs no reader: its messages (which carry only shard positions, not the
 * records) stay for diagnosis, and its alarm stays. Publishes the backlog it found as the
 * `UnpublishedBacklog` metric: the alarm fires when it stays above zero (docs/deploy.md).
 * Then it writes the region-year workbooks that fell behind (services/region-workbooks.ts), and
 * rebuilds the search index when anything was published since it was built (services/search-index.ts).
 */
import { repairPublishFailures, type PublishDeps, type RepairResult } from '../services/publishing.js';
import { refreshRegionWorkbooks } from '../services/region-workbooks.js';
import { refreshSearchIndex, type SearchIndexDeps } from '../services/search-index.js';
import { publishRuntime, searchIndexDeps } from './compose/publish.js';
import { count, flushMetrics, logger } from './observability.js';

export function createRepairHandler(deps: () => PublishDeps, search?: () => SearchIndexDeps) {
  return async (): Promise<Omit<RepairResult, 'stillFailing'> & { stillFailing: number }> => {
    const started = Date.now();
    try {
      const result = await repairPublishFailures(deps());
      // Then the region-year workbooks (all-reports.xlsx) whose publications moved since written.
      const workbooks = await refreshRegionWorkbooks(deps());
      for (const w of workbooks.written) logger.info('workbook written', { region: w.region, year: w.year, reports: w.reports });
      // Then the search index, rebuilt whole when anything was published since its last build.
      const indexStarted = Date.now();
      const index = search ? await refreshSearchIndex(search()) : undefined;
      if (index?.built) logger.info('search index built', { ...index, latencyMs: Date.now() - indexStarted });
      count('UnpublishedBacklog', result.backlog);
      count('Repaired', result.repaired.length);
      count('PublishFailures', result.stillFailing.length);
      for (const t of result.repaired) logger.info('publish repaired', { agencyId: t.agencyId, year: t.year, revision: t.revision });
      for (const t of result.stillFailing) logger.error('publish still failing', { agencyId: t.agencyId, year: t.year, revision: t.revision, error: t.error });
      logger.info('repair pass', {
        outcome: result.stillFailing.length ? 'failing' : 'ok',
        backlog: result.backlog,
        repaired: result.repaired.length,
        stillFailing: result.stillFailing.length,
        deferred: result.deferred,
        workbooks: workbooks.written.length,
        workbooksDeferred: workbooks.deferred,
        latencyMs: Date.now() - started,
      });
      return { ...result, stillFailing: result.stillFailing.length };
    } finally {
      flushMetrics();
    }
  };
}

export const handler = createRepairHandler(publishRuntime, () => searchIndexDeps(publishRuntime()));
