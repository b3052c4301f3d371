import { handler as createWebhookRoute } from '../../functions/webhooks/create-webhook';
import { dynamoDbClient } from '../../shared/composition/dynamodb-clients';
import { webhookSubscriptionsOf } from '../../shared/composition/webhook-subscriptions';
import { accountTableName } from '../../shared/domain/accounts/account';
import { invoke } from '../support/api-gateway-event';
import { DynamoDbRequestCounter } from '../support/dynamodb-request-counter';
import { api, newAccount, scanTable } from './control-plane-api';
import { PUBLIC_WEBHOOK_ORIGIN, webhooksApi as webhooks } from './webhooks-api';

/**
 * The webhook subscription routes in-process on DynamoDB Local, under a deployed stage's rules
 * (https to public addresses only), and under the local stack's, which also let a developer's
 * own http server on loopback receive.
 */
const counter = new DynamoDbRequestCounter().attach(dynamoDbClient());
const URL_OK = `${PUBLIC_WEBHOOK_ORIGIN}/ordo-hooks`;

interface Subscription {
  webhookId: string;
  url: string;
  events: string[];
  status: string;
  retailerId?: string;
  secret?: string;
  createdOn: string;
}

const subscribe = async (apiKey: string, body: Record<string, unknown> = {}): Promise<Subscription> => {
  const response = await webhooks.create(apiKey, { url: URL_OK, events: ['order.created'], ...body });
  if (response.status !== 201) throw new Error(`setup failed: ${response.raw}`);
  return response.body as Subscription;
};

const scopedKey = async (adminKey: string, retailerId: string) =>
  (await api.createApiKey(adminKey, { role: 'ADMIN', retailerId })).body.apiKey as string;

/** Every stored item of the account's table, raw, as one string: what a leak of a secret would show in. */
const storedText = async (accountId: string) => JSON.stringify(await scanTable(accountTableName('sandbox', accountId)));

/** Spellings of addresses a webhook must never reach, on any stage. */
const METADATA_SPELLINGS = [
  'http://169.254.169.254/',
  'http://169.254.169.254/latest/meta-data/iam/security-credentials/',
  'http://2852039166/',
  'http://0xa9fea9fe/',
  'http://0251.0376.0251.0376/',
  'http://169.254.43518/',
  'http://0xA9.0xFE.0xA9.0xFE/',
  'http://[::ffff:169.254.169.254]/',
  'http://[fd00:ec2::254]/',
  'http://metadata.google.internal/computeMetadata/v1/',
];

