import { CreateTableCommand, DeleteTableCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { createDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoWebhookSubscriptionStore } from '../../shared/adapters/dynamodb/dynamo-webhook-subscription-store';
import { accountTableSchema } from '../../shared/adapters/dynamodb/table-schemas';
import { createWebhook, type WebhookSubscriptions } from '../../shared/domain/webhooks/manage-webhooks';
import type { WebhookSubscriptionRecord } from '../../shared/domain/webhooks/webhook-subscription';
import { localDynamoDbClient } from '../../scripts/local-stack/dynamodb-local';
import { ManualClock } from '../support/clock';
import { FixedDataKeys } from '../support/data-keys';
import { FakeHostResolver } from '../support/host-resolver';
import { accountPrincipal } from '../support/principals';

// The subscription store on DynamoDB Local: what it reads back, and which writes its conditions refuse.
const TABLE = `ordo-sandbox-acct-webhooks-${process.pid}-${Date.now()}`;

const raw = localDynamoDbClient(process.env.AWS_ENDPOINT_URL_DYNAMODB ?? '');
const store = new DynamoWebhookSubscriptionStore(createDocumentClient(raw), TABLE);
const context: WebhookSubscriptions = {
  webhooks: store,
  keys: new FixedDataKeys(),
  resolver: new FakeHostResolver({ 'hooks.example.com': ['93.184.216.34'] }),
  policy: { allowInsecureLocal: false },
  clock: new ManualClock('2025-03-14T09:00:00.000Z'),
};

const subscribe = (retailerId?: string) =>
  createWebhook({ url: 'https://hooks.example.com/ordo', events: ['order.created'], ...(retailerId ? { retailerId } : {}) }, accountPrincipal(), context);

const stored = async (webhookId: string): Promise<WebhookSubscriptionRecord> => {
  const record = await store.get(webhookId);
  if (!record) throw new Error(`webhook ${webhookId} was not stored`);
  return record;
};

beforeAll(async () => {
  await raw.send(new CreateTableCommand(accountTableSchema(TABLE)));
});

afterAll(async () => {
  await raw.send(new DeleteTableCommand({ TableName: TABLE }));
  raw.destroy();
});

describe('DynamoWebhookSubscriptionStore on DynamoDB Local', () => {
  it('reads back a subscription as it was created', async () => {
    // Prepare
    const { secret: _secret, ...created } = await subscribe('R1');

    // Act
    const record = await stored(created.webhookId);

    // Assess
    expect(record).toMatchObject({ subscription: created, version: 1, updatedOn: '2025-03-14T09:00:00.000Z' });
  });

  it('finds nothing under an id no subscription has', async () => {
    // Act
    const record = await store.get('wh_never-created');

    // Assess
    expect(record).toBeUndefined();
  });

  it('keeps the secret out of the stored item', async () => {
    // Prepare
    const { webhookId, secret } = await subscribe();

    // Act
    const { Item } = await raw.send(new GetItemCommand({ TableName: TABLE, Key: { PK: { S: 'WEBHOOK' }, SK: { S: webhookId } } }));

    // Assess
    expect(Item).toBeDefined();
    const text = JSON.stringify(Item);
    expect(text).not.toContain(secret);
    expect(text).not.toContain(secret.slice('whsec_'.length));
  });

  it('lists the subscriptions of every retailer', async () => {
    // Prepare
    const first = await subscribe('R1');
    const second = await subscribe('R2');

    // Act
    const ids = (await store.list()).map((record) => record.subscription.webhookId);

    // Assess
    expect(ids).toEqual(expect.arrayContaining([first.webhookId, second.webhookId]));
  });

  it('replaces a subscription read at its stored version', async () => {
    // Prepare
    const read = await stored((await subscribe()).webhookId);

    // Act
    const replaced = await store.replace({ ...read, subscription: { ...read.subscription, status: 'DISABLED' }, version: 2 }, read.version);

    // Assess
    expect(replaced).toBe(true);
    expect((await stored(read.subscription.webhookId)).subscription.status).toBe('DISABLED');
  });

  it('keeps the count of failed messages beside the subscription, out of what callers see', async () => {
    // Prepare
    const read = await stored((await subscribe()).webhookId);

    // Act
    await store.replace({ ...read, consecutiveFailures: 3, version: 2 }, read.version);

    // Assess
    const record = await stored(read.subscription.webhookId);
    expect(record.consecutiveFailures).toBe(3);
    expect(record.subscription).not.toHaveProperty('consecutiveFailures');
  });

  it('refuses a replace made from a stale read and keeps what is stored', async () => {
    // Prepare
    const read = await stored((await subscribe()).webhookId);
    await store.replace({ ...read, version: 2 }, read.version);

    // Act
    const replaced = await store.replace({ ...read, subscription: { ...read.subscription, status: 'DISABLED' }, version: 2 }, read.version);

    // Assess
    expect(replaced).toBe(false);
    expect((await stored(read.subscription.webhookId)).subscription.status).toBe('ENABLED');
  });

  it('refuses to replace a subscription that is gone, and writes nothing', async () => {
    // Prepare
    const read = await stored((await subscribe()).webhookId);
    await store.delete(read.subscription.webhookId);

    // Act
    const replaced = await store.replace({ ...read, version: 2 }, read.version);

    // Assess
    expect(replaced).toBe(false);
    expect(await store.get(read.subscription.webhookId)).toBeUndefined();
  });

  it('refuses to create a subscription under an id already taken', async () => {
    // Prepare
    const read = await stored((await subscribe()).webhookId);

    // Act
    const created = await store.create({ ...read, subscription: { ...read.subscription, url: 'https://other.example.com/' } });

    // Assess
    expect(created).toBe(false);
    expect((await stored(read.subscription.webhookId)).subscription.url).toBe('https://hooks.example.com/ordo');
  });

  it('deletes a subscription', async () => {
    // Prepare
    const { webhookId } = await subscribe();

    // Act
    const deleted = await store.delete(webhookId);

    // Assess
    expect(deleted).toBe(true);
    expect(await store.get(webhookId)).toBeUndefined();
  });

  it('says when there was no subscription to delete', async () => {
    // Act
    const deleted = await store.delete('wh_never-created');

    // Assess
    expect(deleted).toBe(false);
  });
});
