import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { createDocumentClient } from '../../../../shared/adapters/dynamodb/document-client';
import { DynamoWebhookDeliveryStore } from '../../../../shared/adapters/dynamodb/dynamo-webhook-delivery-store';
import type { WebhookDelivery } from '../../../../shared/domain/webhooks/webhook-delivery-record';

const TABLE = 'ordo-unit-acct-acme';

const delivery: WebhookDelivery = {
  webhookId: 'wh_1',
  messageId: 'msg_abc',
  eventType: 'order.created',
  status: 'PENDING',
  attempts: [{ at: '2025-03-14T09:00:00.000Z', statusCode: 500, durationMs: 20 }],
  nextAttemptOn: '2025-03-14T09:00:05.000Z',
  body: '{"type":"order.created"}',
  createdOn: '2025-03-14T09:00:00.000Z',
  version: 2,
};

const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('DynamoWebhookDeliveryStore', () => {
  const ddbMock = mockClient(DynamoDBDocumentClient);
  const store = new DynamoWebhookDeliveryStore(createDocumentClient(new DynamoDBClient({ region: 'us-east-1' })), TABLE);

  beforeEach(() => {
    ddbMock.reset();
  });

  afterAll(() => {
    ddbMock.restore();
  });

  it('creates a delivery in a partition of its own, indexed by subscription and by status, expiring after 30 days', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    const created = await store.create(delivery);

    // Assess
    expect(created).toBe(true);
    expect(ddbMock.commandCalls(PutCommand)[0].args[0].input).toEqual({
      TableName: TABLE,
      Item: {
        PK: 'WEBHOOK_DELIVERY#wh_1#msg_abc',
        SK: 'DELIVERY',
        GSI1PK: 'WEBHOOK_DELIVERIES#wh_1',
        GSI1SK: '2025-03-14T09:00:00.000Z#msg_abc',
        GSI2PK: 'WEBHOOK_DELIVERIES#wh_1#PENDING',
        GSI2SK: '2025-03-14T09:00:00.000Z#msg_abc',
        ...delivery,
        expiresAt: Date.parse('2025-04-13T09:00:00.000Z') / 1000,
      },
      ConditionExpression: 'attribute_not_exists(PK)',
    });
  });

  it('says when the subscription already has a message of that id', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(conditionFailed());

    // Act
    const created = await store.create(delivery);

    // Assess
    expect(created).toBe(false);
  });

  it('reads a delivery by its subscription and message id, consistently, without the table keys', async () => {
    // Prepare
    ddbMock.on(GetCommand).resolves({ Item: { PK: 'WEBHOOK_DELIVERY#wh_1#msg_abc', SK: 'DELIVERY', GSI1PK: 'x', GSI1SK: 'y', GSI2PK: 'z', GSI2SK: 'w', expiresAt: 1, ...delivery } });

    // Act
    const read = await store.get('wh_1', 'msg_abc');

    // Assess
    expect(read).toEqual(delivery);
    expect(ddbMock.commandCalls(GetCommand)[0].args[0].input).toEqual({
      TableName: TABLE,
      Key: { PK: 'WEBHOOK_DELIVERY#wh_1#msg_abc', SK: 'DELIVERY' },
      ConsistentRead: true,
    });
  });

  it('replaces a delivery only at the version it was read, moving it to the index of its new status', async () => {
    // Prepare
    ddbMock.on(PutCommand).resolves({});

    // Act
    await store.replace({ ...delivery, status: 'DELIVERED', version: 3 }, 2);

    // Assess
    expect(ddbMock.commandCalls(PutCommand)[0].args[0].input).toMatchObject({
      Item: { GSI2PK: 'WEBHOOK_DELIVERIES#wh_1#DELIVERED', status: 'DELIVERED', version: 3 },
      ConditionExpression: 'version = :read',
      ExpressionAttributeValues: { ':read': 2 },
    });
  });

  it('refuses a replace made from a stale read', async () => {
    // Prepare
    ddbMock.on(PutCommand).rejects(conditionFailed());

    // Act
    const replaced = await store.replace({ ...delivery, version: 3 }, 2);

    // Assess
    expect(replaced).toBe(false);
  });

  it("lists a subscription's deliveries newest first", async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [delivery] });

    // Act
    const page = await store.list('wh_1', { limit: 20 });

    // Assess
    expect(page).toEqual({ items: [delivery] });
    expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({
      IndexName: 'GSI1',
      KeyConditionExpression: 'GSI1PK = :partition',
      ExpressionAttributeValues: { ':partition': 'WEBHOOK_DELIVERIES#wh_1' },
      ScanIndexForward: false,
      Limit: 20,
    });
  });

  it('lists the deliveries of one status from their own index key, reading nothing of the others', async () => {
    // Prepare
    ddbMock.on(QueryCommand).resolves({ Items: [] });

    // Act
    await store.list('wh_1', { status: 'FAILED', limit: 20 });

    // Assess
    expect(ddbMock.commandCalls(QueryCommand)[0].args[0].input).toMatchObject({
      IndexName: 'GSI2',
      KeyConditionExpression: 'GSI2PK = :partition',
      ExpressionAttributeValues: { ':partition': 'WEBHOOK_DELIVERIES#wh_1#FAILED' },
    });
  });
});
