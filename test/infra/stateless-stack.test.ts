import { Settings } from '../../functions/settings.js';
import { Match } from 'aws-cdk-lib/assertions';
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTableInput } from '../../functions/adapters/dynamodb-table.js';
import { ROUTES } from '../../functions/handlers/routes.js';
import { SECURITY_POLICY } from '../../functions/render/site/security-headers.js';
import { EVENT_HANDLERS, pascal, presentEventHandlers, ROUTE_ACCESS } from '../../infra/handler-catalog.js';
import { READ_ACTIONS, WRITE_ACTIONS } from '../../infra/constructs/table-access.js';
import { STAGES, stageConfig } from '../../infra/stage-config.js';
import { actionsOf, policyStatements, resourcesOf, synth, type Synthesized } from './synth.js';

const REMINDER_POLICY = { regions: { '411325': { firstYear: 2024, deadlines: { department: '02-10' } } } };
let dev: Synthesized;
let prod: Synthesized;
beforeAll(() => {
  dev = synth(STAGES.dev);
  prod = synth(
    stageConfig({
      stage: 'prod',
      domainName: 'nianbao.example.gov.cn',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc',
      reminderPolicy: REMINDER_POLICY,
      createMailIdentity: 'true',
    }),
  );
});

const routeModules = [...new Set(ROUTES.map((r) => r.module))];
const indexNames = (createTableInput('x').GlobalSecondaryIndexes ?? []).map((i) => i.IndexName!);
const present = presentEventHandlers();
const expectedModules = [...routeModules, ...Object.values(present)];

/** The handler Lambdas (not CDK's own BucketDeployment function), by construct id prefix. */
function handlerFunctions(s: Synthesized) {
  return Object.entries(resourcesOf(s.statelessTemplate, 'AWS::Lambda::Function')).filter(([id]) => !id.startsWith('CustomCDKBucketDeployment'));
}

function roleStatements(s: Synthesized, module: string) {
  const roleId = Object.keys(resourcesOf(s.statelessTemplate, 'AWS::IAM::Role')).find((id) => id.startsWith(`${pascal(module)}FunctionRole`));
  expect(roleId, `role of ${module}`).toBeDefined();
  return policyStatements(s.statelessTemplate)
    .filter(({ policy }) => JSON.stringify(resourcesOf(s.statelessTemplate, 'AWS::IAM::Policy')[policy]!.Properties!.Roles).includes(roleId!))
    .map(({ statement }) => statement);
}

/** A role's S3 statements as `actions on resource`, sorted. */
function s3Grants(statements: ReturnType<typeof roleStatements>): string[] {
  return statements
    .filter((st) => actionsOf(st).some((a) => a.startsWith('s3:')))
    .map((st) => `${actionsOf(st).sort().join(',')} on ${JSON.stringify(st.Resource)}`)
    .sort();
}

/** The publisher and the repair pass: the site's objects, and a published stamped copy's source. */
const PUBLISHER_S3 = [
  `s3:DeleteObject,s3:PutObject on ${JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::ImportValue': 'NianbaoDev-SiteBucketArn' }, '/*']] })}`,
  `s3:GetObject on ${JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::ImportValue': 'NianbaoDev-PrivateBucketArn' }, '/stamped-copies/*']] })}`,
].sort();

