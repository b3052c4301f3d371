import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { decodeCursor, encodeCursor, refusedCursor } from './pagination-cursor';

/** Items a search evaluates per Query: larger than any page, so a sparse filter needs few round trips. */
const SEARCH_PAGE_ITEMS = 200;

/**
 * One page of a filtered read (a search) that bounds the items it evaluates: up to `limit`
 * matches, reading at most `maxRead` items of the index from `cursor` on. A page may so hold
 * fewer than `limit` items and still a cursor, and one call never reads through the table.
 * DynamoDB pages larger than the page asked for are cut after the last match taken, whose own
 * key (`keyAttributes`: the index's and the table's) is where the next page starts.
 */
export const searchPage = async (
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'Limit' | 'ExclusiveStartKey'>,
  page: { limit: number; cursor: string | undefined; maxRead: number; keyAttributes: readonly string[] },
): Promise<{ items: Record<string, unknown>[]; cursor?: string }> => {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey = decodeCursor(page.cursor);
  let read = 0;
  while (read < page.maxRead) {
    const cursorUsed = ExclusiveStartKey !== undefined;
    const result = await client
      .send(new QueryCommand({ ...input, Limit: Math.min(SEARCH_PAGE_ITEMS, page.maxRead - read), ExclusiveStartKey }))
      .catch((error: unknown) => {
        throw refusedCursor(error, cursorUsed);
      });
    read += result.ScannedCount ?? 0;
    const found = result.Items ?? [];
    const wanted = page.limit - items.length;
    if (found.length >= wanted) {
      items.push(...found.slice(0, wanted));
      const cut = found.length > wanted;
      const last = items[items.length - 1] as Record<string, unknown>;
      return { items, cursor: cut ? encodeCursor(keyOf(last, page.keyAttributes)) : encodeCursor(result.LastEvaluatedKey) };
    }
    items.push(...found);
    ExclusiveStartKey = result.LastEvaluatedKey;
    if (!ExclusiveStartKey) break;
  }
  return { items, cursor: encodeCursor(ExclusiveStartKey) };
};

const keyOf = (item: Record<string, unknown>, attributes: readonly string[]) =>
  Object.fromEntries(attributes.map((name) => [name, item[name]]));
