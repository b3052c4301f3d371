import type { APIGatewayProxyResult } from 'aws-lambda';
import { handler as createWebhookRoute } from '../../../functions/webhooks/create-webhook';
import { handler as deleteWebhookRoute } from '../../../functions/webhooks/delete-webhook';
import { handler as getWebhookRoute } from '../../../functions/webhooks/get-webhook';
import { handler as listWebhooksRoute } from '../../../functions/webhooks/list-webhooks';
import { handler as rotateWebhookSecretRoute } from '../../../functions/webhooks/rotate-webhook-secret';
import { handler as updateWebhookRoute } from '../../../functions/webhooks/update-webhook';
import type { WebhookSubscriptions } from '../../../shared/domain/webhooks/manage-webhooks';
import type { RouteHandler } from '../../../shared/http/route-declaration';
import { logger } from '../../../shared/runtime/logger';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies, type FakeDependencies } from '../../support/dependencies';
import { FakeHostResolver } from '../../support/host-resolver';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../support/lambda';
import { InMemoryWebhookSubscriptionStore } from '../../support/webhook-subscription-store';

// The webhook routes over in-memory fakes: what the HTTP edge answers, and what it stores.

let deps: FakeDependencies;
let webhooks: WebhookSubscriptions;
let store: InMemoryWebhookSubscriptionStore;

type WebhookParts = { context: (accountId: string) => WebhookSubscriptions; authentication: FakeDependencies };
const over =
  (route: RouteHandler<WebhookParts>) =>
  (...call: Parameters<RouteHandler>) =>
    route.with({ context: () => webhooks, authentication: deps })(...call);

const URL_OK = 'https://hooks.example.com/ordo';

interface ErrorBody {
  error: { code: string; message: string; field?: string };
}

interface WebhookBody {
  webhookId: string;
  url: string;
  events: string[];
  status: string;
  secret?: string;
  retailerId?: string;
  createdOn: string;
}

const call = (route: RouteHandler<WebhookParts>, apiKey: string, spec: { method: string; resource: string; webhookId?: string; body?: unknown }) =>
  over(route)(
    apiGatewayEvent({
      method: spec.method,
      resource: spec.resource,
      headers: bearer(apiKey),
      body: spec.body,
      ...(spec.webhookId === undefined ? {} : { pathParameters: { webhookId: spec.webhookId } }),
    }),
    lambdaContext(),
  );

const create = (apiKey: string, body: unknown) => call(createWebhookRoute, apiKey, { method: 'POST', resource: '/v1/webhooks', body });
const list = (apiKey: string) => call(listWebhooksRoute, apiKey, { method: 'GET', resource: '/v1/webhooks' });
const get = (apiKey: string, webhookId: string) => call(getWebhookRoute, apiKey, { method: 'GET', resource: '/v1/webhooks/{webhookId}', webhookId });
const update = (apiKey: string, webhookId: string, body: unknown) =>
  call(updateWebhookRoute, apiKey, { method: 'PATCH', resource: '/v1/webhooks/{webhookId}', webhookId, body });
const remove = (apiKey: string, webhookId: string) =>
  call(deleteWebhookRoute, apiKey, { method: 'DELETE', resource: '/v1/webhooks/{webhookId}', webhookId });
const rotate = (apiKey: string, webhookId: string) =>
  call(rotateWebhookSecretRoute, apiKey, { method: 'POST', resource: '/v1/webhooks/{webhookId}/rotate-secret', webhookId });

const created = async (apiKey: string, body: Record<string, unknown> = {}): Promise<WebhookBody> => {
  const response = await create(apiKey, { url: URL_OK, events: ['order.created'], ...body });
  if (response.statusCode !== 201) throw new Error(`setup failed: ${response.body}`);
  return jsonBody<WebhookBody>(response);
};

const statusAndField = (response: APIGatewayProxyResult) => [response.statusCode, jsonBody<ErrorBody>(response).error.field];