describe('functions', () => {
  it('makes one function per route module and per present event handler', () => {
    const descriptions = handlerFunctions(dev).map(([, f]) => f.Properties!.Description).sort();
    expect(descriptions).toEqual(expectedModules.map((m) => `nianbao ${m}`).sort());
  });

  it('runs every handler on Node.js 22, arm64 (the repair pass x86_64: Pagefind\'s binary), with JSON logs into a log group with retention', () => {
    for (const [, fn] of handlerFunctions(dev)) {
      const repair = fn.Properties!.Description === `nianbao ${present.repair}`;
      expect(fn.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: [repair ? 'x86_64' : 'arm64'],
        Handler: 'index.handler',
        LoggingConfig: { LogFormat: 'JSON', ApplicationLogLevel: 'INFO', SystemLogLevel: 'WARN' },
      });
      expect(fn.Properties!.LoggingConfig).toHaveProperty('LogGroup');
    }
    for (const group of Object.values(resourcesOf(dev.statelessTemplate, 'AWS::Logs::LogGroup'))) {
      expect(group.Properties!.RetentionInDays).toBe(30);
    }
    for (const group of Object.values(resourcesOf(prod.statelessTemplate, 'AWS::Logs::LogGroup'))) {
      expect(group.Properties!.RetentionInDays).toBe(365);
    }
  });

  it('passes the real table and bucket names in the variables config.ts reads', () => {
    for (const [, fn] of handlerFunctions(dev)) {
      const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.NIANBAO_TABLE).toEqual({ 'Fn::ImportValue': 'NianbaoDev-TableName' });
      expect(env.NIANBAO_SITE_BUCKET).toEqual({ 'Fn::ImportValue': 'NianbaoDev-SiteBucketName' });
      expect(JSON.stringify(env.NIANBAO_PUBLIC_URL)).toContain('DomainName');
    }
    for (const [, fn] of handlerFunctions(prod)) {
      const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.NIANBAO_PUBLIC_URL).toBe('https://nianbao.example.gov.cn');
    }
  });

  it("creates the sender domain's SES identity only when asked, with its DKIM records as outputs", () => {
    prod.statelessTemplate.hasResourceProperties('AWS::SES::EmailIdentity', {
      EmailIdentity: 'example.gov.cn',
      ConfigurationSetAttributes: { ConfigurationSetName: Match.anyValue() },
    });
    const outputs = Object.keys(prod.statelessTemplate.findOutputs('*')).filter((k) => k.startsWith('DkimRecord'));
    expect(outputs.sort()).toEqual(['DkimRecord1', 'DkimRecord2', 'DkimRecord3']);
    dev.statelessTemplate.resourceCountIs('AWS::SES::EmailIdentity', 0);
    expect(Object.keys(dev.statelessTemplate.findOutputs('*')).some((k) => k.startsWith('DkimRecord'))).toBe(false);
  });

  it('gives every function the reminder policy from context, as the JSON mail-config.ts parses', () => {
    for (const [, fn] of handlerFunctions(prod)) {
      const env = (fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(Settings.parse({ NIANBAO_REMINDER_POLICY: env.NIANBAO_REMINDER_POLICY }).NIANBAO_REMINDER_POLICY.regions).toEqual(REMINDER_POLICY.regions);
    }
    for (const [, fn] of handlerFunctions(dev)) {
      expect((fn.Properties!.Environment as { Variables: Record<string, unknown> }).Variables).not.toHaveProperty('NIANBAO_REMINDER_POLICY');
    }
  });

  it('uses no AWS managed policy for handler roles (each writes only its own log group)', () => {
    for (const [id, role] of Object.entries(resourcesOf(dev.statelessTemplate, 'AWS::IAM::Role'))) {
      if (!/FunctionRole/.test(id)) continue;
      expect(role.Properties!.ManagedPolicyArns, id).toBeUndefined();
    }
  });

  it('gives every route module an explicit table access level', () => {
    expect(routeModules.filter((m) => ROUTE_ACCESS[m] === undefined)).toEqual([]);
  });

  for (const module of routeModules) {
    it(`grants ${module} only its table access (${ROUTE_ACCESS[module] ?? 'undeclared'}), on the table and its GSI, never Scan or a wildcard`, () => {
      const statements = roleStatements(dev, module).filter((s) => actionsOf(s).some((a) => a.startsWith('dynamodb:')));
      const access = ROUTE_ACCESS[module];
      if (access === 'none') {
        expect(statements).toEqual([]);
        return;
      }
      const expected = access === 'read' ? [...READ_ACTIONS] : [...READ_ACTIONS, ...WRITE_ACTIONS];
      expect(statements).toHaveLength(1);
      expect(actionsOf(statements[0]!).sort()).toEqual(expected.sort());
      expect(JSON.stringify(statements[0]!.Resource)).toBe(
        JSON.stringify([
          { 'Fn::ImportValue': 'NianbaoDev-TableArn' },
          ...indexNames.map((name) => ({ 'Fn::Join': ['', [{ 'Fn::ImportValue': 'NianbaoDev-TableArn' }, `/index/${name}`]] })),
        ]),
      );
    });
  }

  it('lets only the reminder pass scan the table (once a year, to open a reporting year)', () => {
    for (const module of expectedModules) {
      const scans = roleStatements(dev, module).some((s) => actionsOf(s).includes('dynamodb:Scan'));
      expect(scans, module).toBe(module === present.remind);
    }
  });

  it('never grants a wildcard action to a handler role', () => {
    for (const module of expectedModules) {
      for (const statement of roleStatements(dev, module)) {
        expect(actionsOf(statement).filter((a) => a.includes('*')), module).toEqual([]);
      }
    }
  });
});

