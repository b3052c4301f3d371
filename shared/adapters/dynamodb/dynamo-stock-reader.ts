import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StockPosition } from '../../engine/engine-model';
import type { InventoryReader, StockRead } from '../../engine/engine-store';
import { positionsOfSummaryItem, summaryKey } from './availability-summary-items';

/** SKUs whose unpacked summaries a reader keeps, the least recently read going first. */
const KEPT_SUMMARIES = 1_000;
import { batchGet } from './batch-reader';
import { skuPartition, stockPositionsFromItems } from './inventory-items';
import { queryAll } from './query-all';

/**
 * Stock for sourcing, from one account's table. Exactly: one consistent Query of each SKU's partition
 * (two items per location). From the read model: one BatchGetItem of the SKUs' summaries, whatever the
 * number of locations; a SKU without a summary (none built yet, or too large for one item) is read exactly.
 * A summary read again unchanged is not unpacked again: the reader keeps the positions of the last
 * summary it read of each SKU (frozen, since every caller shares them).
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
    const summarised = new Map<string, readonly StockPosition[]>();
    for (const item of items) {
      const positions = this.unpacked(item);
      if (positions) summarised.set(item.skuRef as string, positions);
    }
    const unsummarised = wanted.filter((skuRef) => !summarised.has(skuRef));
    return [...wanted.flatMap((skuRef) => summarised.get(skuRef) ?? []), ...(await this.exact(unsummarised))];
  }

  private readonly kept = new Map<string, { packed: Uint8Array; positions: readonly StockPosition[] }>();

  /**
   * Kept by the packed bytes, not the version: a summary deleted and built again starts its versions
   * afresh, and comparing 10 KB costs next to nothing beside unpacking them.
   */
  private unpacked(item: Record<string, unknown>): readonly StockPosition[] | undefined {
    const skuRef = item.skuRef as string;
    const packed = item.packed instanceof Uint8Array ? item.packed : undefined;
    const kept = this.kept.get(skuRef);
    this.kept.delete(skuRef);
    if (kept && packed && Buffer.compare(kept.packed, packed) === 0) {
      this.kept.set(skuRef, kept);
      return kept.positions;
    }
    const positions = positionsOfSummaryItem(item);
    if (!positions || !packed) return positions;
    const frozen = Object.freeze(positions.map((position) => Object.freeze(position)));
    this.kept.set(skuRef, { packed, positions: frozen });
    if (this.kept.size > KEPT_SUMMARIES) this.kept.delete(this.kept.keys().next().value as string);
    return frozen;
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
