/**
 * Static files that ship with the code (the filing form under `file/`, the site stylesheet under
 * `assets/`), copied to the site bucket by BucketDeployment (a Lambda with the AWS CLI: no Docker
 * at synth). One deployment per Content-Type/Cache-Control pair, since a deployment sets one of
 * each for all its files. Never prunes: the publisher owns every other key.
 */
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { Stack, Token } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag.js';

export interface SiteFile {
  /** object key, e.g. `file/index.html` */
  key: string;
  body: string;
  contentType: string;
  cacheControl: string;
}

export interface SiteFilesProps {
  bucket: IBucket;
  files: readonly SiteFile[];
  /** the bucket ARN as cdk-nag prints it (an import name), for acknowledging the deployment's grant */
  bucketArnFinding: string;
  /** invalidated for the deployed keys after each change. @default none */
  distribution?: IDistribution;
}

export class SiteFiles extends Construct {
  readonly deployments: BucketDeployment[] = [];

  constructor(scope: Construct, id: string, props: SiteFilesProps) {
    super(scope, id);
    const groups = new Map<string, SiteFile[]>();
    for (const file of props.files) {
      const group = `${file.contentType}\n${file.cacheControl}`;
      groups.set(group, [...(groups.get(group) ?? []), file]);
    }
    let n = 0;
    for (const files of groups.values()) {
      const [first] = files;
      if (!first) continue;
      this.deployments.push(
        new BucketDeployment(this, `Files${n++}`, {
          destinationBucket: props.bucket,
          sources: files.map((f) => Source.data(f.key, f.body)),
          prune: false,
          contentType: first.contentType,
          cacheControl: [CacheControl.fromString(first.cacheControl)],
          ...(props.distribution ? { distribution: props.distribution, distributionPaths: files.map((f) => `/${f.key}`) } : {}),
        }),
      );
    }
    // The deployment's Lambda is one per stack, created by CDK beside this construct.
    const stack = Stack.of(this);
    const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
    const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
    for (const child of stack.node.children) {
      if (!child.node.id.startsWith('Custom::CDKBucketDeployment')) continue;
      acknowledgeNag(child, 'L1', 'the CDK-managed BucketDeployment handler pins its own Python runtime; it runs only during deploys');
      acknowledgeNag(child, 'IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]', 'CDK-managed BucketDeployment handler role: logs only');
      for (const action of ['s3:GetObject*', 's3:GetBucket*', 's3:List*', 's3:DeleteObject*', 's3:Abort*']) {
        acknowledgeNag(child, `IAM5[Action::${action}]`, 'CDK-managed BucketDeployment grant: it copies from the asset bucket into the site bucket (deploy time only)');
      }
      acknowledgeNag(child, `IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-${account}-${region}/*]`, 'reads the zipped files from the CDK bootstrap asset bucket');
      acknowledgeNag(child, `IAM5[Resource::${props.bucketArnFinding}/*]`, 'writes the static files under file/ and assets/ of the site bucket');
      acknowledgeNag(child, 'IAM5[Resource::*]', 'CloudFront CreateInvalidation has no resource-level permissions in the CDK-managed grant');
    }
  }
}
