/** Where a message that kept failing waits for a human: encrypted, TLS only, kept 14 days. */
import { Duration } from 'aws-cdk-lib';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag.js';

export interface DeadLetterQueueProps {
  /** @default 14 days (the SQS maximum) */
  retentionPeriod?: Duration;
}

export class DeadLetterQueue extends Construct {
  readonly queue: Queue;

  constructor(scope: Construct, id: string, props: DeadLetterQueueProps = {}) {
    super(scope, id);
    this.queue = new Queue(this, 'Queue', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: props.retentionPeriod ?? Duration.days(14),
    });
    acknowledgeNag(this.queue, 'SQS3', 'this queue is itself a dead-letter destination (of an event source mapping or schedule, not a redrive policy, so cdk-nag cannot see it)');
  }
}
