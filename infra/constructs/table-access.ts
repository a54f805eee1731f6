/**
 * Table permissions by level, written out rather than `grantReadWriteData`: that grant adds
 * `index/*`, Scan and table-admin reads no handler uses. Indexes are named one by one.
 */
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';

export type TableAccess = 'none' | 'read' | 'readWrite';

export const READ_ACTIONS = ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query', 'dynamodb:ConditionCheckItem'] as const;
export const WRITE_ACTIONS = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'] as const;

/**
 * `scan`: only for a once-a-year pass over every agency (the reminder handler opening a new
 * reporting year); request handlers never scan.
 */
export function grantTable(table: ITable, grantee: IGrantable, access: TableAccess, indexNames: readonly string[], options: { scan?: boolean } = {}): void {
  if (access === 'none') return;
  const actions: string[] = [...READ_ACTIONS, ...(access === 'readWrite' ? WRITE_ACTIONS : []), ...(options.scan ? ['dynamodb:Scan'] : [])];
  grantee.grantPrincipal.addToPrincipalPolicy(
    new PolicyStatement({
      actions,
      resources: [table.tableArn, ...indexNames.map((name) => `${table.tableArn}/index/${name}`)],
    }),
  );
}