describe('HTTP API', () => {
  it('has one route per ROUTES entry, each integrated with its module’s function', () => {
    const routes = Object.values(resourcesOf(dev.statelessTemplate, 'AWS::ApiGatewayV2::Route')).map((r) => r.Properties!.RouteKey).sort();
    expect(routes).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
  });

  it('throttles the $default stage and writes JSON access logs', () => {
    dev.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: STAGES.dev.apiThrottle.rateLimit, ThrottlingBurstLimit: STAGES.dev.apiThrottle.burstLimit },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('"requestId":"\\$context.requestId"') },
    });
  });

  it('allows CORS only from the site’s own origin in prod', () => {
    prod.statelessTemplate.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      CorsConfiguration: Match.objectLike({ AllowOrigins: ['https://nianbao.example.gov.cn'] }),
    });
  });

  it('has no CORS at all when no origin is configured (same-origin through CloudFront)', () => {
    const config = { ...STAGES.prod };
    const api = Object.values(resourcesOf(synth(config).statelessTemplate, 'AWS::ApiGatewayV2::Api'))[0]!;
    expect(api.Properties!.CorsConfiguration).toBeUndefined();
  });
});

describe('CloudFront', () => {
  const distributionConfig = (s: Synthesized) =>
    Object.values(resourcesOf(s.statelessTemplate, 'AWS::CloudFront::Distribution'))[0]!.Properties!.DistributionConfig as Record<string, any>;

  it('is one distribution, reading the site bucket through Origin Access Control', () => {
    expect(Object.keys(resourcesOf(dev.statelessTemplate, 'AWS::CloudFront::Distribution'))).toHaveLength(1);
    dev.statelessTemplate.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: { OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' },
    });
    const s3Origin = distributionConfig(dev).Origins.find((o: any) => o.S3OriginConfig);
    expect(s3Origin.DomainName).toEqual({ 'Fn::ImportValue': 'NianbaoDev-SiteBucketDomain' });
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(s3Origin.S3OriginConfig.OriginAccessIdentity).toBe('');
  });

  it('redirects HTTP to HTTPS for pages and refuses plain HTTP for /api/*', () => {
    const config = distributionConfig(dev);
    expect(config.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
    expect(config.CacheBehaviors).toHaveLength(1);
    expect(config.CacheBehaviors[0].PathPattern).toBe('/api/*');
    expect(config.CacheBehaviors[0].ViewerProtocolPolicy).toBe('https-only');
  });

  it('sends /api/* to the HTTP API over HTTPS, uncached, with every viewer header but Host', () => {
    const config = distributionConfig(dev);
    const api = config.CacheBehaviors[0];
    const origin = config.Origins.find((o: any) => o.Id === api.TargetOriginId);
    expect(origin.CustomOriginConfig.OriginProtocolPolicy).toBe('https-only');
    expect(JSON.stringify(origin.DomainName)).toContain('execute-api');
    expect(api.CachePolicyId).toBe('4135ea2d-6df8-44a3-9df3-4b5a84be39ad'); // Managed-CachingDisabled
    expect(api.OriginRequestPolicyId).toBe('b689b0a8-53d0-40ab-baf2-68738e2966ac'); // Managed-AllViewerExceptHostHeader
    expect(api.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']);
  });

  it('sends the security headers from functions/render/site/security-headers.ts on pages and API answers', () => {
    dev.statelessTemplate.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: Match.objectLike({
        SecurityHeadersConfig: {
          // The policy, with the private bucket as the one extra connect-src (the form's stamped-copy upload).
          ContentSecurityPolicy: {
            ContentSecurityPolicy: {
              'Fn::Join': [
                '',
                [
                  SECURITY_POLICY.contentSecurityPolicy.split("connect-src 'self'")[0] + "connect-src 'self' https://",
                  { 'Fn::ImportValue': 'NianbaoDev-PrivateBucketDomain' },
                  SECURITY_POLICY.contentSecurityPolicy.split("connect-src 'self'")[1],
                ],
              ],
            },
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: SECURITY_POLICY.frameOption, Override: true },
          ReferrerPolicy: { ReferrerPolicy: SECURITY_POLICY.referrerPolicy, Override: true },
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: SECURITY_POLICY.hstsMaxAgeSeconds,
            IncludeSubdomains: SECURITY_POLICY.hstsIncludeSubdomains,
            Preload: SECURITY_POLICY.hstsPreload,
            Override: true,
          },
        },
      }),
    });
    const config = distributionConfig(dev);
    const policyId = config.DefaultCacheBehavior.ResponseHeadersPolicyId;
    expect(policyId).toEqual({ Ref: expect.stringMatching(/SecurityHeaders/) });
    expect(config.CacheBehaviors[0].ResponseHeadersPolicyId).toEqual(policyId);
  });

  it('resolves directory URLs with a viewer-request function on pages only, and logs to the log bucket', () => {
    const config = distributionConfig(dev);
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: expect.anything() }]);
    expect(config.CacheBehaviors[0].FunctionAssociations).toBeUndefined();
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.Logging).toEqual({ Bucket: { 'Fn::ImportValue': 'NianbaoDev-LogBucketDomain' }, Prefix: 'cloudfront/' });
  });

  it('with a custom domain, serves it with the given certificate and TLS 1.2 minimum', () => {
    const config = distributionConfig(prod);
    expect(config.Aliases).toEqual(['nianbao.example.gov.cn']);
    expect(config.ViewerCertificate).toMatchObject({ MinimumProtocolVersion: 'TLSv1.2_2021', SslSupportMethod: 'sni-only' });
  });
});