describe('webhook subscriptions on DynamoDB Local', () => {
  let accountId: string;
  let adminKey: string;

  beforeAll(async () => {
    ({ accountId, apiKey: adminKey } = await newAccount('webhooks'));
  });

  it('shows the secret in the answer to the create only, never in a list or a read, and never stores it in clear', async () => {
    // Prepare
    const { secret, ...subscription } = await subscribe(adminKey, { events: ['order.created', 'order.status_changed'] });

    // Act
    const listed = await webhooks.list(adminKey);
    const read = await webhooks.get(adminKey, subscription.webhookId);

    // Assess
    expect(secret).toMatch(/^whsec_/);
    expect(listed.body.items).toContainEqual(subscription);
    expect(read.body).toEqual(subscription);
    expect(`${listed.raw}${read.raw}`).not.toContain(secret);
    expect(await storedText(accountId)).not.toContain(secret);
  });

  it("lists for a retailer's key only its retailer's subscriptions, and for the unscoped key all of them", async () => {
    // Prepare
    const account = await newAccount('webhooks-list');
    const r1Key = await scopedKey(account.apiKey, 'r1');
    const r2Key = await scopedKey(account.apiKey, 'r2');
    const forR1 = await subscribe(r1Key);
    const forR2 = await subscribe(r2Key);
    const forAll = await subscribe(account.apiKey);

    // Act
    const seenByR1 = await webhooks.list(r1Key);
    const seenByAdmin = await webhooks.list(account.apiKey);

    // Assess
    const ids = (items: Subscription[]) => items.map((item) => item.webhookId).sort();
    expect(ids(seenByR1.body.items)).toEqual([forR1.webhookId]);
    expect(ids(seenByAdmin.body.items)).toEqual([forR1.webhookId, forR2.webhookId, forAll.webhookId].sort());
  });

  it("reads a retailer's subscription with its retailer's key, and answers another retailer's key 404", async () => {
    // Prepare
    const account = await newAccount('webhooks-get');
    const r1Key = await scopedKey(account.apiKey, 'r1');
    const r2Key = await scopedKey(account.apiKey, 'r2');
    const { webhookId } = await subscribe(r1Key);

    // Act
    const byOwner = await webhooks.get(r1Key, webhookId);
    const byOther = await webhooks.get(r2Key, webhookId);

    // Assess
    expect([byOwner.status, byOwner.body.retailerId]).toEqual([200, 'r1']);
    expect(byOther.status).toBe(404);
  });

  it('changes the events and the status, and a read shows the change', async () => {
    // Prepare
    const { webhookId } = await subscribe(adminKey);

    // Act
    const patched = await webhooks.update(adminKey, webhookId, { events: ['*'], status: 'DISABLED' });

    // Assess
    expect(patched.status).toBe(200);
    expect((await webhooks.get(adminKey, webhookId)).body).toMatchObject({ webhookId, url: URL_OK, events: ['*'], status: 'DISABLED' });
  });

  it('refuses a change to a private url with 400 naming url, writing nothing', async () => {
    // Prepare
    const { webhookId } = await subscribe(adminKey);
    counter.reset();

    // Act
    const patched = await webhooks.update(adminKey, webhookId, { url: 'https://192.168.1.10/hooks' });

    // Assess
    expect([patched.status, patched.body.error?.field]).toEqual([400, 'url']);
    expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
    expect((await webhooks.get(adminKey, webhookId)).body.url).toBe(URL_OK);
  });

  it('deletes a subscription: 204, then it is neither read nor listed', async () => {
    // Prepare
    const { webhookId } = await subscribe(adminKey);

    // Act
    const deleted = await webhooks.remove(adminKey, webhookId);

    // Assess
    expect(deleted.status).toBe(204);
    expect((await webhooks.get(adminKey, webhookId)).status).toBe(404);
    expect((await webhooks.list(adminKey)).body.items.map((item: Subscription) => item.webhookId)).not.toContain(webhookId);
  });

  it('rotates the secret: the answer shows a new one, which is never stored in clear', async () => {
    // Prepare
    const { webhookId, secret: first } = await subscribe(adminKey);

    // Act
    const rotated = await webhooks.rotateSecret(adminKey, webhookId);

    // Assess
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ webhookId, url: URL_OK, secret: expect.stringMatching(/^whsec_/) });
    expect(rotated.body.secret).not.toBe(first);
    expect((await webhooks.get(adminKey, webhookId)).raw).not.toContain(rotated.body.secret);
    expect(await storedText(accountId)).not.toContain(rotated.body.secret);
  });

  it('refuses includeCustomer from a key whose role lacks CUSTOMER_READ with 403, writing nothing', async () => {
    // Prepare
    await api.putRole(adminKey, 'hooks-admin', { permissions: ['WEBHOOK_MANAGE'] });
    const hooksKey = (await api.createApiKey(adminKey, { role: 'hooks-admin' })).body.apiKey as string;
    counter.reset();

    // Act
    const response = await webhooks.create(hooksKey, { url: URL_OK, events: ['order.created'], includeCustomer: true });

    // Assess
    expect(response.status).toBe(403);
    expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
  });

  describe('on a deployed stage', () => {
    it.each([
      ...METADATA_SPELLINGS,
      'https://169.254.169.254/',
      'https://10.0.0.1/hooks',
      'https://127.1/hooks',
      'https://0x7f000001/hooks',
      'https://[::1]/hooks',
      'https://100.64.0.1/hooks',
      'https://localhost/hooks',
      'http://93.184.215.14/hooks',
      'ftp://93.184.215.14/hooks',
      'https://user:password@93.184.215.14/hooks',
    ])('refuses %s with 400 naming url, writing nothing', async (url) => {
      // Prepare
      counter.reset();

      // Act
      const response = await webhooks.create(adminKey, { url, events: ['*'] });

      // Assess
      expect([response.status, response.body.error?.field]).toEqual([400, 'url']);
      expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
    });
  });

  describe('on the local stack', () => {
    // What `npm start` sets: http and loopback targets allowed, so a server on the machine can receive.
    const localStack = createWebhookRoute.with({
      context: (id: string) => ({ ...webhookSubscriptionsOf(id), policy: { allowInsecureLocal: true } }),
    });
    const createLocally = (body: unknown) => invoke(localStack, { method: 'POST', resource: '/v1/webhooks', apiKey: adminKey, body });

    it('subscribes a server on loopback over http', async () => {
      // Act
      const response = await createLocally({ url: 'http://127.0.0.1:4000/hooks', events: ['*'] });

      // Assess
      expect([response.status, response.body.url]).toEqual([201, 'http://127.0.0.1:4000/hooks']);
    });

    it.each([...METADATA_SPELLINGS, 'http://10.0.0.1/hooks'])('still refuses %s with 400 naming url, writing nothing', async (url) => {
      // Prepare
      counter.reset();

      // Act
      const response = await createLocally({ url, events: ['*'] });

      // Assess
      expect([response.status, response.body.error?.field]).toEqual([400, 'url']);
      expect(counter.writesTo(accountTableName('sandbox', accountId))).toBe(0);
    });
  });
});
