import type { DynamoDBRecord } from 'aws-lambda';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { LocalChangeStreams } from '../../scripts/local-stack/stream-reader';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoStockSummaries } from '../../shared/adapters/dynamodb/dynamo-stock-summaries';
import { stockFigureChangesOf } from '../../shared/adapters/dynamodb/stock-stream-changes';

/** Every record a table's change stream on DynamoDB Local holds so far, from its start, in Lambda's shape. */
export const streamedRecords = async (tableName: string, endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''): Promise<DynamoDBRecord[]> => {
  const raw = localDynamoDbClient(endpoint);
  try {
    const streams = new LocalChangeStreams(raw, endpoint);
    const [table] = await streams.tables(tableName);
    if (!table?.streamArn) throw new Error(`${tableName} has no change stream`);
    const records: DynamoDBRecord[] = [];
    for (const { shardId } of await streams.shards(table.streamArn)) {
      let iterator: string | undefined = await streams.iterator(table.streamArn, shardId, { type: 'TRIM_HORIZON' });
      while (iterator) {
        const page = await streams.records(table.streamArn, iterator);
        records.push(...page.records);
        iterator = page.records.length ? page.next : undefined;
      }
    }
    return records;
  } finally {
    raw.destroy();
  }
};

/**
 * Brings the table's availability summaries up to date as the relay does on AWS: the stock changes of its
 * change stream applied in order, `batchSize` records at a time. Read from the stream's start each time:
 * the figures are absolute, so changes applied before are applied again to the same end.
 */
export const catchUpSummaries = async (tableName: string, batchSize = 100, endpoint = process.env.AWS_ENDPOINT_URL_DYNAMODB ?? ''): Promise<number> => {
  const records = await streamedRecords(tableName, endpoint);
  const raw = localDynamoDbClient(endpoint);
  try {
    const summaries = new DynamoStockSummaries(createDocumentClient(raw), tableName);
    for (let start = 0; start < records.length; start += batchSize) await summaries.apply(stockFigureChangesOf(records.slice(start, start + batchSize)));
    return records.length;
  } finally {
    raw.destroy();
  }
};
