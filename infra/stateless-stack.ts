/**
 * Everything that can be replaced by a redeploy: the functions, the HTTP API, the distribution,
 * the stream mapping, the schedule, SES wiring, alarms and the static files.
 */
import { CfnOutput, Duration, Fn, Stack, Validations, type StackProps } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Bucket } from 'aws-cdk-lib/aws-s3';
import { LambdaSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { DailySchedule } from './constructs/daily-schedule.js';
import { DeadLetterQueue } from './constructs/dead-letter-queue.js';
import { FilingApi } from './constructs/filing-api.js';
import { HandlerFunction, type HandlerFunctionProps } from './constructs/handler-function.js';
import { copyPagefindBinary, PAGEFIND_ARCHITECTURE, PAGEFIND_BINARY_ENV, PAGEFIND_LAMBDA_PATH } from './bundling/pagefind-binary.js';
import { SEARCH_INDEX_PREFIX } from '../functions/render/site/paths.js';
import { MailEvents } from './constructs/mail-events.js';
import { NotificationKey } from './constructs/notification-key.js';
import { OperationalAlarms } from './constructs/operational-alarms.js';
import { SiteDistribution } from './constructs/site-distribution.js';
import { SiteFiles, type SiteFile } from './constructs/site-files.js';
import { StreamSubscription } from './constructs/stream-subscription.js';
import { acknowledgeNag } from './constructs/nag.js';
import { grantTable } from './constructs/table-access.js';
import { createTableInput } from '../functions/adapters/dynamodb-table.js';
import { exportName, type StatefulExport } from './stateful-stack.js';
import { pascal, presentEventHandlers, MAILING_ROUTES, PRIVATE_BUCKET_ACCESS, ROUTE_ACCESS, routeModules, type EventRole } from './handler-catalog.js';
import { customOrigin, type StageConfig } from './stage-config.js';
import { METRIC_NAMESPACE } from '../functions/handlers/observability.js';

/** How often the repair pass runs on AWS (locally: every minute, local/publishing.ts). */
export const REPAIR_EVERY_MINUTES = 5;

export interface StatelessStackProps extends StackProps {
  config: StageConfig;
  /** deployed to the site bucket (static-files.ts) */
  staticFiles: readonly SiteFile[];
  /** which event handlers exist. @default the entry files under functions/handlers/ */
  eventHandlers?: Partial<Record<EventRole, string>>;
}

export class StatelessStack extends Stack {
  readonly functions: Record<string, HandlerFunction> = {};
  readonly api: FilingApi;
  readonly site: SiteDistribution;

  constructor(scope: Construct, id: string, props: StatelessStackProps) {
    super(scope, id, props);
    const { config } = props;
    // Imported through the stateful stack's named exports; the site bucket's policy stays there.
    const imported = (key: StatefulExport) => Fn.importValue(exportName(config.prefix, key));
    const table = Table.fromTableAttributes(this, 'Table', {
      tableArn: imported('TableArn'),
      tableStreamArn: imported('TableStreamArn'),
    });
    const tableName = imported('TableName');
    const siteBucket = Bucket.fromBucketAttributes(this, 'SiteBucket', {
      bucketArn: imported('SiteBucketArn'),
      bucketName: imported('SiteBucketName'),
      bucketRegionalDomainName: imported('SiteBucketDomain'),
    });
    const privateBucket = Bucket.fromBucketAttributes(this, 'PrivateBucket', {
      bucketArn: imported('PrivateBucketArn'),
      bucketName: imported('PrivateBucketName'),
      bucketRegionalDomainName: imported('PrivateBucketDomain'),
    });
    const logBucket = Bucket.fromBucketAttributes(this, 'LogBucket', {
      bucketArn: imported('LogBucketArn'),
      bucketName: imported('LogBucketName'),
      bucketRegionalDomainName: imported('LogBucketDomain'),
    });
    const indexes = (createTableInput('x').GlobalSecondaryIndexes ?? []).map((index) => index.IndexName!);

    const fn = (
      module: string,
      environment: Record<string, string>,
      extra: { memorySize?: number; timeoutSeconds?: number } & Pick<HandlerFunctionProps, 'architecture' | 'afterBundling'> = {},
    ) => {
      const created = new HandlerFunction(this, `${pascal(module)}Function`, {
        module,
        environment: {
          NIANBAO_TABLE: tableName,
          NIANBAO_SITE_BUCKET: siteBucket.bucketName,
          NIANBAO_PRIVATE_BUCKET: privateBucket.bucketName,
          ...(config.reminderPolicy ? { NIANBAO_REMINDER_POLICY: config.reminderPolicy } : {}),
          ...environment,
        },
        logRetention: config.logRetention,
        ...(extra.memorySize ? { memorySize: extra.memorySize } : {}),
        ...(extra.timeoutSeconds ? { timeout: Duration.seconds(extra.timeoutSeconds) } : {}),
        ...(extra.architecture ? { architecture: extra.architecture } : {}),
        ...(extra.afterBundling ? { afterBundling: extra.afterBundling } : {}),
      });
      this.functions[pascal(module)] = created;
      return created;
    };

    // The API exists before the functions so the distribution can name it; the functions then
    // learn the distribution's origin (their sign-in links) without a dependency cycle.
    const corsOrigins = [customOrigin(config), ...config.extraCorsOrigins].filter((o): o is string => o !== undefined);
    this.api = new FilingApi(this, 'Http', {
      corsOrigins,
      throttle: config.apiThrottle,
      logRetention: config.logRetention,
    });
    this.site = new SiteDistribution(this, 'Site', {
      siteBucket,
      logBucket,
      apiDomainName: this.api.domainName,
      // The form PUTs stamped copies straight to the private bucket (CSP connect-src).
      connectSources: [`https://${privateBucket.bucketRegionalDomainName}`],
      priceClass: config.priceClass,
      ...(config.domain ? { domain: config.domain } : {}),
      ...(config.webAclArn ? { webAclArn: config.webAclArn } : {}),
    });
    const origin = customOrigin(config) ?? `https://${this.site.distribution.distributionDomainName}`;

    for (const { module, routes } of routeModules()) {
      const handler = fn(module, { NIANBAO_PUBLIC_URL: origin });
      const access = ROUTE_ACCESS[module];
      if (access === undefined) {
        Validations.of(handler).addWarning('nianbao:route-access', `route module ${module} has no entry in infra/handler-catalog.ts ROUTE_ACCESS; granted read/write`);
      }
      grantTable(table, handler, access ?? 'readWrite', indexes);
      const stamped = PRIVATE_BUCKET_ACCESS[module];
      if (stamped) {
        handler.addToRolePolicy(new PolicyStatement({ actions: [...stamped.objects], resources: [privateBucket.arnForObjects('stamped-copies/*')] }));
        acknowledgeNag(
          handler.role!,
          `IAM5[Resource::${exportName(config.prefix, 'PrivateBucketArn')}/stamped-copies/*]`,
          'stamped copies are keyed by agency, year and revision, created at upload time; only the stamped-copies/ prefix of the private bucket',
        );
        if (stamped.list) {
          handler.addToRolePolicy(
            new PolicyStatement({ actions: ['s3:ListBucket'], resources: [privateBucket.bucketArn], conditions: { StringLike: { 's3:prefix': 'stamped-copies/*' } } }),
          );
        }
      }
      for (const route of routes) this.api.addRoute({ ...route, fn: handler });
    }

    const present = props.eventHandlers ?? presentEventHandlers();
    const queues: Record<string, IQueue> = {};
    const key = new NotificationKey(this, 'NotificationKey').key;
    const mail = new MailEvents(this, 'Mail', { key, mailFrom: config.mailFrom, createIdentity: config.createMailIdentity });
    // The DNS records that verify the domain (Easy DKIM): published by hand at the domain's DNS host.
    mail.identity?.dkimRecords.forEach((record, i) => {
      new CfnOutput(this, `DkimRecord${i + 1}`, { value: Fn.join(' ', [record.name, 'CNAME', record.value]), description: `SES DKIM record ${i + 1} of 3 for ${config.mailFrom}` });
    });
    const mailEnv = { NIANBAO_MAIL_FROM: config.mailFrom, NIANBAO_SES_CONFIGURATION_SET: mail.configurationSet.configurationSetName };
    for (const module of MAILING_ROUTES) {
      const route = this.functions[pascal(module)];
      if (!route) continue;
      mail.grantSend(route);
      for (const [name, value] of Object.entries(mailEnv)) route.addEnvironment(name, value);
    }

    /** A function that writes the site's pages: the publisher and the repair pass. */
    const publisher = (module: string, timeoutSeconds: number, extra: Pick<HandlerFunctionProps, 'architecture' | 'afterBundling'> & { environment?: Record<string, string> } = {}) => {
      const { environment = {}, ...bundling } = extra;
      const f = fn(module, { NIANBAO_SITE_URL: origin, NIANBAO_PUBLIC_URL: origin, ...environment }, { memorySize: 1024, timeoutSeconds, ...bundling });
      grantTable(table, f, 'readWrite', indexes);
      // DeleteObject: a stamped copy (盖章件) the current report page no longer links (services/publishing.ts).
      f.addToRolePolicy(new PolicyStatement({ actions: ['s3:PutObject', 's3:DeleteObject'], resources: [siteBucket.arnForObjects('*')] }));
      acknowledgeNag(f.role!, `IAM5[Resource::${exportName(config.prefix, 'SiteBucketArn')}/*]`, 'the publisher writes any page of the site: every key of the site bucket, PutObject and DeleteObject only');
      // A region that publishes stamped copies: the publisher reads the confirmed copy to write it to the site.
      f.addToRolePolicy(new PolicyStatement({ actions: ['s3:GetObject'], resources: [privateBucket.arnForObjects('stamped-copies/*')] }));
      acknowledgeNag(
        f.role!,
        `IAM5[Resource::${exportName(config.prefix, 'PrivateBucketArn')}/stamped-copies/*]`,
        'the publisher copies a published stamped copy to the site: GetObject on the stamped-copies/ prefix of the private bucket only',
      );
      return f;
    };
    const sustained: NonNullable<ConstructorParameters<typeof OperationalAlarms>[2]['sustained']>[number][] = [];

    if (present.publish) {
      const publish = publisher(present.publish, 60);
      acknowledgeNag(publish.role!, 'IAM5[Resource::*]', 'dynamodb:ListStreams (added by the event source mapping) has no resource-level permissions');
      queues.Publish = new DeadLetterQueue(this, 'PublishDeadLetters').queue;
      new StreamSubscription(this, 'PublishFromStream', { table, fn: publish, deadLetterQueue: queues.Publish });
    }
    if (present.repair) {
      // The repair pass publishes from the table (functions/handlers/repair.ts), so the publish
      // stream's on-failure queue needs no reader: it stays for diagnosis, with its alarm.
      // It also rebuilds the search index (services/search-index.ts) with Pagefind's native
      // binary, carried in the bundle (infra/bundling/pagefind-binary.ts: why x86_64); it lists
      // the index's files under pagefind/ only, and deletes old ones as a publisher may.
      const repair = publisher(present.repair, 300, {
        architecture: PAGEFIND_ARCHITECTURE,
        afterBundling: copyPagefindBinary,
        environment: { [PAGEFIND_BINARY_ENV]: PAGEFIND_LAMBDA_PATH },
      });
      repair.addToRolePolicy(
        new PolicyStatement({ actions: ['s3:ListBucket'], resources: [siteBucket.bucketArn], conditions: { StringLike: { 's3:prefix': [`${SEARCH_INDEX_PREFIX}*`] } } }),
      );
      queues.Repair = new DeadLetterQueue(this, 'RepairDeadLetters').queue;
      new DailySchedule(this, 'RepairSchedule', {
        fn: repair,
        deadLetterQueue: queues.Repair,
        expression: ScheduleExpression.rate(Duration.minutes(REPAIR_EVERY_MINUTES)),
        // A pass missed by more than a few minutes is covered by the next one.
        maxEventAge: Duration.minutes(REPAIR_EVERY_MINUTES),
        retryAttempts: 0,
        description: `nianbao repair pass, every ${REPAIR_EVERY_MINUTES} minutes`,
      });
      sustained.push({
        id: 'UnpublishedBacklog',
        metric: new Metric({
          namespace: METRIC_NAMESPACE,
          metricName: 'UnpublishedBacklog',
          dimensionsMap: { service: 'nianbao' },
          statistic: 'Maximum',
          period: Duration.minutes(REPAIR_EVERY_MINUTES),
        }),
        periods: 3,
        description: `accepted reports without their public page for longer than the grace period, in ${3 * REPAIR_EVERY_MINUTES} minutes of repair passes in a row`,
      });
    }
    if (present.notify) {
      const notify = fn(present.notify, { NIANBAO_PUBLIC_URL: origin, ...mailEnv }, { timeoutSeconds: 60 });
      grantTable(table, notify, 'readWrite', indexes);
      mail.grantSend(notify);
      acknowledgeNag(notify.role!, 'IAM5[Resource::*]', 'dynamodb:ListStreams (added by the event source mapping) has no resource-level permissions');
      queues.Notify = new DeadLetterQueue(this, 'NotifyDeadLetters').queue;
      new StreamSubscription(this, 'NotifyFromStream', { table, fn: notify, deadLetterQueue: queues.Notify });
    }
    if (present.remind) {
      const remind = fn(present.remind, { NIANBAO_PUBLIC_URL: origin, ...mailEnv }, { timeoutSeconds: 300 });
      grantTable(table, remind, 'readWrite', indexes, { scan: true });
      mail.grantSend(remind);
      queues.Remind = new DeadLetterQueue(this, 'RemindDeadLetters').queue;
      new DailySchedule(this, 'DailyReminders', { fn: remind, deadLetterQueue: queues.Remind, description: 'nianbao reminders, 09:00 Asia/Shanghai' });
    }
    if (present.bounce) {
      const bounce = fn(present.bounce, { NIANBAO_PUBLIC_URL: origin, ...mailEnv });
      grantTable(table, bounce, 'readWrite', indexes);
      mail.grantSend(bounce);
      queues.Bounce = new DeadLetterQueue(this, 'BounceDeadLetters').queue;
      mail.topic.addSubscription(new LambdaSubscription(bounce, { deadLetterQueue: queues.Bounce }));
    }

    new SiteFiles(this, 'StaticFiles', {
      bucket: siteBucket,
      bucketArnFinding: exportName(config.prefix, 'SiteBucketArn'),
      files: props.staticFiles,
      distribution: this.site.distribution,
    });

    new OperationalAlarms(this, 'Alarms', {
      key,
      functions: this.functions as Record<string, IFunction>,
      deadLetterQueues: queues,
      emails: config.alarmEmails,
      sustained,
    });

    new CfnOutput(this, 'SiteUrl', { value: `${origin}/`, description: 'the public site' });
    new CfnOutput(this, 'FormUrl', { value: `${origin}/file/`, description: 'the filing form' });
    new CfnOutput(this, 'ApiUrl', { value: `${origin}/api/`, description: 'the filing API through CloudFront' });
    new CfnOutput(this, 'ApiDirectUrl', { value: this.api.api.apiEndpoint, description: 'the HTTP API without CloudFront (for diagnosis)' });
    new CfnOutput(this, 'MailConfigurationSet', { value: mail.configurationSet.configurationSetName });
    new CfnOutput(this, 'DistributionId', { value: this.site.distribution.distributionId });
    new CfnOutput(this, 'DistributionDomainName', { value: this.site.distribution.distributionDomainName });
  }
}
