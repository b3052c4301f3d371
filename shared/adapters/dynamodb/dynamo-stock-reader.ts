import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StockPosition } from '../../engine/engine-model';
import type { InventoryReader, StockRead } from '../../engine/engine-store';
import { positionsOfSummaryItem, summaryKey } from './availability-summary-items';
import { batchGet } from './batch-reader';
import { skuPartition, stockPositionsFromItems } from './inventory-items';
import { queryAll } from './query-all';

/**
 * Stock for sourcing, from one account's table. Exactly: one consistent Query of each SKU's partition
 * (two items per location). From the read model: one BatchGetItem of the SKUs' summaries, whatever the
 * number of locations; a SKU without a summary (none built yet, or too large for one item) is read exactly.
 */
export class DynamoStockReader implements InventoryReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly defaultRead: StockRead = 'exact',
  ) {}

  async positions(skuRefs: string[], read: StockRead = this.defaultRead): Promise<StockPosition[]> {
    const wanted = [...new Set(skuRefs)];
    if (read === 'exact' || wanted.length === 0) return this.exact(wanted);
    const items = await batchGet(this.client, this.tableName, wanted.map(summaryKey), { noun: 'availability summaries' });
    const summarised = new Map<string, StockPosition[]>();
    for (const item of items) {
      const positions = positionsOfSummaryItem(item);
      if (positions) summarised.set(item.skuRef as string, positions);
    }
    const unsummarised = wanted.filter((skuRef) => !summarised.has(skuRef));
    return [...wanted.flatMap((skuRef) => summarised.get(skuRef) ?? []), ...(await this.exact(unsummarised))];
  }

  private async exact(skuRefs: readonly string[]): Promise<StockPosition[]> {
    const perSku = await Promise.all(
      skuRefs.map(async (skuRef) =>
        // The partition holds the SKU's counts and reservations (see inventory-items.ts).
        stockPositionsFromItems(
          await queryAll(this.client, {
            TableName: this.tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': skuPartition(skuRef) },
            ConsistentRead: true,
          }),
        ),
      ),
    );
    return perSku.flat();
  }
}
