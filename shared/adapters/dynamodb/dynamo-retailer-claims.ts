import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RetailerClaims } from '../../ports/retailer-claims';
import { eventIdClaimPartition, refClaimPartition } from './engine-items';
import { queryAll } from './query-all';

/** Reads the claim items the engine store writes (see engine-items.ts): one Query per lookup. */
export class DynamoRetailerClaims implements RetailerClaims {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  retailersOfRoot(rootEntityType: string, rootRef: string): Promise<string[]> {
    return this.retailersIn(refClaimPartition(rootEntityType, rootRef));
  }

  retailersOfEvent(eventId: string): Promise<string[]> {
    return this.retailersIn(eventIdClaimPartition(eventId));
  }

  private async retailersIn(partition: string): Promise<string[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': partition },
      ProjectionExpression: 'retailerId',
      ConsistentRead: true,
    });
    return [...new Set(items.map((item) => String(item.retailerId)))].sort();
  }
}