describe('the webhook subscription routes', () => {
  let admin: string;
  let r1Admin: string;
  let r2Admin: string;

  beforeEach(async () => {
    deps = fakeDependencies();
    store = new InMemoryWebhookSubscriptionStore();
    webhooks = {
      webhooks: store,
      keys: deps.dataKeys,
      resolver: new FakeHostResolver({ 'hooks.example.com': ['93.184.216.34'], 'intranet.example.com': ['10.1.2.3'] }),
      policy: { allowInsecureLocal: false },
      clock: deps.clock,
    };
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    admin = (await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' })).apiKey;
    r1Admin = (await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN', retailerId: 'r1' })).apiKey;
    r2Admin = (await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN', retailerId: 'r2' })).apiKey;
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('POST /v1/webhooks', () => {
    it('answers 201 with the enabled subscription and its secret', async () => {
      // Act
      const response = await create(admin, { url: URL_OK, events: ['order.created', 'order.status_changed'], description: 'ERP' });

      // Assess
      expect(response.statusCode).toBe(201);
      expect(jsonBody(response)).toEqual({
        webhookId: expect.stringMatching(/^wh_/),
        url: URL_OK,
        events: ['order.created', 'order.status_changed'],
        status: 'ENABLED',
        description: 'ERP',
        secret: expect.stringMatching(/^whsec_/),
        createdOn: '2025-03-14T09:26:53.000Z',
      });
    });

    it.each([
      ['the metadata address', 'http://169.254.169.254/latest/meta-data/'],
      ['the metadata address in decimal', 'https://2852039166/'],
      ['a loopback address in hex', 'https://0x7f.1/hooks'],
      ['a host that resolves to a private address', 'https://intranet.example.com/hooks'],
      ['plain http on a deployed stage', 'http://hooks.example.com/ordo'],
    ])('refuses %s with 400 naming url, storing nothing', async (_what, url) => {
      // Act
      const response = await create(admin, { url, events: ['*'] });

      // Assess
      expect(statusAndField(response)).toEqual([400, 'url']);
      expect(store.records.size).toBe(0);
    });

    it('refuses includeCustomer from a key whose role lacks CUSTOMER_READ with 403, storing nothing', async () => {
      // Prepare
      deps.roles.seed('acme', 'hooks-admin', ['WEBHOOK_MANAGE']);
      const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'hooks-admin' });

      // Act
      const response = await create(apiKey, { url: URL_OK, events: ['order.created'], includeCustomer: true });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(store.records.size).toBe(0);
    });

    it.each(['INTEGRATION', 'READONLY'])('refuses a key of the %s role with 403', async (role) => {
      // Prepare
      const { apiKey } = await seedApiKey(deps.controlPlane, { accountId: 'acme', role });

      // Act
      const response = await create(apiKey, { url: URL_OK, events: ['order.created'] });

      // Assess
      expect(response.statusCode).toBe(403);
      expect(store.records.size).toBe(0);
    });

    it('refuses an unknown field with 400 naming it', async () => {
      // Act
      const response = await create(admin, { url: URL_OK, events: ['order.created'], secret: 'whsec_mine' });

      // Assess
      expect(statusAndField(response)).toEqual([400, 'secret']);
    });

    it("subscribes a retailer's key to its own retailer's events", async () => {
      // Act
      const response = await create(r1Admin, { url: URL_OK, events: ['*'] });

      // Assess
      expect(jsonBody<WebhookBody>(response).retailerId).toBe('r1');
    });
  });

  describe('GET /v1/webhooks and GET /v1/webhooks/{webhookId}', () => {
    it('lists the subscriptions without their secrets', async () => {
      // Prepare
      const { secret: _secret, ...subscription } = await created(admin);

      // Act
      const response = await list(admin);

      // Assess
      expect(response.statusCode).toBe(200);
      expect(jsonBody(response)).toEqual({ items: [subscription] });
    });

    it('reads one subscription without its secret', async () => {
      // Prepare
      const { secret, ...subscription } = await created(admin);

      // Act
      const response = await get(admin, subscription.webhookId);

      // Assess
      expect(jsonBody(response)).toEqual(subscription);
      expect(response.body).not.toContain(secret);
    });

    it("answers 404 to a retailer's key reading another retailer's subscription", async () => {
      // Prepare
      const { webhookId } = await created(r2Admin);

      // Act
      const response = await get(r1Admin, webhookId);

      // Assess
      expect(response.statusCode).toBe(404);
    });

    it('refuses a malformed id with 400 naming webhookId', async () => {
      // Act
      const response = await get(admin, 'not-a-webhook');

      // Assess
      expect(statusAndField(response)).toEqual([400, 'webhookId']);
    });
  });

  describe('PATCH /v1/webhooks/{webhookId}', () => {
    it('answers the subscription as changed', async () => {
      // Prepare
      const { webhookId } = await created(admin);

      // Act
      const response = await update(admin, webhookId, { status: 'DISABLED', events: ['*'] });

      // Assess
      expect(response.statusCode).toBe(200);
      expect(jsonBody(response)).toMatchObject({ webhookId, status: 'DISABLED', events: ['*'] });
    });

    it('refuses a url that points at a private address with 400 naming url, keeping the old one', async () => {
      // Prepare
      const { webhookId } = await created(admin);

      // Act
      const response = await update(admin, webhookId, { url: 'https://10.0.0.1/hooks' });

      // Assess
      expect(statusAndField(response)).toEqual([400, 'url']);
      expect(store.records.get(webhookId)?.subscription.url).toBe(URL_OK);
    });

    it('refuses an empty change with 400', async () => {
      // Prepare
      const { webhookId } = await created(admin);

      // Act
      const response = await update(admin, webhookId, {});

      // Assess
      expect(response.statusCode).toBe(400);
    });
  });

  describe('DELETE /v1/webhooks/{webhookId}', () => {
    it('answers 204 with no body and removes the subscription', async () => {
      // Prepare
      const { webhookId } = await created(admin);

      // Act
      const response = await remove(admin, webhookId);

      // Assess
      expect([response.statusCode, response.body]).toEqual([204, '']);
      expect(store.records.has(webhookId)).toBe(false);
    });

    it("answers 404 to a retailer's key deleting another retailer's subscription, which stays", async () => {
      // Prepare
      const { webhookId } = await created(r2Admin);

      // Act
      const response = await remove(r1Admin, webhookId);

      // Assess
      expect(response.statusCode).toBe(404);
      expect(store.records.has(webhookId)).toBe(true);
    });
  });

  describe('POST /v1/webhooks/{webhookId}/rotate-secret', () => {
    it('answers 200 with the subscription and a new secret', async () => {
      // Prepare
      const { secret: first, ...subscription } = await created(admin);

      // Act
      const response = await rotate(admin, subscription.webhookId);

      // Assess
      expect(response.statusCode).toBe(200);
      const rotated = jsonBody<WebhookBody>(response);
      expect(rotated).toEqual({ ...subscription, secret: expect.stringMatching(/^whsec_/) });
      expect(rotated.secret).not.toBe(first);
    });

    it('answers 404 for a subscription that does not exist', async () => {
      // Act
      const response = await rotate(admin, 'wh_never-made');

      // Assess
      expect(response.statusCode).toBe(404);
    });
  });
});
