/**
 * The CDK app: `npm run synth` (or `npx cdk deploy --all -c stage=prod`). Two stacks per stage:
 * stateful (table, buckets; kept) and stateless (everything a redeploy may replace).
 */
import { App, Tags, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { stageConfig, type StageConfig } from './stage-config.js';
import { StatefulStack } from './stateful-stack.js';
import { StatelessStack } from './stateless-stack.js';
import { staticFiles } from './static-files.js';
import type { SiteFile } from './constructs/site-files.js';
import type { EventRole } from './handler-catalog.js';

export interface NianbaoStacks {
  stateful: StatefulStack;
  stateless: StatelessStack;
}

export interface AddStacksOptions {
  files: readonly SiteFile[];
  eventHandlers?: Partial<Record<EventRole, string>>;
}

/** Adds one stage's two stacks to `app` (the tests call this with their own app). */
export function addStacks(app: App, config: StageConfig, options: AddStacksOptions): NianbaoStacks {
  const env = { account: process.env.CDK_DEFAULT_ACCOUNT, region: process.env.CDK_DEFAULT_REGION };
  const stateful = new StatefulStack(app, `${config.prefix}-Stateful`, {
    config,
    env,
    terminationProtection: config.protectData,
    description: 'nianbao: table and buckets (kept across deploys)',
  });
  const stateless = new StatelessStack(app, `${config.prefix}-Stateless`, {
    config,
    env,
    staticFiles: options.files,
    ...(options.eventHandlers ? { eventHandlers: options.eventHandlers } : {}),
    description: 'nianbao: functions, API, CDN, schedule, mail, alarms',
  });
  stateless.addStackDependency(stateful, "imports the table and buckets");
  Tags.of(app).add('project', 'nianbao');
  Tags.of(app).add('stage', config.stage);
  return { stateful, stateless };
}

/** Registers cdk-nag's AwsSolutions pack: synth fails on any finding not acknowledged with a reason. */
export function addNagChecks(app: App): void {
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  const app = new App();
  const config = stageConfig({
    stage: app.node.tryGetContext('stage'),
    domainName: app.node.tryGetContext('domainName'),
    certificateArn: app.node.tryGetContext('certificateArn'),
    mailFrom: app.node.tryGetContext('mailFrom'),
    alarmEmail: app.node.tryGetContext('alarmEmail'),
    webAclArn: app.node.tryGetContext('webAclArn'),
    reminderPolicy: app.node.tryGetContext('reminderPolicy'),
    createMailIdentity: app.node.tryGetContext('createMailIdentity'),
  });
  addStacks(app, config, { files: await staticFiles() });
  addNagChecks(app);
  app.synth();
}
