/**
 * The table's stream → the public site. On AWS an event source mapping with
 * ReportBatchItemFailures delivers batches; locally local/stream-pump.ts builds the same event.
 * A revision's INSERT is an accepted submission or amendment, unless its region requires review
 * (`review: required`): then the MODIFY that adds `approvedAt` (the reviewer's approval) is what
 * publishes it. A stamped copy (盖章件) confirmed for a revision already published is a MODIFY
 * of that revision's item too (`stampedCopy` set or replaced, in the confirmation's
 * transaction): it republishes through the same path, so that a region publishing stamped
 * copies gets the file and the page's link with no second writer of the site. A copy confirmed
 * before the revision's publish needs nothing: the publish reads it from the revision. Everything
 * else (including this handler's own writes, which never touch `stampedCopy`) passes by.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { revisionChange } from '../adapters/stream-items.js';
import { publishesOn, publishOrRecordFailure, publishStampedCopyChange, type PublishDeps } from '../services/publishing.js';
import type { PublishTarget } from '../services/site-ports.js';
import { publishRuntime } from './compose/publish.js';
import { streamBatchHandler } from './stream-batch.js';
import { count, logger } from './observability.js';

export function publishTarget(record: DynamoDBRecord): PublishTarget | undefined {
  const change = revisionChange(record);
  if (!change) return undefined;
  const { item, kind, before } = change;
  const approvedNow = item.approvedAt !== undefined && before?.approvedAt === undefined;
  const target = { agencyId: item.agencyId, year: item.year, revision: item.revision };
  if (publishesOn({ kind, review: item.review, approvedNow })) return target;
  const stampedBefore = (before?.stampedCopy as { uploadedAt?: unknown } | undefined)?.uploadedAt;
  const stampedNow = kind === 'MODIFY' && item.stampedCopy !== undefined && item.stampedCopy.uploadedAt !== stampedBefore;
  return stampedNow && item.publishedAt !== undefined ? { ...target, stampedCopy: true } : undefined;
}

export function createPublishHandler(deps: () => PublishDeps) {
  return streamBatchHandler({
    select: publishTarget,
    async handle(target) {
      let outcome;
      try {
        outcome = target.stampedCopy ? await publishStampedCopyChange(deps(), target) : await publishOrRecordFailure(deps(), target);
      } catch (error) {
        count('PublishFailures');
        throw error;
      }
      if (!outcome) return; // a stamped copy in a region that keeps them private
      if (outcome.kind === 'failed') {
        count('PublishFailures');
        console.error(`publish_failed ${target.agencyId} ${target.year} r${target.revision} after ${outcome.attempts} attempts: ${outcome.error}`);
        logger.error('publish', { outcome: 'publish_failed', ...target, attempts: outcome.attempts, error: outcome.error });
      } else {
        count('Publishes');
        logger.info('publish', { outcome: 'published', ...target, objects: outcome.result.keys.length, rounds: outcome.result.rounds });
      }
    },
    describe: (t) => `publish of ${t.agencyId} ${t.year} r${t.revision}`,
  });
}

export const handler = createPublishHandler(publishRuntime);
