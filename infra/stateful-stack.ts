/**
 * What must outlive a redeploy: the table and the buckets. Their logical ids are pinned
 * (test/infra/stateful-stack.test.ts), so no refactor of this file can replace them.
 */
import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Table } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { HttpMethods, type Bucket } from 'aws-cdk-lib/aws-s3';
import type { Construct } from 'constructs';
import { FilingTable } from './constructs/filing-table.js';
import { SecureBucket } from './constructs/secure-bucket.js';
import { customOrigin, type StageConfig } from './stage-config.js';

export const PINNED_LOGICAL_IDS = { table: 'FilingTable', siteBucket: 'SiteBucket', logBucket: 'LogBucket', privateBucket: 'PrivateBucket' } as const;

/** What the stateless stack imports, by export name (`<prefix>-<key>`). */
export const STATEFUL_EXPORTS = [
  'TableName',
  'TableArn',
  'TableStreamArn',
  'SiteBucketName',
  'SiteBucketArn',
  'SiteBucketDomain',
  'LogBucketName',
  'LogBucketArn',
  'LogBucketDomain',
  'PrivateBucketName',
  'PrivateBucketArn',
  'PrivateBucketDomain',
] as const;
export type StatefulExport = (typeof STATEFUL_EXPORTS)[number];

/**
 * Explicit, named exports rather than CDK's generated ones: the names stay stable across
 * refactors, and the stateless stack's policies (and their cdk-nag acknowledgments) can name them.
 */
export const exportName = (prefix: string, key: StatefulExport): string => `${prefix}-${key}`;

export interface StatefulStackProps extends StackProps {
  config: StageConfig;
}

export class StatefulStack extends Stack {
  readonly table: Table;
  readonly siteBucket: Bucket;
  readonly logBucket: Bucket;
  /** stamped copies (盖章件): no CloudFront, no public access; reached only by presigned URLs */
  readonly privateBucket: Bucket;

  constructor(scope: Construct, id: string, props: StatefulStackProps) {
    super(scope, id, props);
    const { config } = props;

    this.logBucket = new SecureBucket(this, 'Logs', {
      logicalId: PINNED_LOGICAL_IDS.logBucket,
      receivesCloudFrontLogs: true,
      expiration: config.accessLogExpiration,
      noncurrentVersionExpiration: config.accessLogExpiration,
      removalPolicy: config.removalPolicy,
    }).bucket;

    this.siteBucket = new SecureBucket(this, 'Site', {
      logicalId: PINNED_LOGICAL_IDS.siteBucket,
      accessLogs: { bucket: this.logBucket, prefix: 's3/site/' },
      noncurrentVersionExpiration: config.noncurrentVersionExpiration,
      removalPolicy: config.removalPolicy,
    }).bucket;

    // CloudFront (OAC) reads the site. The distribution lives in the stateless stack, and naming
    // it here would make this stack depend on that one, so any distribution of this account may
    // read; only the stateless stack creates one. ListBucket makes a missing page a 404, not a 403.
    const fromCloudFront = {
      principals: [new ServicePrincipal('cloudfront.amazonaws.com')],
      conditions: { StringLike: { 'AWS:SourceArn': `arn:${Aws.PARTITION}:cloudfront::${Aws.ACCOUNT_ID}:distribution/*` } },
    };
    this.siteBucket.addToResourcePolicy(
      new PolicyStatement({ sid: 'CloudFrontReadsObjects', actions: ['s3:GetObject'], resources: [this.siteBucket.arnForObjects('*')], ...fromCloudFront }),
    );
    this.siteBucket.addToResourcePolicy(
      new PolicyStatement({ sid: 'CloudFrontListsForNotFound', actions: ['s3:ListBucket'], resources: [this.siteBucket.bucketArn], ...fromCloudFront }),
    );

    // Browsers PUT stamped copies to presigned URLs (their Content-Type and Content-Length are
    // signed) and open presigned GET links. The form's origin is the distribution's, which this
    // stack cannot name without depending on the stateless one: a custom domain (and the stage's
    // extra origins) when configured, else any origin, since the distribution's *.cloudfront.net
    // name is unknown here (the presigned signature, not CORS, is what authorises a request).
    const custom = customOrigin(config);
    const origins = custom ? [custom, ...config.extraCorsOrigins] : ['*'];
    this.privateBucket = new SecureBucket(this, 'Private', {
      logicalId: PINNED_LOGICAL_IDS.privateBucket,
      accessLogs: { bucket: this.logBucket, prefix: 's3/private/' },
      noncurrentVersionExpiration: config.noncurrentVersionExpiration,
      removalPolicy: config.removalPolicy,
      cors: [
        {
          allowedMethods: [HttpMethods.PUT, HttpMethods.GET],
          allowedOrigins: origins,
          allowedHeaders: ['content-type'],
          exposedHeaders: ['ETag'],
          maxAge: 600,
        },
      ],
    }).bucket;

    this.table = new FilingTable(this, 'Filings', {
      logicalId: PINNED_LOGICAL_IDS.table,
      deletionProtection: config.protectData,
      removalPolicy: config.removalPolicy,
      // `-c rebuildIndex=GSI1`: the first deploy of an index rebuild (docs/deploy.md)
      withoutIndex: (this.node.tryGetContext('rebuildIndex') as string | undefined) || undefined,
    }).table;

    const values: Record<StatefulExport, string> = {
      TableName: this.table.tableName,
      TableArn: this.table.tableArn,
      TableStreamArn: this.table.tableStreamArn!,
      SiteBucketName: this.siteBucket.bucketName,
      SiteBucketArn: this.siteBucket.bucketArn,
      SiteBucketDomain: this.siteBucket.bucketRegionalDomainName,
      LogBucketName: this.logBucket.bucketName,
      LogBucketArn: this.logBucket.bucketArn,
      LogBucketDomain: this.logBucket.bucketRegionalDomainName,
      PrivateBucketName: this.privateBucket.bucketName,
      PrivateBucketArn: this.privateBucket.bucketArn,
      PrivateBucketDomain: this.privateBucket.bucketRegionalDomainName,
    };
    for (const key of STATEFUL_EXPORTS) {
      new CfnOutput(this, `Export${key}`, { value: values[key], exportName: exportName(config.prefix, key) });
    }
  }
}
