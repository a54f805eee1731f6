/**
 * The one partial-batch loop of the stream consumers (publisher, notifier): records in order,
 * each selected and handled; at the first failure the batch stops and reports that record, so
 * the event source mapping (ReportBatchItemFailures) redelivers it and everything after it.
 *
 * Why not Powertools' BatchProcessor: it handles every record of a batch (concurrently unless
 * told otherwise) and reports all failures; for a stream the mapping resumes from the lowest
 * failed sequence number anyway, so the records after a failure would be handled twice in a
 * row and out of order with the retried one. Stopping at the first failure keeps each
 * agency-year's revisions published in order, in a dozen lines.
 */
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { count, flushMetrics, logger } from './observability.js';

export interface StreamConsumer<T> {
  /** what of a record concerns this consumer; undefined passes it by */
  select(record: DynamoDBRecord): T | undefined;
  handle(item: T): Promise<void>;
  /** names the item in the log line of a failure (never personal data) */
  describe(item: T): string;
}

export function streamBatchHandler<T>(consumer: StreamConsumer<T>) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const started = Date.now();
    let handled = 0;
    try {
      for (const record of event.Records) {
        let item: T | undefined;
        try {
          item = consumer.select(record);
        } catch (error) {
          // A record that cannot be read fails the same way on every delivery: retrying it
          // would hold back, and in the end drop, every record after it. It is logged (its
          // keys only) and passed by; a revision among such would be published by the repair pass.
          count('UnreadableRecords');
          logger.error('stream batch', { outcome: 'unreadable', keys: record.dynamodb?.Keys, sequence: record.dynamodb?.SequenceNumber, error: (error as Error).message });
          continue;
        }
        if (item === undefined) continue;
        try {
          await consumer.handle(item);
          handled++;
        } catch (error) {
          console.error(`${consumer.describe(item)} failed, will be retried: ${(error as Error).message}`);
          logger.warn('stream batch', { outcome: 'retry', failed: consumer.describe(item), handled, records: event.Records.length, error: (error as Error).message, latencyMs: Date.now() - started });
          return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
        }
      }
      logger.info('stream batch', { outcome: 'ok', handled, records: event.Records.length, latencyMs: Date.now() - started });
      return { batchItemFailures: [] };
    } finally {
      flushMetrics();
    }
  };
}
