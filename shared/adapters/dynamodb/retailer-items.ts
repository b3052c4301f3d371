import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RetailerRecord } from '../../domain/retailers/retailer';

// One partition for all of an account's retailers: a listing is one Query, read consistently.
export const RETAILERS_PARTITION = 'RETAILERS';
export const retailerKey = (retailerId: string) => ({ PK: RETAILERS_PARTITION, SK: `RETAILER#${retailerId}` });

export const retailerFromItem = (item: Record<string, unknown>): RetailerRecord => ({
  retailerId: String(item.retailerId),
  name: String(item.name),
  template: item.template as RetailerRecord['template'],
  createdOn: String(item.createdOn),
  updatedOn: String(item.updatedOn),
});

/**
 * One retailer's record, read consistently. Apart from the registry, so functions that only check a retailer is
 * registered (orders, uploads, jobs, keys) hold no command that writes one.
 */
export const getRetailer = async (client: DynamoDBDocumentClient, tableName: string, retailerId: string): Promise<RetailerRecord | undefined> => {
  const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: retailerKey(retailerId), ConsistentRead: true }));
  return Item ? retailerFromItem(Item) : undefined;
};
