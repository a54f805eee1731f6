/**
 * EventBridge Scheduler target, every 5 minutes: the repair pass (services/publishing.ts
 * repairPublishFailures). It publishes every accepted filing the table lists without its page for
 * longer than the grace period, whatever happened to its stream record, so the publish stream's
 * on-failure queue needs no reader: its messages (which carry only shard positions, not the
 * records) stay for diagnosis, and its alarm stays. Publishes the backlog it found as the
 * `UnpublishedBacklog` metric: the alarm fires when it stays above zero (docs/deploy.md).
 */
import { repairPublishFailures, type PublishDeps, type RepairResult } from '../services/publishing.js';
import { publishRuntime } from './compose/publish.js';
import { count, flushMetrics, logger } from './observability.js';

export function createRepairHandler(deps: () => PublishDeps) {
  return async (): Promise<Omit<RepairResult, 'stillFailing'> & { stillFailing: number }> => {
    const started = Date.now();
    try {
      const result = await repairPublishFailures(deps());
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
        latencyMs: Date.now() - started,
      });
      return { ...result, stillFailing: result.stillFailing.length };
    } finally {
      flushMetrics();
    }
  };
}

export const handler = createRepairHandler(publishRuntime);
