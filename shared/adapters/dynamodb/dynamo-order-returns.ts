import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { OrderReturns } from '../../ports/order-returns';
import { retailerSegment } from './engine-items';
import { queryAll } from './query-all';

/** One partition per order, of its retailer: listing an order's returns is one Query. */
const orderReturnsPartition = (retailerId: string, orderRef: string) => `RETURNS#${retailerSegment(retailerId)}#${orderRef}`;

export class DynamoOrderReturns implements OrderReturns {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async add(retailerId: string, orderRef: string, returnRef: string): Promise<void> {
    await this.client.send(
      new PutCommand({
        TableName: this.tableName,
        Item: { PK: orderReturnsPartition(retailerId, orderRef), SK: `RETURN#${returnRef}`, returnRef },
      }),
    );
  }

  async list(retailerId: string, orderRef: string): Promise<string[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': orderReturnsPartition(retailerId, orderRef) },
      ConsistentRead: true,
    });
    return items.map((item) => String(item.returnRef)).sort();
  }
}
