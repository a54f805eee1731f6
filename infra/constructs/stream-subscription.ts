/**
 * A Lambda reading the table's stream: partial batch responses, batch bisection on error,
 * bounded retries, and a dead-letter queue for records that still fail (nothing is lost: the
 * queue keeps the record's stream coordinates for replay or repair).
 */
import { Duration } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition, type IFunction } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface StreamSubscriptionProps {
  table: ITable;
  fn: IFunction;
  deadLetterQueue: IQueue;
  /**
   * Retries of a failing batch. @default 5 — above the publisher's own 3 attempts, so it gets to
   * record its visible `publish_failed` state before the mapping gives up.
   */
  retryAttempts?: number;
  /** @default 10 */
  batchSize?: number;
  /** records older than this go to the queue unprocessed. @default 1 day */
  maxRecordAge?: Duration;
}

export class StreamSubscription extends Construct {
  readonly source: DynamoEventSource;

  constructor(scope: Construct, id: string, props: StreamSubscriptionProps) {
    super(scope, id);
    this.source = new DynamoEventSource(props.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: props.batchSize ?? 10,
      bisectBatchOnError: true,
      reportBatchItemFailures: true,
      retryAttempts: props.retryAttempts ?? 5,
      maxRecordAge: props.maxRecordAge ?? Duration.days(1),
      onFailure: new SqsDlq(props.deadLetterQueue),
    });
    props.fn.addEventSource(this.source);
  }
}
