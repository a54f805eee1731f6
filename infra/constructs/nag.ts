/**
 * cdk-nag acknowledgments, always with a reason. The infra tests list every acknowledgment in
 * the app, so adding one is a visible decision.
 */
import { Validations } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';

/** Acknowledges an AwsSolutions finding (`L1`, `IAM5[Resource::*]` …) on `scope` and its children. */
export function acknowledgeNag(scope: IConstruct, rule: string, reason: string): void {
  if (reason.trim().length < 20) throw new Error(`cdk-nag acknowledgment of ${rule} needs a real reason`);
  Validations.of(scope).acknowledge({ id: `AwsSolutions::AwsSolutions-${rule}`, reason });
}
