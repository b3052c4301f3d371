import { handler as listWebhookDeliveriesRoute } from '../../../functions/webhooks/list-webhook-deliveries';
import { handler as retryWebhookDeliveryRoute } from '../../../functions/webhooks/retry-webhook-delivery';
import { handler as testWebhookRoute } from '../../../functions/webhooks/test-webhook';
import { createWebhook } from '../../../shared/domain/webhooks/manage-webhooks';
import { logger } from '../../../shared/runtime/logger';
import { seedApiKey } from '../../support/api-keys';
import { fakeDependencies, type FakeDependencies } from '../../support/dependencies';
import { apiGatewayEvent, bearer, jsonBody, lambdaContext } from '../../support/lambda';
import { accountPrincipal } from '../../support/principals';
import { fakeWebhookDeliveries, type FakeWebhookDeliveries } from '../../support/webhook-deliveries';

// The routes run over in-memory fakes: the control plane for keys, the delivery parts for the rest.
let deps: FakeDependencies;
let webhooks: FakeWebhookDeliveries;
const parts = () => ({ context: () => webhooks, authentication: deps });

interface ErrorBody {
  error: { code: string; field?: string };
}

const sendTest = (apiKey: string, webhookId: string) =>
  testWebhookRoute.with(parts())(
    apiGatewayEvent({ method: 'POST', resource: '/v1/webhooks/{webhookId}/test', pathParameters: { webhookId }, headers: bearer(apiKey) }),
    lambdaContext(),
  );

const list = (apiKey: string, webhookId: string, query: Record<string, string> = {}) => {
  const event = apiGatewayEvent({ method: 'GET', resource: '/v1/webhooks/{webhookId}/deliveries', pathParameters: { webhookId }, headers: bearer(apiKey) });
  return listWebhookDeliveriesRoute.with(parts())({ ...event, queryStringParameters: query }, lambdaContext());
};

const retry = (apiKey: string, webhookId: string, messageId: string) =>
  retryWebhookDeliveryRoute.with(parts())(
    apiGatewayEvent({
      method: 'POST',
      resource: '/v1/webhooks/{webhookId}/deliveries/{messageId}/retry',
      pathParameters: { webhookId, messageId },
      headers: bearer(apiKey),
    }),
    lambdaContext(),
  );

describe('the webhook delivery handlers', () => {
  let admin: { apiKey: string };
  let webhookId: string;

  beforeEach(async () => {
    deps = fakeDependencies();
    webhooks = fakeWebhookDeliveries();
    jest.spyOn(logger, 'info').mockImplementation(() => undefined);
    jest.spyOn(logger, 'error').mockImplementation(() => undefined);
    admin = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'ADMIN' });
    ({ webhookId } = await createWebhook({ url: 'https://hooks.example.com/ordo', events: ['order.created'] }, accountPrincipal(), webhooks));
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('answers a test message with 200 and the message as the deliveries route shows it, never its body', async () => {
    // Act
    const response = await sendTest(admin.apiKey, webhookId);

    // Assess
    expect(response.statusCode).toBe(200);
    const view = jsonBody(response);
    expect(view).toEqual({
      messageId: expect.stringMatching(/^msg_/),
      eventType: 'webhook.test',
      status: 'DELIVERED',
      attempts: [{ at: '2025-03-14T09:00:00.000Z', statusCode: 200, durationMs: 12 }],
      createdOn: '2025-03-14T09:00:00.000Z',
    });
  });

  it('refuses an INTEGRATION key with 403, sending nothing: managing webhooks is for ADMIN keys', async () => {
    // Prepare
    const integration = await seedApiKey(deps.controlPlane, { accountId: 'acme', role: 'INTEGRATION' });

    // Act
    const response = await sendTest(integration.apiKey, webhookId);

    // Assess
    expect(response.statusCode).toBe(403);
    expect(webhooks.sender.requests).toEqual([]);
  });

  it('lists the messages of a subscription with 200', async () => {
    // Prepare
    await sendTest(admin.apiKey, webhookId);

    // Act
    const response = await list(admin.apiKey, webhookId, { status: 'DELIVERED', limit: '10' });

    // Assess
    expect(response.statusCode).toBe(200);
    expect(jsonBody<{ items: { eventType: string }[] }>(response).items.map((item) => item.eventType)).toEqual(['webhook.test']);
  });

  it('answers a status the deliveries do not have with a 400 naming status', async () => {
    // Act
    const response = await list(admin.apiKey, webhookId, { status: 'LOST' });

    // Assess
    expect(response.statusCode).toBe(400);
    expect(jsonBody<ErrorBody>(response).error.field).toBe('status');
  });

  it('answers a retry of a message the subscription does not have with 404', async () => {
    // Act
    const response = await retry(admin.apiKey, webhookId, 'msg_unknown');

    // Assess
    expect(response.statusCode).toBe(404);
    expect(jsonBody<ErrorBody>(response).error.code).toBe('NOT_FOUND');
  });

  it('answers a subscription id that is not one with a 400 naming webhookId', async () => {
    // Act
    const response = await sendTest(admin.apiKey, 'not-a-webhook');

    // Assess
    expect(response.statusCode).toBe(400);
    expect(jsonBody<ErrorBody>(response).error.field).toBe('webhookId');
  });
});
