import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InventoryPosition } from '../../domain/inventory/position';
import type { InventoryStore } from '../../ports/inventory-store';
import { inventoryPositionItem, inventoryPositionKey } from './engine-items';
import { queryAll } from './query-all';

const ATTEMPTS = 5;

const fromItem = (item: Record<string, unknown>): InventoryPosition => ({
  skuRef: item.skuRef as string,
  locationRef: item.locationRef as string,
  onHand: item.onHand as number,
  reserved: (item.reserved as number) ?? 0,
  safetyStock: (item.safetyStock as number) ?? 0,
  updatedOn: item.updatedOn as string,
});

export class DynamoInventoryStore implements InventoryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Read, then write conditioned on the reservations read: a reservation in between makes it retry. */
  async setCount(
    count: { skuRef: string; locationRef: string; onHand: number; safetyStock?: number },
    updatedOn: string,
  ): Promise<InventoryPosition> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.get(count.skuRef, count.locationRef);
      const position: InventoryPosition = {
        skuRef: count.skuRef,
        locationRef: count.locationRef,
        onHand: count.onHand,
        reserved: current?.reserved ?? 0,
        safetyStock: count.safetyStock ?? current?.safetyStock ?? 0,
        updatedOn,
      };
      try {
        await this.client.send(
          new PutCommand({
            TableName: this.tableName,
            // The engine's layout: reservations change this same item in its transactions.
            Item: inventoryPositionItem(position),
            ...(current
              ? { ConditionExpression: 'reserved = :seen', ExpressionAttributeValues: { ':seen': current.reserved } }
              : { ConditionExpression: 'attribute_not_exists(PK)' }),
          }),
        );
        return position;
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException) || attempt >= ATTEMPTS) throw error;
      }
    }
  }

  async get(skuRef: string, locationRef: string): Promise<InventoryPosition | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: inventoryPositionKey(skuRef, locationRef), ConsistentRead: true }),
    );
    return Item ? fromItem(Item) : undefined;
  }

  listBySku(skuRef: string): Promise<InventoryPosition[]> {
    return this.query({
      KeyConditionExpression: 'PK = :pk AND begins_with(SK, :loc)',
      ExpressionAttributeValues: { ':pk': `SKU#${skuRef}`, ':loc': 'LOC#' },
      // Sourcing reads every location of a SKU on each request: fetch only what it uses.
      ProjectionExpression: 'skuRef, locationRef, onHand, reserved, safetyStock, updatedOn',
    });
  }

  listByLocation(locationRef: string): Promise<InventoryPosition[]> {
    return this.query({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :loc AND begins_with(GSI1SK, :sku)',
      ExpressionAttributeValues: { ':loc': `LOC#${locationRef}`, ':sku': 'SKU#' },
    });
  }

  private async query(input: {
    IndexName?: string;
    ProjectionExpression?: string;
    KeyConditionExpression: string;
    ExpressionAttributeValues: Record<string, unknown>;
  }): Promise<InventoryPosition[]> {
    return (await queryAll(this.client, { TableName: this.tableName, ...input })).map(fromItem);
  }
}
