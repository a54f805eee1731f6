import { App, RemovalPolicy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTableInput } from '../../functions/adapters/dynamodb-table.js';
import { exportName, PINNED_LOGICAL_IDS, STATEFUL_EXPORTS, StatefulStack } from '../../infra/stateful-stack.js';
import { STAGES, type StageConfig } from '../../infra/stage-config.js';
import { resourcesOf } from './synth.js';

function statefulTemplate(config: StageConfig): Template {
  const app = new App({ context: { 'aws:cdk:disable-stack-trace': true } });
  return Template.fromStack(new StatefulStack(app, 'Stateful', { config }));
}

let dev: Template;
let prod: Template;
beforeAll(() => {
  dev = statefulTemplate(STAGES.dev);
  prod = statefulTemplate(STAGES.prod);
});

describe('stateful stack: logical ids', () => {
  it('pins the table and the three buckets to fixed logical ids, so no refactor replaces them', () => {
    expect(PINNED_LOGICAL_IDS).toEqual({ table: 'FilingTable', siteBucket: 'SiteBucket', logBucket: 'LogBucket', privateBucket: 'PrivateBucket' });
    expect(Object.keys(resourcesOf(dev, 'AWS::DynamoDB::Table'))).toEqual(['FilingTable']);
    expect(Object.keys(resourcesOf(dev, 'AWS::S3::Bucket')).sort()).toEqual(['LogBucket', 'PrivateBucket', 'SiteBucket']);
    expect(Object.keys(resourcesOf(prod, 'AWS::S3::Bucket')).sort()).toEqual(['LogBucket', 'PrivateBucket', 'SiteBucket']);
  });

  it('exports every value the stateless stack imports under a stable name', () => {
    const outputs = dev.findOutputs('*') as Record<string, { Export?: { Name: string } }>;
    const names = Object.values(outputs).map((o) => o.Export?.Name).sort();
    expect(names).toEqual(STATEFUL_EXPORTS.map((key) => exportName(STAGES.dev.prefix, key)).sort());
  });
});

