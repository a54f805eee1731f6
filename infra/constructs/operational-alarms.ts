/**
 * Alarms a small office can act on: anything in a dead-letter queue, any function error, any
 * throttle. Each notifies the alarm topic (subscribe e-mail addresses via the stage config).
 */
import { Duration } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, TreatMissingData, type IMetric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';

export interface OperationalAlarmsProps {
  /** the alarm topic's KMS key; its policy must let CloudWatch use it */
  key: IKey;
  functions: Readonly<Record<string, IFunction>>;
  deadLetterQueues: Readonly<Record<string, IQueue>>;
  /** @default none */
  emails?: readonly string[];
  /** @default 5 minutes */
  period?: Duration;
  /**
   * Alarms on a metric staying at or above 1 for `periods` periods in a row (e.g. the repair
   * pass's `UnpublishedBacklog`: accepted revisions without a page past the grace period).
   */
  sustained?: readonly { id: string; metric: IMetric; periods: number; description: string }[];
}

export class OperationalAlarms extends Construct {
  readonly topic: Topic;
  readonly alarms: Alarm[] = [];

  constructor(scope: Construct, id: string, props: OperationalAlarmsProps) {
    super(scope, id);
    const period = props.period ?? Duration.minutes(5);
    this.topic = new Topic(this, 'Topic', { displayName: 'nianbao alarms', masterKey: props.key, enforceSSL: true });
    for (const email of props.emails ?? []) this.topic.addSubscription(new EmailSubscription(email));
    const action = new SnsAction(this.topic);

    const alarm = (alarmId: string, metric: IMetric, description: string, periods = 1) => {
      const created = new Alarm(this, alarmId, {
        metric,
        threshold: 1,
        evaluationPeriods: periods,
        datapointsToAlarm: periods,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        // No traffic is normal for a service busy one month a year.
        treatMissingData: TreatMissingData.NOT_BREACHING,
        alarmDescription: description,
      });
      created.addAlarmAction(action);
      this.alarms.push(created);
    };

    for (const [name, queue] of Object.entries(props.deadLetterQueues)) {
      alarm(`${name}DeadLetters`, queue.metricApproximateNumberOfMessagesVisible({ period, statistic: 'Maximum' }), `messages waiting in the ${name} dead-letter queue`);
    }
    for (const [name, fn] of Object.entries(props.functions)) {
      alarm(`${name}Errors`, fn.metricErrors({ period, statistic: 'Sum' }), `${name} function errors`);
      alarm(`${name}Throttles`, fn.metricThrottles({ period, statistic: 'Sum' }), `${name} function throttled`);
    }
    for (const s of props.sustained ?? []) alarm(s.id, s.metric, s.description, s.periods);
  }
}
