import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../../domain/bounded-parallel';
import { groupsOf, untilProcessed } from './batch-retry';

const BATCH_SIZE = 25;

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

export interface BatchWriteOptions {
  /** Groups of 25 in flight at once (default 1). */
  parallel?: number;
}

/**
 * Sends write requests with BatchWriteItem in groups of 25 and retries UnprocessedItems
 * with exponential backoff and jitter, as AWS advises for throttled batches.
 * Returns the number of BatchWriteItem calls made.
 */
export const batchWrite = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: WriteRequest[],
  options: BatchWriteOptions = {},
): Promise<number> => {
  let calls = 0;
  const tasks = groupsOf(requests, BATCH_SIZE).map((group) => async () => {
    calls += await untilProcessed(
      group,
      async (pending) => {
        const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
        return (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
      },
      (count, attempts) => `${count} items stayed unprocessed after ${attempts} attempts`,
    );
  });
  await inParallel(tasks, options.parallel ?? 1);
  return calls;
};

/** Puts every item; see batchWrite. */
export const writeAll = (client: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[], options?: BatchWriteOptions) =>
  batchWrite(
    client,
    tableName,
    items.map((Item) => ({ PutRequest: { Item } })),
    options,
  );

/** Deletes every key; see batchWrite. */
export const deleteAll = (client: DynamoDBDocumentClient, tableName: string, keys: Record<string, unknown>[]) =>
  batchWrite(
    client,
    tableName,
    keys.map((Key) => ({ DeleteRequest: { Key } })),
  );