describe('stream, schedule, mail, alarms, static files', () => {
  it.runIf(present.publish)('maps the table stream to the publisher with retries, bisection, partial batch responses and an SQS DLQ', () => {
    dev.statelessTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::ImportValue': 'NianbaoDev-TableStreamArn' },
      StartingPosition: 'TRIM_HORIZON',
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      MaximumRetryAttempts: 5,
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^PublishDeadLetters'), 'Arn'] } } },
    });
  });

  it.runIf(present.publish)('lets the publisher write and delete site objects and only read the private bucket\'s stamped copies', () => {
    expect(s3Grants(roleStatements(dev, present.publish!))).toEqual(PUBLISHER_S3);
  });

  it.runIf(present.notify)('maps the same stream to the failed-check notifier, with its own retries and DLQ', () => {
    dev.statelessTemplate.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      EventSourceArn: { 'Fn::ImportValue': 'NianbaoDev-TableStreamArn' },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [Match.stringLikeRegexp('^NotifyDeadLetters'), 'Arn'] } } },
    });
  });

  it('has one stream mapping per present stream handler (publisher, notifier)', () => {
    const expected = [present.publish, present.notify].filter(Boolean).length;
    expect(Object.keys(resourcesOf(dev.statelessTemplate, 'AWS::Lambda::EventSourceMapping'))).toHaveLength(expected);
  });

  it('schedules the reminder pass at 09:00 Asia/Shanghai exactly when its handler exists', () => {
    const schedules = Object.values(resourcesOf(dev.statelessTemplate, 'AWS::Scheduler::Schedule')).filter((s) => String(s.Properties!.ScheduleExpression).startsWith('cron'));
    expect(schedules).toHaveLength(present.remind ? 1 : 0);
    for (const schedule of schedules) {
      expect(schedule.Properties).toMatchObject({ ScheduleExpression: 'cron(0 9 * * ? *)', ScheduleExpressionTimezone: 'Asia/Shanghai' });
    }
    expect(EVENT_HANDLERS.remind).toBe('remind');
  });

  it.runIf(present.repair)('runs the repair pass every 5 minutes, writing pages like the publisher, and alarms on a backlog that stays', () => {
    const schedules = Object.values(resourcesOf(dev.statelessTemplate, 'AWS::Scheduler::Schedule')).filter((s) => s.Properties!.ScheduleExpression === 'rate(5 minutes)');
    expect(schedules).toHaveLength(1);
    expect((schedules[0]!.Properties as { Target: unknown }).Target).toMatchObject({ RetryPolicy: { MaximumRetryAttempts: 0, MaximumEventAgeInSeconds: 300 } });
    expect(JSON.stringify((schedules[0]!.Properties as { Target: { Arn: unknown } }).Target.Arn)).toContain('RepairFunction');
    const repairFn = Object.entries(resourcesOf(dev.statelessTemplate, 'AWS::Lambda::Function')).find(([id]) => id.startsWith('RepairFunction'));
    expect(repairFn?.[1].Properties).toMatchObject({ Timeout: 300, MemorySize: 1024 });
    // It may write the site's pages (PutObject on the site bucket), as the publisher may.
    const policies = Object.values(resourcesOf(dev.statelessTemplate, 'AWS::IAM::Policy')).filter((p) => JSON.stringify(p.Properties!.Roles).includes('RepairFunction'));
    expect(JSON.stringify(policies)).toContain('s3:PutObject');
    // The search index pass: Pagefind's binary named in its environment; it lists under pagefind/ only.
    expect((repairFn?.[1].Properties!.Environment as { Variables: Record<string, unknown> }).Variables.PAGEFIND_EXTENDED_BINARY_PATH).toBe('/var/task/pagefind_extended');
    const statements = roleStatements(dev, present.repair!);
    const lists = statements.filter((st) => JSON.stringify(st.Action).includes('s3:ListBucket'));
    expect(lists.map((st) => st.Condition)).toEqual([{ StringLike: { 's3:prefix': ['pagefind/*'] } }]);
    expect(s3Grants(statements.filter((st) => !lists.includes(st)))).toEqual(PUBLISHER_S3);
    const alarms = Object.values(resourcesOf(dev.statelessTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    expect(alarms.filter((a) => a.MetricName === 'UnpublishedBacklog')).toEqual([
      expect.objectContaining({
        Namespace: 'nianbao',
        Dimensions: [{ Name: 'service', Value: 'nianbao' }],
        Statistic: 'Maximum',
        Period: 300,
        EvaluationPeriods: 3,
        DatapointsToAlarm: 3,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    ]);
  });

  it('encrypts every dead-letter queue and refuses non-TLS access to it', () => {
    const queues = resourcesOf(dev.statelessTemplate, 'AWS::SQS::Queue');
    expect(Object.keys(queues).length).toBe(Object.keys(present).length);
    for (const queue of Object.values(queues)) {
      expect(queue.Properties).toMatchObject({ SqsManagedSseEnabled: true, MessageRetentionPeriod: 14 * 24 * 3600 });
    }
    const policies = Object.values(resourcesOf(dev.statelessTemplate, 'AWS::SQS::QueuePolicy'));
    expect(policies.length).toBe(Object.keys(queues).length);
    for (const policy of policies) expect(JSON.stringify(policy.Properties!.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
  });

  it('has an SES configuration set requiring TLS whose bounces and complaints go to an encrypted SNS topic', () => {
    dev.statelessTemplate.hasResourceProperties('AWS::SES::ConfigurationSet', {
      DeliveryOptions: { TlsPolicy: 'REQUIRE' },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
    dev.statelessTemplate.hasResourceProperties('AWS::SES::ConfigurationSetEventDestination', {
      EventDestination: { Enabled: true, MatchingEventTypes: ['bounce', 'complaint'], SnsDestination: { TopicARN: { Ref: Match.stringLikeRegexp('^MailBouncesAndComplaints') } } },
    });
    for (const topic of Object.values(resourcesOf(dev.statelessTemplate, 'AWS::SNS::Topic'))) {
      expect(topic.Properties!.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [expect.stringMatching(/^NotificationKey/), 'Arn'] });
    }
    dev.statelessTemplate.hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
  });

  it('alarms on every dead-letter queue, and on errors and throttles of every function', () => {
    const alarms = Object.values(resourcesOf(dev.statelessTemplate, 'AWS::CloudWatch::Alarm')).map((a) => a.Properties!);
    const byMetric = (name: string) => alarms.filter((a) => a.MetricName === name);
    expect(byMetric('ApproximateNumberOfMessagesVisible')).toHaveLength(Object.keys(present).length);
    expect(byMetric('Errors')).toHaveLength(expectedModules.length);
    expect(byMetric('Throttles')).toHaveLength(expectedModules.length);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmsTopic/) }]);
    }
  });

  it('deploys the static files to the site bucket without pruning the published pages, and invalidates them', () => {
    const deployments = Object.values(resourcesOf(dev.statelessTemplate, 'Custom::CDKBucketDeployment'));
    expect(deployments).toHaveLength(3); // html, javascript, css
    for (const d of deployments) {
      expect(d.Properties).toMatchObject({ Prune: false, DestinationBucketName: { 'Fn::ImportValue': 'NianbaoDev-SiteBucketName' } });
      expect(d.Properties!.DistributionPaths).toBeDefined();
    }
    const paths = deployments.flatMap((d) => d.Properties!.DistributionPaths as string[]).sort();
    expect(paths).toEqual(['/assets/site.css', '/file/form.js', '/file/index.html']);
  });

  it('outputs the site, form and API URLs', () => {
    const outputs = prod.statelessTemplate.findOutputs('*') as Record<string, { Value: unknown }>;
    expect(outputs.SiteUrl!.Value).toBe('https://nianbao.example.gov.cn/');
    expect(outputs.FormUrl!.Value).toBe('https://nianbao.example.gov.cn/file/');
    expect(outputs.ApiUrl!.Value).toBe('https://nianbao.example.gov.cn/api/');
  });
});

