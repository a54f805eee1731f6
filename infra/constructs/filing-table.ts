/**
 * The single table, mirrored from functions/adapters/dynamodb-table.ts (the shape the local
 * runtime creates), so keys, the GSI and its projection can never drift from what the code queries.
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  CfnTable,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { createTableInput, KEYS } from '../../functions/adapters/dynamodb-table.js';

export interface FilingTableProps {
  /** deletion protection (on in prod). @default true */
  deletionProtection?: boolean;
  /** @default RemovalPolicy.RETAIN */
  removalPolicy?: RemovalPolicy;
  /** pinned CloudFormation logical id, so a refactor never replaces the table. @default 'FilingTable' */
  logicalId?: string;
  /**
   * An index left out of this deploy, the first of the two that change its projection
   * (CloudFormation cannot change a GSI's projection in place; docs/deploy.md). @default none
   */
  withoutIndex?: string;
}

const attributeType = (name: string): AttributeType => {
  const definition = createTableInput('x').AttributeDefinitions?.find((a) => a.AttributeName === name);
  if (definition?.AttributeType !== 'S') throw new Error(`table attribute ${name} is not a string key`);
  return AttributeType.STRING;
};

export class FilingTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: FilingTableProps = {}) {
    super(scope, id);
    const shape = createTableInput('x');
    const key = (type: 'HASH' | 'RANGE', schema = shape.KeySchema) => {
      const name = schema?.find((k) => k.KeyType === type)?.AttributeName;
      if (!name) throw new Error(`table shape has no ${type} key`);
      return { name, type: attributeType(name) };
    };
    if (shape.StreamSpecification?.StreamViewType !== 'NEW_AND_OLD_IMAGES') {
      throw new Error('the publisher needs a NEW_AND_OLD_IMAGES stream');
    }
    this.table = new Table(this, 'Table', {
      partitionKey: key('HASH'),
      sortKey: key('RANGE'),
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      deletionProtection: props.deletionProtection ?? true,
      stream: StreamViewType.NEW_AND_OLD_IMAGES,
      timeToLiveAttribute: KEYS.ttl,
      encryption: TableEncryption.AWS_MANAGED,
      removalPolicy: props.removalPolicy ?? RemovalPolicy.RETAIN,
    });
    const indexes = shape.GlobalSecondaryIndexes ?? [];
    if (props.withoutIndex !== undefined && !indexes.some((i) => i.IndexName === props.withoutIndex)) {
      throw new Error(`rebuildIndex: no index ${props.withoutIndex} (the table has ${indexes.map((i) => i.IndexName).join(', ')})`);
    }
    for (const index of indexes.filter((i) => i.IndexName !== props.withoutIndex)) {
      const projection = index.Projection?.ProjectionType;
      this.table.addGlobalSecondaryIndex({
        indexName: index.IndexName!,
        partitionKey: key('HASH', index.KeySchema),
        sortKey: key('RANGE', index.KeySchema),
        projectionType:
          projection === 'INCLUDE' ? ProjectionType.INCLUDE : projection === 'KEYS_ONLY' ? ProjectionType.KEYS_ONLY : ProjectionType.ALL,
        ...(projection === 'INCLUDE' ? { nonKeyAttributes: index.Projection?.NonKeyAttributes ?? [] } : {}),
      });
    }
    (this.table.node.defaultChild as CfnTable).overrideLogicalId(props.logicalId ?? 'FilingTable');
  }
}
