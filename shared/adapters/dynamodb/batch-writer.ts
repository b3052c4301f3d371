import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

const BATCH_SIZE = 25;
const MAX_ATTEMPTS = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Puts items with BatchWriteItem in groups of 25 and retries UnprocessedItems with
 * exponential backoff and jitter, as AWS advises for throttled batches.
 */
export const writeAll = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  items: Record<string, unknown>[],
): Promise<number> => {
  let requests = 0;
  for (let start = 0; start < items.length; start += BATCH_SIZE) {
    let pending = items.slice(start, start + BATCH_SIZE).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; pending.length; attempt++) {
      if (attempt >= MAX_ATTEMPTS) throw new Error(`${pending.length} items stayed unprocessed after ${MAX_ATTEMPTS} attempts`);
      if (attempt > 0) await pause(Math.random() * 25 * 2 ** attempt);
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: pending } }));
      requests++;
      pending = (result.UnprocessedItems?.[tableName] ?? []) as typeof pending;
    }
  }
  return requests;
};
