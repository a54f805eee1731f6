/**
 * A private bucket: all public access blocked, TLS only, S3-managed encryption, versioned,
 * server access logs to the log bucket. The site bucket is one; readers reach it only through
 * CloudFront's Origin Access Control.
 */
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  CfnBucket,
  ObjectOwnership,
  type CorsRule,
  type IBucket,
} from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';

export interface SecureBucketProps {
  /** where S3 server access logs go; omit only for the log bucket itself */
  accessLogs?: { bucket: IBucket; prefix: string };
  /** old versions are deleted this long after being replaced. @default 90 days */
  noncurrentVersionExpiration?: Duration;
  /** current objects expire after this long (log buckets). @default never */
  expiration?: Duration;
  /**
   * Log buckets must accept CloudFront's standard-log ACL grant, so they keep ACLs enabled
   * (BucketOwnerPreferred); every other bucket disables ACLs. @default false
   */
  receivesCloudFrontLogs?: boolean;
  /** @default RemovalPolicy.RETAIN */
  removalPolicy?: RemovalPolicy;
  /** pinned CloudFormation logical id */
  logicalId: string;
  /** browsers that PUT to presigned URLs (the private bucket). @default none */
  cors?: CorsRule[];
}

export class SecureBucket extends Construct {
  readonly bucket: Bucket;

  constructor(scope: Construct, id: string, props: SecureBucketProps) {
    super(scope, id);
    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      encryption: BucketEncryption.S3_MANAGED,
      versioned: true,
      objectOwnership: props.receivesCloudFrontLogs ? ObjectOwnership.BUCKET_OWNER_PREFERRED : ObjectOwnership.BUCKET_OWNER_ENFORCED,
      ...(props.accessLogs
        ? { serverAccessLogsBucket: props.accessLogs.bucket, serverAccessLogsPrefix: props.accessLogs.prefix }
        : {}),
      lifecycleRules: [
        {
          id: 'expire-old-versions',
          noncurrentVersionExpiration: props.noncurrentVersionExpiration ?? Duration.days(90),
          abortIncompleteMultipartUploadAfter: Duration.days(7),
          ...(props.expiration ? { expiration: props.expiration } : {}),
        },
      ],
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
      ...(props.cors ? { cors: props.cors } : {}),
    });
    (this.bucket.node.defaultChild as CfnBucket).overrideLogicalId(props.logicalId);
  }
}