describe('stateful stack: table', () => {
  it('has exactly the key schema, attributes and GSI the local runtime creates', () => {
    const shape = createTableInput('x');
    const table = resourcesOf(dev, 'AWS::DynamoDB::Table').FilingTable!.Properties!;
    expect(table.KeySchema).toEqual(shape.KeySchema);
    expect(new Set(table.AttributeDefinitions as unknown[])).toEqual(new Set(shape.AttributeDefinitions));
    expect(table.GlobalSecondaryIndexes).toEqual(
      shape.GlobalSecondaryIndexes!.map((index) => ({
        IndexName: index.IndexName,
        KeySchema: index.KeySchema,
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: index.Projection!.NonKeyAttributes },
      })),
    );
  });

  it('leaves one index out with -c rebuildIndex, the first of the two deploys that change its projection', () => {
    const app = new App({ context: { 'aws:cdk:disable-stack-trace': true, rebuildIndex: 'GSI1' } });
    const template = Template.fromStack(new StatefulStack(app, 'Stateful', { config: STAGES.dev }));
    const table = resourcesOf(template, 'AWS::DynamoDB::Table').FilingTable!.Properties!;
    expect((table.GlobalSecondaryIndexes as { IndexName: string }[]).map((i) => i.IndexName)).toEqual(['GSI2']);
    const unknown = new App({ context: { rebuildIndex: 'GSI9' } });
    expect(() => new StatefulStack(unknown, 'Stateful', { config: STAGES.dev })).toThrow(/no index GSI9/u);
  });

  it('is on-demand, with point-in-time recovery, a new-and-old-images stream, TTL and encryption', () => {
    dev.hasResourceProperties('AWS::DynamoDB::Table', {
      BillingMode: 'PAY_PER_REQUEST',
      PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
      StreamSpecification: { StreamViewType: 'NEW_AND_OLD_IMAGES' },
      TimeToLiveSpecification: { AttributeName: 'ttl', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
  });

  it('has deletion protection and is retained in prod; dev may be torn down', () => {
    expect(STAGES.prod.removalPolicy).toBe(RemovalPolicy.RETAIN);
    prod.hasResource('AWS::DynamoDB::Table', {
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    dev.hasResourceProperties('AWS::DynamoDB::Table', { DeletionProtectionEnabled: false });
  });
});

describe('stateful stack: buckets', () => {
  for (const logicalId of ['SiteBucket', 'LogBucket', 'PrivateBucket']) {
    it(`${logicalId}: blocks all public access, encrypts, versions`, () => {
      const bucket = resourcesOf(prod, 'AWS::S3::Bucket')[logicalId]!;
      expect(bucket.Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        VersioningConfiguration: { Status: 'Enabled' },
      });
      expect(bucket.DeletionPolicy).toBe('Retain');
    });

    it(`${logicalId}: denies every request not over TLS 1.2+`, () => {
      const policies = Object.values(resourcesOf(prod, 'AWS::S3::BucketPolicy')).filter(
        (p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: logicalId }),
      );
      expect(policies).toHaveLength(1);
      const statements = (policies[0]!.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 's3:*', Condition: { NumericLessThan: { 's3:TlsVersion': 1.2 } } }),
      );
    });
  }

  it('logs site bucket access to the log bucket', () => {
    const site = resourcesOf(dev, 'AWS::S3::Bucket').SiteBucket!.Properties!;
    expect(site.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: 'LogBucket' }, LogFilePrefix: 's3/site/' });
  });

  it('disables ACLs on the site bucket; the log bucket keeps them only for CloudFront standard logs', () => {
    const buckets = resourcesOf(dev, 'AWS::S3::Bucket');
    expect(buckets.SiteBucket!.Properties!.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    expect(buckets.LogBucket!.Properties!.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] });
  });

  it('lets only CloudFront distributions of this account read the site, and nobody else', () => {
    const policy = Object.values(resourcesOf(dev, 'AWS::S3::BucketPolicy')).find(
      (p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: 'SiteBucket' }),
    )!;
    const allows = (policy.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement.filter((s) => s.Effect === 'Allow');
    expect(allows.map((s) => s.Action).sort()).toEqual(['s3:GetObject', 's3:ListBucket']);
    for (const statement of allows) {
      expect(statement.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
      expect(JSON.stringify(statement.Condition)).toContain(':distribution/*');
      expect(JSON.stringify(statement.Condition)).toContain('AWS::AccountId');
    }
  });

  it('keeps stamped copies private: no bucket policy admits anyone, and CORS allows only PUT and GET with a Content-Type', () => {
    const privateBucket = resourcesOf(dev, 'AWS::S3::Bucket').PrivateBucket!.Properties!;
    expect(privateBucket.CorsConfiguration).toEqual({
      CorsRules: [{ AllowedMethods: ['PUT', 'GET'], AllowedOrigins: ['*'], AllowedHeaders: ['content-type'], ExposedHeaders: ['ETag'], MaxAge: 600 }],
    });
    expect(privateBucket.LoggingConfiguration).toMatchObject({ LogFilePrefix: 's3/private/' });
    // With a custom domain the form's origin is known: only it (and the stage's extra origins).
    const withDomain = statefulTemplate({ ...STAGES.prod, domain: { domainName: 'nianbao.example.gov.cn', certificateArn: 'arn:aws:acm:us-east-1:111111111111:certificate/x' } });
    const rules = resourcesOf(withDomain, 'AWS::S3::Bucket').PrivateBucket!.Properties!.CorsConfiguration as { CorsRules: { AllowedOrigins: string[] }[] };
    expect(rules.CorsRules[0]!.AllowedOrigins).toEqual(['https://nianbao.example.gov.cn', ...STAGES.prod.extraCorsOrigins]);
    const policy = Object.values(resourcesOf(dev, 'AWS::S3::BucketPolicy')).find(
      (p) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: 'PrivateBucket' }),
    )!;
    const statements = (policy.Properties!.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
    expect(statements.filter((s) => s.Effect === 'Allow')).toEqual([]);
  });
});
