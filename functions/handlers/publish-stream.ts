/**
 * The table's stream → the public site. On AWS an event source mapping with
 * ReportBatchItemFailures delivers batches; locally local/stream-pump.ts builds the same event.
 * A revision's INSERT is an accepted submission or amendment, unless its region requires review
 * (`review: required`): then the MODIFY that adds `approvedAt` (the reviewer's approval) is what
 * publishes it. Everything else (including this handler's own writes) passes by.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { publishOrRecordFailure, type PublishDeps } from '../services/publishing.js';
import type { PublishTarget } from '../services/site-ports.js';
import { publishRuntime } from './compose/publish.js';

export function publishTarget(record: DynamoDBRecord): PublishTarget | undefined {
  const image = record.dynamodb?.NewImage;
  if (image?.type?.S !== 'revision') return undefined;
  const gated = image.review?.S === 'required';
  const approval = record.eventName === 'MODIFY' && image.approvedAt?.S !== undefined && record.dynamodb?.OldImage?.approvedAt === undefined;
  if (!(record.eventName === 'INSERT' && !gated) && !approval) return undefined;
  const agencyId = image.agencyId?.S;
  const year = Number(image.year?.N);
  const revision = Number(image.revision?.N);
  if (!agencyId || !Number.isInteger(year) || !Number.isInteger(revision)) return undefined;
  return { agencyId, year, revision };
}

export function createPublishHandler(deps: () => PublishDeps) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    for (const record of event.Records) {
      const target = publishTarget(record);
      if (!target) continue;
      try {
        const outcome = await publishOrRecordFailure(deps(), target);
        if (outcome.kind === 'failed') {
          console.error(`publish_failed ${target.agencyId} ${target.year} r${target.revision} after ${outcome.attempts} attempts: ${outcome.error}`);
        }
      } catch (error) {
        console.error(`publish of ${target.agencyId} ${target.year} r${target.revision} failed, will be retried:`, (error as Error).message);
        // The mapping resumes from the first failure; later records come again with it.
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
    }
    return { batchItemFailures: [] };
  };
}

export const handler = createPublishHandler(publishRuntime);
