/**
 * Everything that differs between dev and prod, typed and in one place. `cdk synth -c stage=prod`
 * picks one; a custom domain comes from context (`-c domainName=… -c certificateArn=…`) so no
 * account-specific value is committed.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PriceClass } from 'aws-cdk-lib/aws-cloudfront';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { ReminderPolicy } from '../functions/domain/reminders/deadline-policy.js';

export type StageName = 'dev' | 'prod';

export interface SiteDomain {
  /** e.g. `nianbao.example.gov.cn` (a DNS record pointing at the distribution is made by hand) */
  domainName: string;
  /** ACM certificate in us-east-1 covering `domainName` (CloudFront only reads that region) */
  certificateArn: string;
}

export interface StageConfig {
  stage: StageName;
  /** stack name prefix, e.g. `NianbaoDev` → `NianbaoDev-Stateful`, `NianbaoDev-Stateless` */
  prefix: string;
  /** deletion protection on the table; RETAIN on table and buckets when the stack goes */
  protectData: boolean;
  /** what happens to stateful resources when their stack is deleted */
  removalPolicy: RemovalPolicy;
  /** log groups (functions, API access) */
  logRetention: RetentionDays;
  /** old object versions in the site bucket are kept this long */
  noncurrentVersionExpiration: Duration;
  /** CloudFront and S3 access logs are kept this long */
  accessLogExpiration: Duration;
  /** HTTP API stage throttling (requests per second, burst) */
  apiThrottle: { rateLimit: number; burstLimit: number };
  /** PRICE_CLASS_200 includes the Hong Kong and mainland-adjacent edges our readers hit */
  priceClass: PriceClass;
  /** custom domain for the site and API; without one the CloudFront domain is used */
  domain?: SiteDomain;
  /** AWS WAF web ACL for the distribution (CLOUDFRONT scope, us-east-1). @default none */
  webAclArn?: string;
  /** extra origins allowed to call the API cross-origin (e.g. the local form against dev) */
  extraCorsOrigins: string[];
  /** SES sender address (its domain must be verified in SES, see docs/deploy.md) */
  mailFrom: string;
  /** create the sender domain's SES identity in the stack (DKIM records as outputs) */
  createMailIdentity: boolean;
  /** e-mail addresses that receive alarm notifications (none: alarms only show in the console) */
  alarmEmails: string[];
  /**
   * The reminder policy (docs/reminders.md) as JSON, given to every function as
   * `NIANBAO_REMINDER_POLICY` (the reminder pass, the notifier, the reviewers' board).
   * @default none: the legal defaults
   */
  reminderPolicy?: string;
}

const DEV: StageConfig = {
  stage: 'dev',
  prefix: 'NianbaoDev',
  protectData: false,
  removalPolicy: RemovalPolicy.DESTROY,
  logRetention: RetentionDays.ONE_MONTH,
  noncurrentVersionExpiration: Duration.days(30),
  accessLogExpiration: Duration.days(30),
  apiThrottle: { rateLimit: 20, burstLimit: 40 },
  priceClass: PriceClass.PRICE_CLASS_200,
  extraCorsOrigins: ['http://127.0.0.1:3000', 'http://localhost:3000'],
  mailFrom: 'noreply@example.gov.cn',
  createMailIdentity: false,
  alarmEmails: [],
};

const PROD: StageConfig = {
  stage: 'prod',
  prefix: 'NianbaoProd',
  protectData: true,
  removalPolicy: RemovalPolicy.RETAIN,
  logRetention: RetentionDays.ONE_YEAR,
  noncurrentVersionExpiration: Duration.days(365),
  accessLogExpiration: Duration.days(365),
  // A county has a few hundred agencies; January peaks stay far below this.
  apiThrottle: { rateLimit: 100, burstLimit: 200 },
  priceClass: PriceClass.PRICE_CLASS_200,
  extraCorsOrigins: [],
  mailFrom: 'noreply@example.gov.cn',
  createMailIdentity: false,
  alarmEmails: [],
};

export const STAGES: Readonly<Record<StageName, StageConfig>> = { dev: DEV, prod: PROD };

/** Context values the app reads; all optional. */
export interface StageContext {
  stage?: unknown;
  domainName?: unknown;
  certificateArn?: unknown;
  mailFrom?: unknown;
  alarmEmail?: unknown;
  webAclArn?: unknown;
  /** JSON text (`-c reminderPolicy='{…}'`) or an object (cdk.json's context) */
  reminderPolicy?: unknown;
  /** `true` (text or boolean): create the sender domain's SES identity */
  createMailIdentity?: unknown;
}

/** Lambda allows 4 KB of environment per function; the table, bucket, URLs and mail take ~500 bytes. */
const MAX_POLICY_BYTES = 3000;

/** The policy checked now, so a mistake fails `cdk synth` instead of every reminder pass. */
function reminderPolicyOf(value: unknown): string | undefined {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) return undefined;
  let parsed: unknown;
  try {
    parsed = typeof value === 'string' ? JSON.parse(value) : value;
  } catch (error) {
    throw new Error(`-c reminderPolicy is not JSON: ${(error as Error).message}`);
  }
  const result = ReminderPolicy.safeParse(parsed);
  if (!result.success) {
    throw new Error(`-c reminderPolicy: ${result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const json = JSON.stringify(parsed);
  if (Buffer.byteLength(json) > MAX_POLICY_BYTES) {
    throw new Error(`-c reminderPolicy is ${Buffer.byteLength(json)} bytes; a Lambda environment holds at most ${MAX_POLICY_BYTES} for it`);
  }
  return json;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** The stage named by context (default dev), with the context's overrides applied. */
export function stageConfig(context: StageContext): StageConfig {
  const name = text(context.stage) ?? 'dev';
  if (name !== 'dev' && name !== 'prod') throw new Error(`unknown stage "${name}": use -c stage=dev or -c stage=prod`);
  const base = STAGES[name];
  const domainName = text(context.domainName);
  const certificateArn = text(context.certificateArn);
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('a custom domain needs both -c domainName=… and -c certificateArn=… (ACM, us-east-1)');
  }
  const alarmEmail = text(context.alarmEmail);
  const webAclArn = text(context.webAclArn);
  const reminderPolicy = reminderPolicyOf(context.reminderPolicy);
  const mailFrom = text(context.mailFrom) ?? base.mailFrom;
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(mailFrom)) throw new Error(`-c mailFrom=${mailFrom} is not an e-mail address`);
  return {
    ...base,
    ...(reminderPolicy ? { reminderPolicy } : {}),
    ...(webAclArn ? { webAclArn } : {}),
    ...(domainName && certificateArn ? { domain: { domainName, certificateArn } } : {}),
    mailFrom,
    createMailIdentity: context.createMailIdentity === true || text(context.createMailIdentity) === 'true' || base.createMailIdentity,
    alarmEmails: alarmEmail ? [...base.alarmEmails, alarmEmail] : base.alarmEmails,
  };
}

/** The site's public origin when a custom domain is set (else it is only known after deploy). */
export function customOrigin(config: StageConfig): string | undefined {
  return config.domain ? `https://${config.domain.domainName}` : undefined;
}
