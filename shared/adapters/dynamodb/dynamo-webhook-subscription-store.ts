import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Sealed } from '../../domain/privacy/sealed';
import type { WebhookSubscription, WebhookSubscriptionRecord } from '../../domain/webhooks/webhook-subscription';
import type { WebhookSubscriptionStore } from '../../ports/webhook-subscription-store';
import { queryAll } from './query-all';
import { writtenIfCondition } from './conditional-write';

/** One partition holds the account's subscriptions: few, and read together when an event is sent. */
const PARTITION = 'WEBHOOK';
const subscriptionKey = (webhookId: string) => ({ PK: PARTITION, SK: webhookId });

const itemOf = ({ subscription, secrets, version, updatedOn, consecutiveFailures }: WebhookSubscriptionRecord) => ({
  ...subscriptionKey(subscription.webhookId),
  ...subscription,
  secrets,
  version,
  updatedOn,
  ...(consecutiveFailures === undefined ? {} : { consecutiveFailures }),
});

const recordOf = (item: Record<string, unknown>): WebhookSubscriptionRecord => {
  const { PK: _pk, SK: _sk, secrets, version, updatedOn, consecutiveFailures, ...subscription } = item;
  return {
    subscription: subscription as unknown as WebhookSubscription,
    secrets: secrets as Sealed,
    version: version as number,
    updatedOn: updatedOn as string,
    ...(consecutiveFailures === undefined ? {} : { consecutiveFailures: consecutiveFailures as number }),
  };
};

/** Subscriptions in the account's table, one item each, the secrets only ever sealed. */
export class DynamoWebhookSubscriptionStore implements WebhookSubscriptionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  create(record: WebhookSubscriptionRecord): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(new PutCommand({ TableName: this.tableName, Item: itemOf(record), ConditionExpression: 'attribute_not_exists(PK)' })),
    );
  }

  async get(webhookId: string): Promise<WebhookSubscriptionRecord | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: subscriptionKey(webhookId), ConsistentRead: true }));
    return Item ? recordOf(Item) : undefined;
  }

  async list(): Promise<WebhookSubscriptionRecord[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'PK = :partition',
      ExpressionAttributeValues: { ':partition': PARTITION },
      ConsistentRead: true,
    });
    return items.map(recordOf);
  }

  replace(record: WebhookSubscriptionRecord, readVersion: number): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: itemOf(record),
          // A missing item has no version, so this refuses a deleted subscription too.
          ConditionExpression: 'version = :read',
          ExpressionAttributeValues: { ':read': readVersion },
        }),
      ),
    );
  }

  delete(webhookId: string): Promise<boolean> {
    return writtenIfCondition(() =>
      this.client.send(
        new DeleteCommand({ TableName: this.tableName, Key: subscriptionKey(webhookId), ConditionExpression: 'attribute_exists(PK)' }),
      ),
    );
  }
}
