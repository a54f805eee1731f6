/**
 * An EventBridge Scheduler schedule that invokes a Lambda once a day at a local time (or at the
 * `expression` given, e.g. every 5 minutes for the repair pass), with retries and a dead-letter
 * queue. The reminder pass runs at 09:00 Asia/Shanghai
 * (functions/domain/reminders/deadline-policy.ts); running it twice is harmless (it records
 * each reminder before sending).
 */
import { CfnElement, Duration, Stack, TimeZone } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag.js';

export interface DailyScheduleProps {
  fn: IFunction;
  deadLetterQueue: IQueue;
  /** @default 9 */
  hour?: number;
  /** @default 0 */
  minute?: number;
  /** @default TimeZone.ASIA_SHANGHAI */
  timeZone?: TimeZone;
  /** @default 3 */
  retryAttempts?: number;
  /** instead of the daily time: e.g. `ScheduleExpression.rate(Duration.minutes(5))` */
  expression?: ScheduleExpression;
  /** how long a missed invocation is still worth running. @default 6 hours */
  maxEventAge?: Duration;
  description?: string;
}

export class DailySchedule extends Construct {
  readonly schedule: Schedule;

  constructor(scope: Construct, id: string, props: DailyScheduleProps) {
    super(scope, id);
    // Our own role (not CDK's shared one at stack level), so its findings are acknowledged here.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('scheduler.amazonaws.com') });
    this.schedule = new Schedule(this, 'Schedule', {
      description: props.description ?? 'nianbao daily pass',
      schedule:
        props.expression ??
        ScheduleExpression.cron({
          minute: String(props.minute ?? 0),
          hour: String(props.hour ?? 9),
          timeZone: props.timeZone ?? TimeZone.ASIA_SHANGHAI,
        }),
      target: new LambdaInvoke(props.fn, {
        role,
        retryAttempts: props.retryAttempts ?? 3,
        // A pass that cannot start within hours is better skipped: tomorrow's pass covers it.
        maxEventAge: props.maxEventAge ?? Duration.hours(6),
        deadLetterQueue: props.deadLetterQueue,
      }),
    });
    const fnResource = props.fn.node.defaultChild;
    if (fnResource instanceof CfnElement) {
      acknowledgeNag(role, `IAM5[Resource::<${Stack.of(fnResource).getLogicalId(fnResource)}.Arn>:*]`, 'CDK’s invoke grant also covers the function’s versions and aliases (`:*`); only this one function');
    }
  }
}
