import { CreateTableCommand, DeleteTableCommand, PutItemCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LocalChangeStreams } from '../../scripts/local-stack/stream-reader';
import { ACCOUNT_TABLE_STREAM } from '../../shared/adapters/dynamodb/table-schemas';

const PROBE_TABLE = 'ordo-test-stream-probe';

/**
 * How many stream records DynamoDB Local has written since it started: it numbers them all in one sequence, deleted
 * tables' included, so a probe table's first record carries the count. Its table is gone again on return.
 */
export const streamRecordsWritten = async (client: DynamoDBClient, endpoint: string): Promise<number> => {
  const { TableDescription } = await client.send(
    new CreateTableCommand({
      TableName: PROBE_TABLE,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      StreamSpecification: ACCOUNT_TABLE_STREAM,
    }),
  );
  try {
    await client.send(new PutItemCommand({ TableName: PROBE_TABLE, Item: { pk: { S: 'probe' } } }));
    const streamArn = TableDescription?.LatestStreamArn;
    if (!streamArn) throw new Error(`${PROBE_TABLE} has no change stream`);
    const streams = new LocalChangeStreams(client, endpoint);
    const [{ shardId }] = await streams.shards(streamArn);
    const { records } = await streams.records(streamArn, await streams.iterator(streamArn, shardId, { type: 'TRIM_HORIZON' }));
    return Number(records[0]?.dynamodb?.SequenceNumber ?? 0);
  } finally {
    await client.send(new DeleteTableCommand({ TableName: PROBE_TABLE }));
  }
};
