import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { StockLevel } from '../../engine/engine-model';
import type { InventoryPosition } from '../../domain/inventory/position';
import type { InventoryStore } from '../../ports/inventory-store';
import {
  inventoryCountItem,
  inventoryCountKey,
  locationPartition,
  reservationKey,
  skuPartition,
  stockLevelsFromItems,
} from './inventory-items';
import { queryAll } from './query-all';

const toPosition = (level: StockLevel): InventoryPosition => ({
  skuRef: level.skuRef,
  locationRef: level.locationRef,
  onHand: level.onHand,
  reserved: level.reserved,
  safetyStock: level.safetyStock,
  updatedOn: level.updatedOn as string,
});

/** Positions as count and reservation items (see inventory-items.ts). */
export class DynamoInventoryStore implements InventoryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /**
   * A full count replaces the count item; reservations live in their own item, so the write
   * needs no condition. The read is only for the safety stock to keep and the reply.
   */
  async setCount(
    count: { skuRef: string; locationRef: string; onHand: number; safetyStock?: number },
    updatedOn: string,
  ): Promise<InventoryPosition> {
    const current = await this.get(count.skuRef, count.locationRef);
    const safetyStock = count.safetyStock ?? current?.safetyStock ?? 0;
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: inventoryCountItem({ skuRef: count.skuRef, locationRef: count.locationRef, onHand: count.onHand, safetyStock, updatedOn }),
      }),
    );
    return { skuRef: count.skuRef, locationRef: count.locationRef, onHand: count.onHand, reserved: current?.reserved ?? 0, safetyStock, updatedOn };
  }

  async get(skuRef: string, locationRef: string): Promise<InventoryPosition | undefined> {
    const items = await Promise.all(
      [inventoryCountKey(skuRef, locationRef), reservationKey(skuRef, locationRef)].map(
        async (Key) => (await this.client.send(new GetCommand({ TableName: this.tableName, Key, ConsistentRead: true }))).Item,
      ),
    );
    const [level] = stockLevelsFromItems(items.filter((item): item is Record<string, unknown> => item !== undefined));
    return level && toPosition(level);
  }

  async listBySku(skuRef: string): Promise<InventoryPosition[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': skuPartition(skuRef) },
      // Sourcing reads every location of a SKU on each request: fetch only what it uses.
      ProjectionExpression: 'SK, skuRef, locationRef, onHand, reserved, safetyStock, updatedOn',
    });
    return stockLevelsFromItems(items).map(toPosition);
  }

  async listByLocation(locationRef: string): Promise<InventoryPosition[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :loc',
      ExpressionAttributeValues: { ':loc': locationPartition(locationRef) },
    });
    return stockLevelsFromItems(items).map(toPosition);
  }
}
