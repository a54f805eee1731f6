/**
 * The customer-managed key for the SNS topics. AWS's own `alias/aws/sns` key cannot be granted to
 * SES or CloudWatch, so encrypted topics they publish to need a key whose policy names them.
 */
import { Aws, Duration, RemovalPolicy } from 'aws-cdk-lib';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

export interface NotificationKeyProps {
  /** services that publish to topics under this key. @default SES and CloudWatch */
  publishers?: string[];
}

export class NotificationKey extends Construct {
  readonly key: Key;

  constructor(scope: Construct, id: string, props: NotificationKeyProps = {}) {
    super(scope, id);
    this.key = new Key(this, 'Key', {
      description: 'nianbao notification topics (SES events, alarms)',
      enableKeyRotation: true,
      pendingWindow: Duration.days(7),
      removalPolicy: RemovalPolicy.DESTROY,
    });
    for (const service of props.publishers ?? ['ses.amazonaws.com', 'cloudwatch.amazonaws.com']) {
      this.key.addToResourcePolicy(
        new PolicyStatement({
          principals: [new ServicePrincipal(service)],
          actions: ['kms:GenerateDataKey*', 'kms:Decrypt'],
          resources: ['*'],
          conditions: { StringEquals: { 'aws:SourceAccount': Aws.ACCOUNT_ID } },
        }),
      );
    }
  }
}
