import type { CreateTableCommandInput, StreamSpecification } from '@aws-sdk/client-dynamodb';

/** Attribute that DynamoDB's TTL reads, in epoch seconds. */
export const TTL_ATTRIBUTE = 'expiresAt';

const keyed = (tableName: string, indexes: string[]): CreateTableCommandInput => ({
  TableName: tableName,
  BillingMode: 'PAY_PER_REQUEST',
  AttributeDefinitions: [
    { AttributeName: 'PK', AttributeType: 'S' },
    { AttributeName: 'SK', AttributeType: 'S' },
    ...indexes.flatMap((index) => [
      { AttributeName: `${index}PK`, AttributeType: 'S' as const },
      { AttributeName: `${index}SK`, AttributeType: 'S' as const },
    ]),
  ],
  KeySchema: [
    { AttributeName: 'PK', KeyType: 'HASH' },
    { AttributeName: 'SK', KeyType: 'RANGE' },
  ],
  GlobalSecondaryIndexes: indexes.length
    ? indexes.map((index) => ({
        IndexName: index,
        KeySchema: [
          { AttributeName: `${index}PK`, KeyType: 'HASH' as const },
          { AttributeName: `${index}SK`, KeyType: 'RANGE' as const },
        ],
        Projection: { ProjectionType: 'ALL' as const },
      }))
    : undefined,
  SSESpecification: { Enabled: true },
});

/** Mirrors ControlPlaneTable in serverless.yml; the local stack creates it from here. */
export const controlPlaneTableSchema = (tableName: string): CreateTableCommandInput => keyed(tableName, ['GSI1']);

/** Every write to an account table, with the item before and after it, feeds the outbox relay. */
export const ACCOUNT_TABLE_STREAM: StreamSpecification = { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' };

/**
 * Every account table has the same shape. Three overloaded indexes are created up front
 * because adding an index later means updating and backfilling every account's table.
 */
export const accountTableSchema = (tableName: string): CreateTableCommandInput => ({
  ...keyed(tableName, ['GSI1', 'GSI2', 'GSI3']),
  StreamSpecification: ACCOUNT_TABLE_STREAM,
});
