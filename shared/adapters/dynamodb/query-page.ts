import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, refusedCursor } from './pagination-cursor';

/** A filter can leave a DynamoDB page short; this many pages are read at most to fill one of ours. */
const MAX_PAGES = 20;

/**
 * One page of an API listing: up to `limit` items from `cursor` on, reading as many DynamoDB
 * pages as a filter needs, and the cursor of what comes next.
 */
export const queryPage = async (
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: Record<string, unknown>[]; cursor?: string }> => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey = decodeCursor(cursor);
  for (let page = 0; page < MAX_PAGES && items.length < limit; page++) {
    const cursorUsed = ExclusiveStartKey !== undefined;
    const result = await client
      .send(new QueryCommand({ ...input, Limit: limit - items.length, ExclusiveStartKey }))
      .catch((error: unknown) => {
        throw refusedCursor(error, cursorUsed);
      });
    items.push(...(result.Items ?? []));
    ExclusiveStartKey = result.LastEvaluatedKey;
    if (!ExclusiveStartKey) break;
  }
  return { items, cursor: encodeCursor(ExclusiveStartKey) };
};
