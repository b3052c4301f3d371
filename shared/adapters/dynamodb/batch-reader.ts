import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../../domain/bounded-parallel';
import { groupsOf, untilProcessed } from './batch-retry';

/** DynamoDB's cap on the keys of one BatchGetItem call. */
const GET_LIMIT = 100;

export interface BatchGetOptions {
  /** Only these attributes of each item. */
  projection?: string;
  /** Groups of 100 keys in flight at once (default 1). */
  parallel?: number;
  /** What the keys name, for the error when some stay unread (default "keys"). */
  noun?: string;
}

/**
 * Reads the items of `keys` consistently with BatchGetItem, 100 keys a call, and retries
 * UnprocessedKeys as batchWrite retries UnprocessedItems. Items come back in no set order;
 * keys without an item are left out.
 */
export const batchGet = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  options: BatchGetOptions = {},
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  const tasks = groupsOf(keys, GET_LIMIT).map((group) => () =>
    untilProcessed(
      group,
      async (pending) => {
        const request = { Keys: pending, ConsistentRead: true, ...(options.projection ? { ProjectionExpression: options.projection } : {}) };
        const reply = await client.send(new BatchGetCommand({ RequestItems: { [tableName]: request } }));
        items.push(...(reply.Responses?.[tableName] ?? []));
        return (reply.UnprocessedKeys?.[tableName]?.Keys ?? []) as Record<string, unknown>[];
      },
      (count, attempts) => `${count} ${options.noun ?? 'keys'} stayed unread after ${attempts} attempts`,
    ),
  );
  await inParallel(tasks, options.parallel ?? 1);
  return items;
};