describe('cdk-nag AwsSolutions', () => {
  /** Every acknowledgment in the tree: rule id and reason, with the construct path. */
  function acknowledgments(root: IConstruct) {
    const out: { path: string; id: string; reason: string }[] = [];
    for (const c of root.node.findAll()) {
      for (const entry of c.node.metadata) {
        if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
        for (const [id, reason] of Object.entries(entry.data as Record<string, unknown>)) out.push({ path: c.node.path, id, reason: String(reason) });
      }
    }
    return out;
  }

  for (const [name, get] of [
    ['dev', () => dev],
    ['prod with a custom domain', () => prod],
  ] as const) {
    it(`${name}: synthesizes with no unacknowledged finding, error or warning (cdk-nag and CDK's template validation)`, () => {
      const reports = get().validation.pluginReports;
      expect(reports.map((r) => r.pluginName)).toContain('AwsSolutions');
      for (const report of reports) {
        expect(report.violations.map((v) => v.ruleName), report.pluginName).toEqual([]);
        expect(report.conclusion, report.pluginName).toBe('success');
      }
    });
  }

  it('gives every acknowledgment a reason', () => {
    const all = acknowledgments(dev.app);
    expect(all.length).toBeGreaterThan(0);
    for (const a of all) expect(a.reason.trim().length, `${a.path} ${a.id}`).toBeGreaterThanOrEqual(20);
  });

  it('acknowledges only these rules (a new one is a decision: add it here with its reason in the code)', () => {
    const rules = [...new Set(acknowledgments(dev.app).map((a) => a.id.replace(/^[^:]*::/, '')))]
      // CDK's own acknowledgments of cfn-lint rules (W3045 on buckets with access logs)
      .filter((id) => !/^[EW]\d+$/.test(id))
      // the schedule's invoke grant names the function by logical id
      .map((id) => id.replace(/<[A-Za-z0-9]+\.Arn>/, '<fn.Arn>'))
      .filter((id, i, all) => all.indexOf(id) === i)
      .sort();
    expect(rules).toEqual(
      [
        '@aws-cdk/aws-cloudfront-origins:updateImportedBucketPolicyOac',
        'AwsSolutions-APIG4',
        'AwsSolutions-CFR1',
        'AwsSolutions-CFR2',
        'AwsSolutions-CFR4',
        'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::NianbaoDev-SiteBucketArn/*]',
        // the stamped-copy routes, the reviewer's filing view and the publishers: the private bucket's stamped-copies/ prefix
        'AwsSolutions-IAM5[Resource::NianbaoDev-PrivateBucketArn/stamped-copies/*]',
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
        ...(present.remind || present.bounce || present.notify ? ['AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:ses:<AWS::Region>:<AWS::AccountId>:identity/*]'] : []),
        ...(present.remind || present.repair ? ['AwsSolutions-IAM5[Resource::<fn.Arn>:*]'] : []),
        'AwsSolutions-L1',
        'AwsSolutions-SQS3',
      ].sort(),
    );
  });

  it('acknowledges the TLS finding (CFR4) only without a custom domain', () => {
    expect(acknowledgments(dev.app).some((a) => a.id.endsWith('AwsSolutions-CFR4'))).toBe(true);
    expect(acknowledgments(prod.app).some((a) => a.id.endsWith('AwsSolutions-CFR4'))).toBe(false);
  });
});
