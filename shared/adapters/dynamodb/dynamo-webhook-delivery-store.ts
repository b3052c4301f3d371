import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DELIVERY_RETENTION_DAYS, type DeliveryStatus, type WebhookDelivery } from '../../domain/webhooks/webhook-delivery-record';
import type { DeliveryListQuery, WebhookDeliveryStore } from '../../ports/webhook-delivery-store';
import { queryPage } from './query-page';
import { TTL_ATTRIBUTE } from './table-schemas';
import { writtenIfCondition } from './conditional-write';

/**
 * Each delivery has its own partition, so a busy subscription spreads its writes; GSI1 lists a
 * subscription's deliveries by time, GSI2 the same per status (the index key moves with the status).
 */
const deliveryKey = (webhookId: string, messageId: string) => ({ PK: `WEBHOOK_DELIVERY#${webhookId}#${messageId}`, SK: 'DELIVERY' });
const byWebhook = (webhookId: string) => `WEBHOOK_DELIVERIES#${webhookId}`;
const byWebhookAndStatus = (webhookId: string, status: DeliveryStatus) => `WEBHOOK_DELIVERIES#${webhookId}#${status}`;

const expiresAt = (createdOn: string) => Math.floor(Date.parse(createdOn) / 1000) + DELIVERY_RETENTION_DAYS * 86_400;

const itemOf = (delivery: WebhookDelivery) => {
  const newestFirst = `${delivery.createdOn}#${delivery.messageId}`;
  return {
    ...deliveryKey(delivery.webhookId, delivery.messageId),
    GSI1PK: byWebhook(delivery.webhookId),
    GSI1SK: newestFirst,
    GSI2PK: byWebhookAndStatus(delivery.webhookId, delivery.status),
    GSI2SK: newestFirst,
    ...delivery,
    [TTL_ATTRIBUTE]: expiresAt(delivery.createdOn),
  };
};

const deliveryOf = (item: Record<string, unknown>): WebhookDelivery => {
  const { PK: _pk, SK: _sk, GSI1PK: _g1pk, GSI1SK: _g1sk, GSI2PK: _g2pk, GSI2SK: _g2sk, [TTL_ATTRIBUTE]: _ttl, ...delivery } = item;
  return delivery as unknown as WebhookDelivery;
};

/** Webhook deliveries in the account's table, kept 30 days (DynamoDB TTL). */
export class DynamoWebhookDeliveryStore implements WebhookDeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  create(delivery: WebhookDelivery): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(new PutCommand({ TableName: this.tableName, Item: itemOf(delivery), ConditionExpression: 'attribute_not_exists(PK)' })),
    );
  }

  async get(webhookId: string, messageId: string): Promise<WebhookDelivery | undefined> {
    const { Item } = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: deliveryKey(webhookId, messageId), ConsistentRead: true }),
    );
    return Item ? deliveryOf(Item) : undefined;
  }

  replace(delivery: WebhookDelivery, readVersion: number): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: itemOf(delivery),
          // A missing item has no version, so this never brings back one that expired.
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': readVersion },
        }),
      ),
    );
  }

  async list(webhookId: string, { status, limit, cursor }: DeliveryListQuery): Promise<{ items: WebhookDelivery[]; cursor?: string }> {
    const [IndexName, partition] = status ? ['GSI2', byWebhookAndStatus(webhookId, status)] : ['GSI1', byWebhook(webhookId)];
    const page = await queryPage(
      this.client,
      {
        TableName: this.tableName,
        IndexName,
        KeyConditionExpression: `${IndexName}PK = :partition`,
        ExpressionAttributeValues: { ':partition': partition },
        ScanIndexForward: false,
      },
      limit,
      cursor,
    );
    return { items: page.items.map(deliveryOf), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
  }
}
