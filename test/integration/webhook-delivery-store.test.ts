import { CreateTableCommand, DeleteTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoWebhookDeliveryStore } from '../../shared/adapters/dynamodb/dynamo-webhook-delivery-store';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import type { WebhookDelivery } from '../../shared/domain/webhooks/webhook-delivery-record';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';

// The delivery store on DynamoDB Local: what it reads back, how it lists, and which writes its conditions refuse.
const TABLE = `ordo-sandbox-acct-deliveries-${process.pid}-${Date.now()}`;

const raw = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
const store = new DynamoWebhookDeliveryStore(createDocumentClient(raw), TABLE);

let made = 0;
const delivery = (webhookId: string, overrides: Partial<WebhookDelivery> = {}): WebhookDelivery => {
  made++;
  return {
    webhookId,
    messageId: `msg_${String(made).padStart(4, '0')}`,
    eventType: 'order.created',
    status: 'PENDING',
    attempts: [],
    body: '{"type":"order.created","timestamp":"2025-03-14T09:00:00.000Z","data":{}}',
    createdOn: new Date(Date.UTC(2025, 2, 14, 9, 0, made)).toISOString(),
    version: 1,
    ...overrides,
  };
};

beforeAll(async () => {
  await raw.send(new CreateTableCommand(accountTableSchema(TABLE)));
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: TABLE }));
  raw.destroy();
});

describe('DynamoWebhookDeliveryStore on DynamoDB Local', () => {
  it('reads back a delivery as it was created, by its subscription and message id', async () => {
    // Prepare
    const created = delivery('wh_read', { attempts: [{ at: '2025-03-14T09:00:00.000Z', statusCode: 500, durationMs: 31 }], nextAttemptOn: '2025-03-14T09:00:05.000Z' });
    await store.create(created);

    // Act
    const read = await store.get('wh_read', created.messageId);

    // Assess
    expect(read).toEqual(created);
  });

  it('refuses a second delivery of the same message to the same subscription, and keeps the first', async () => {
    // Prepare
    const first = delivery('wh_twice');
    await store.create(first);

    // Act
    const created = await store.create({ ...first, eventType: 'order.status_changed' });

    // Assess
    expect(created).toBe(false);
    expect((await store.get('wh_twice', first.messageId))?.eventType).toBe('order.created');
  });

  it('marks a delivery to expire 30 days after it was created', async () => {
    // Prepare
    const created = delivery('wh_ttl');
    await store.create(created);

    // Act
    const { Item } = await raw.send(
      new GetItemCommand({ TableName: TABLE, Key: { PK: { S: `WEBHOOK_DELIVERY#wh_ttl#${created.messageId}` }, SK: { S: 'DELIVERY' } } }),
    );

    // Assess
    expect(Number(Item?.expiresAt?.N)).toBe(Date.parse(created.createdOn) / 1000 + 30 * 86_400);
  });

  it('replaces a delivery read at its stored version, and refuses one made from a stale read', async () => {
    // Prepare
    const created = delivery('wh_replace');
    await store.create(created);
    await store.replace({ ...created, status: 'DELIVERED', version: 2 }, 1);

    // Act
    const stale = await store.replace({ ...created, status: 'FAILED', version: 2 }, 1);

    // Assess
    expect(stale).toBe(false);
    expect((await store.get('wh_replace', created.messageId))?.status).toBe('DELIVERED');
  });

  it("lists a subscription's deliveries newest first, page by page, and none of another subscription's", async () => {
    // Prepare
    const mine = [delivery('wh_list'), delivery('wh_list'), delivery('wh_list')];
    for (const each of [...mine, delivery('wh_other')]) await store.create(each);

    // Act
    const first = await store.list('wh_list', { limit: 2 });
    const second = await store.list('wh_list', { limit: 2, cursor: first.cursor });

    // Assess
    expect([...first.items, ...second.items].map((each) => each.messageId)).toEqual(mine.map((each) => each.messageId).reverse());
    expect(second.cursor).toBeUndefined();
  });

  it('lists the deliveries of one status, following a delivery whose status changed', async () => {
    // Prepare
    const failed = delivery('wh_status');
    const pending = delivery('wh_status');
    await store.create(failed);
    await store.create(pending);
    await store.replace({ ...failed, status: 'FAILED', version: 2 }, 1);

    // Act
    const [onlyFailed, stillPending] = await Promise.all([store.list('wh_status', { status: 'FAILED', limit: 10 }), store.list('wh_status', { status: 'PENDING', limit: 10 })]);

    // Assess
    expect(onlyFailed.items.map((each) => each.messageId)).toEqual([failed.messageId]);
    expect(stillPending.items.map((each) => each.messageId)).toEqual([pending.messageId]);
  });
});
