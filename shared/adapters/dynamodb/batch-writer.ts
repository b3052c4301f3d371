import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

type WriteRequest = { PutRequest: { Item: Record<string, unknown> } } | { DeleteRequest: { Key: Record<string, unknown> } };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends write requests with BatchWriteItem in groups of 25 and retries UnprocessedItems
 * with exponential backoff and jitter, as AWS advises for throttled batches.
 * Returns the number of BatchWriteItem calls made.
 */
export const batchWrite = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  requests: WriteRequest[],
): Promise<number> => {
  let calls = 0;
  for (let start = 0; start < requests.length; start += BATCH_SIZE) {
    let pending = requests.slice(start, start + BATCH_SIZE);
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`${pending.length} items stayed unprocessed after ${MAX_ATTEMPTS} attempts`);
      if (attempt > 0) await pause(Math.random() * 25 * 2 ** attempt);
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      calls++;
      pending = (result.UnprocessedItems?.[tableName] ?? []) as WriteRequest[];
    }
  }
  return calls;
};

/** Puts every item; see batchWrite. */
export const writeAll = (client: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) =>
  batchWrite(client, tableName, items.map((Item) => ({ PutRequest: { Item } })));

/** Deletes every key; see batchWrite. */
export const deleteAll = (client: DynamoDBDocumentClient, tableName: string, keys: Record<string, unknown>[]) =>
  batchWrite(client, tableName, keys.map((Key) => ({ DeleteRequest: { Key } })));
