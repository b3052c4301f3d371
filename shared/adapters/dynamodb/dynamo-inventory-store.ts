import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StockPosition } from '../../engine/engine-model';
import type { InventoryStore } from '../../ports/inventory-store';
import type { StockSummaries } from '../../ports/stock-summaries';
import {
  stockCountItem,
  stockCountKey,
  locationPartition,
  reservationKey,
  skuPartition,
  stockPositionsFromItems,
} from './inventory-items';
import { queryAll } from './query-all';

const withoutAvailable = (position: StockPosition): Omit<StockPosition, 'available'> => ({
  skuRef: position.skuRef,
  locationRef: position.locationRef,
  onHand: position.onHand,
  reserved: position.reserved,
  safetyStock: position.safetyStock,
  updatedOn: position.updatedOn,
});

/** Positions as count and reservation items (see inventory-items.ts). */
export class DynamoInventoryStore implements InventoryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    /** The read model a count is written through to, where the SKU has a summary already. */
    private readonly summaries?: StockSummaries,
  ) {}

  /**
   * A full count replaces the count item; reservations live in their own item, so the write
   * needs no condition. The read is only for the safety stock to keep and the reply.
   */
  async setCount(
    count: { skuRef: string; locationRef: string; onHand: number; safetyStock?: number },
    updatedOn: string,
  ): Promise<Omit<StockPosition, 'available'>> {
    const current = await this.get(count.skuRef, count.locationRef);
    const safetyStock = count.safetyStock ?? current?.safetyStock ?? 0;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: stockCountItem({ skuRef: count.skuRef, locationRef: count.locationRef, onHand: count.onHand, safetyStock, updatedOn }),
      }),
    );
    await this.summaries?.apply([{ skuRef: count.skuRef, locationRef: count.locationRef, part: 'count', count: { onHand: count.onHand, safetyStock } }], {
      build: false,
    });
    return { skuRef: count.skuRef, locationRef: count.locationRef, onHand: count.onHand, reserved: current?.reserved ?? 0, safetyStock, updatedOn };
  }

  async get(skuRef: string, locationRef: string): Promise<Omit<StockPosition, 'available'> | undefined> {
    const items = await Promise.all(
      [stockCountKey(skuRef, locationRef), reservationKey(skuRef, locationRef)].map(
        async (Key) => (await this.client.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }))).Item,
      ),
    );
    const [position] = stockPositionsFromItems(items.filter((item): item is Record<string, unknown> => item !== undefined));
    return position && withoutAvailable(position);
  }

  async listBySku(skuRef: string): Promise<Omit<StockPosition, 'available'>[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': skuPartition(skuRef) },
      // Sourcing reads every location of a SKU on each request: fetch only what it uses.
      ProjectionExpression: 'SK, skuRef, locationRef, onHand, reserved, safetyStock, updatedOn',
    });
    return stockPositionsFromItems(items).map(withoutAvailable);
  }

  async listByLocation(locationRef: string): Promise<Omit<StockPosition, 'available'>[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :loc',
      ExpressionAttributeValues: { ':loc': locationPartition(locationRef) },
    });
    return stockPositionsFromItems(items).map(withoutAvailable);
  }
}
