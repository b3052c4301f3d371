import { BatchGetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inParallel } from '../../domain/bounded-parallel';
import { countKey, type InventoryCount } from '../../domain/inventory/count';
import type { InventoryCountStore } from '../../ports/inventory-count-store';
import { writeAll } from './batch-writer';
import { inventoryCountFromItem, inventoryCountItem, inventoryCountKey } from './inventory-items';

/** DynamoDB's cap on the keys of one BatchGetItem call. */
const GET_LIMIT = 100;
/** Requests in flight at once for one chunk, so a chunk does not starve the table's other users. */
const PARALLEL = 8;
const MAX_ATTEMPTS = 8;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const slices = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** Counts as count items (see inventory-items.ts): BatchGetItem to read, BatchWriteItem to replace. */
export class DynamoInventoryCountStore implements InventoryCountStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getCounts(positions: readonly { skuRef: string; locationRef: string }[]): Promise<Map<string, InventoryCount>> {
    const counts = new Map<string, InventoryCount>();
    const tasks = slices(positions, GET_LIMIT).map((group) => async () => {
      let keys: Record<string, unknown>[] = group.map((position) => inventoryCountKey(position.skuRef, position.locationRef));
      for (let attempt = 0; keys.length; attempt++) {
        if (attempt >= MAX_ATTEMPTS) throw new Error(`${keys.length} counts stayed unread after ${MAX_ATTEMPTS} attempts`);
        if (attempt > 0) await pause(Math.random() * 25 * 2 ** attempt);
        const reply = await this.client.send(
          // Consistent, so a chunk right after another sees its counts and skips them as unchanged.
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ConsistentRead: true } } }),
        );
        for (const item of reply.Responses?.[this.tableName] ?? []) {
          const count = inventoryCountFromItem(item);
          counts.set(countKey(count.skuRef, count.locationRef), count);
        }
        keys = (reply.UnprocessedKeys?.[this.tableName]?.Keys ?? []) as Record<string, unknown>[];
      }
    });
    await inParallel(tasks, PARALLEL);
    return counts;
  }

  async putCounts(counts: readonly InventoryCount[]): Promise<void> {
    // writeAll sends groups of 25 and retries UnprocessedItems with backoff; groups go in parallel.
    const tasks = slices(counts, 25).map((group) => () => writeAll(this.client, this.tableName, group.map(inventoryCountItem)));
    await inParallel(tasks, PARALLEL);
  }
}
