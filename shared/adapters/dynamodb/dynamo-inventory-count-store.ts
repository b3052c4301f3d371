import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StockCount } from '../../domain/inventory/stock-count';
import { stockKey } from '../../engine/stock-changes';
import type { InventoryCountStore } from '../../ports/inventory-count-store';
import { batchGet } from './batch-reader';
import { writeAll } from './batch-writer';
import { stockCountFromItem, stockCountItem, stockCountKey } from './inventory-items';

/** Requests in flight at once for one chunk, so a chunk does not starve the table's other users. */
const PARALLEL = 8;

/** Counts as count items (see inventory-items.ts): BatchGetItem to read, BatchWriteItem to replace. */
export class DynamoInventoryCountStore implements InventoryCountStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async getCounts(positions: readonly { skuRef: string; locationRef: string }[]): Promise<Map<string, StockCount>> {
    // Consistent, so a chunk right after another sees its counts and skips them as unchanged.
    const keys = positions.map((position) => stockCountKey(position.skuRef, position.locationRef));
    const items = await batchGet(this.client, this.tableName, keys, { parallel: PARALLEL, noun: 'counts' });
    const counts = new Map<string, StockCount>();
    for (const item of items) {
      const count = stockCountFromItem(item);
      counts.set(stockKey(count.skuRef, count.locationRef), count);
    }
    return counts;
  }

  async putCounts(counts: readonly StockCount[]): Promise<void> {
    await writeAll(this.client, this.tableName, counts.map(stockCountItem), { parallel: PARALLEL });
  }
}
