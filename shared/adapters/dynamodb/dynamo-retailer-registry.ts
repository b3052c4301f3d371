import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { RetailerRecord } from '../../domain/retailers/retailer';
import type { RetailerRegistry } from '../../ports/retailer-registry';
import { queryAll } from './query-all';
import { RETAILERS_PARTITION, getRetailer, retailerFromItem as fromItem, retailerKey } from './retailer-items';


export class DynamoRetailerRegistry implements RetailerRegistry {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** One update: two registrations at once both land, and the first one's createdOn stays. */
  async register(retailer: Omit<RetailerRecord, 'createdOn'>): Promise<{ retailer: RetailerRecord; created: boolean }> {
    const { Attributes } = await this.client.send(
      new UpdateCommand({
        TableName: this.tableName,
        Key: retailerKey(retailer.retailerId),
        UpdateExpression: 'SET retailerId = :id, #name = :name, template = :template, updatedOn = :now, createdOn = if_not_exists(createdOn, :now)',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':id': retailer.retailerId, ':name': retailer.name, ':template': retailer.template, ':now': retailer.updatedOn },
        ReturnValues: 'ALL_OLD',
      }),
    );
    const createdOn = typeof Attributes?.createdOn === 'string' ? Attributes.createdOn : retailer.updatedOn;
    return { retailer: { ...retailer, createdOn }, created: !Attributes };
  }

  get(retailerId: string): Promise<RetailerRecord | undefined> {
    return getRetailer(this.client, this.tableName, retailerId);
  }

  async list(): Promise<RetailerRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :retailers',
      ExpressionAttributeValues: { ':retailers': RETAILERS_PARTITION },
      ConsistentRead: true,
    });
    return items.map(fromItem);
  }
}
