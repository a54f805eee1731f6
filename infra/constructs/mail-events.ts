/**
 * SES v2 sending: a configuration set (TLS required, reputation metrics, account suppression
 * list for bounces and complaints) whose bounce and complaint events go to an encrypted SNS topic.
 * `grantSend` allows SendEmail only from the configured sender through this configuration set.
 */
import { Arn, Stack, Token } from 'aws-cdk-lib';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  ConfigurationSet,
  ConfigurationSetTlsPolicy,
  EmailIdentity,
  EmailSendingEvent,
  EventDestination,
  Identity,
  SuppressionReasons,
} from 'aws-cdk-lib/aws-ses';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { acknowledgeNag } from './nag.js';

export interface MailEventsProps {
  /** the topic's KMS key; its policy must let SES use it */
  key: IKey;
  /** the From address every e-mail uses */
  mailFrom: string;
  /** @default ConfigurationSetTlsPolicy.REQUIRE (mail is never sent in clear) */
  tlsPolicy?: ConfigurationSetTlsPolicy;
  /**
   * Create the SES identity of `mailFrom`'s domain (Easy DKIM) in this stack, instead of by hand.
   * Off by default: an identity made by hand (docs/deploy.md) would make the deploy fail.
   */
  createIdentity?: boolean;
}

export class MailEvents extends Construct {
  readonly configurationSet: ConfigurationSet;
  readonly topic: Topic;
  readonly mailFrom: string;
  /** the sending domain's identity, when this stack creates it */
  readonly identity?: EmailIdentity;

  constructor(scope: Construct, id: string, props: MailEventsProps) {
    super(scope, id);
    this.mailFrom = props.mailFrom;
    this.configurationSet = new ConfigurationSet(this, 'ConfigurationSet', {
      tlsPolicy: props.tlsPolicy ?? ConfigurationSetTlsPolicy.REQUIRE,
      reputationMetrics: true,
      suppressionReasons: SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.topic = new Topic(this, 'BouncesAndComplaints', {
      displayName: 'nianbao SES bounces and complaints',
      masterKey: props.key,
      enforceSSL: true,
    });
    this.configurationSet.addEventDestination('ToTopic', {
      destination: EventDestination.snsTopic(this.topic),
      events: [EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT],
    });
    if (props.createIdentity) {
      const domain = props.mailFrom.slice(props.mailFrom.lastIndexOf('@') + 1);
      this.identity = new EmailIdentity(this, 'Identity', {
        identity: Identity.domain(domain),
        configurationSet: this.configurationSet,
      });
    }
  }

  grantSend(fn: IFunction): void {
    const stack = Stack.of(this);
    fn.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          // Recipient identities are checked too while the account is in the SES sandbox.
          Arn.format({ service: 'ses', resource: 'identity', resourceName: '*' }, stack),
          Arn.format({ service: 'ses', resource: 'configuration-set', resourceName: this.configurationSet.configurationSetName }, stack),
        ],
        conditions: { StringEquals: { 'ses:FromAddress': this.mailFrom } },
      }),
    );
    if (fn.role) {
      const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
      const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
      acknowledgeNag(
        fn.role,
        `IAM5[Resource::arn:<AWS::Partition>:ses:${region}:${account}:identity/*]`,
        'SES checks every recipient identity while the account is in the sandbox; the ses:FromAddress condition pins the sender',
      );
    }
  }
}
