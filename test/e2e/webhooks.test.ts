import { GetQueueUrlCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { Webhook } from 'standardwebhooks';
import { DEMO_RETAILER } from '../../scripts/local-stack/demo-catalog';
import { anOrder, orderLines } from '../support/order-builder';
import { waitFor } from '../support/wait-for';
import { answerWith, neverAnswer, verifiableHeaders, WebhookReceiver, type ReceivedWebhook, type Responder } from '../support/webhook-receiver';
import { demoKey, http } from './http-client';

/**
 * Webhooks on the running local stack: an order's changes reach a subscribed local server through
 * the stream relay, signed as Standard Webhooks; failed attempts are retried through the webhooks
 * queue on the local schedule (2, 5, 10 s), end FAILED in its DLQ, and are delivered on request.
 */
const leeds = { line1: '1 Park Row', city: 'Leeds', postcode: 'LS1 5AB', country: 'GB', lat: 53.7997, lon: -1.5492 };

interface DeliveryView {
  messageId: string;
  status: string;
  attempts: { statusCode?: number; error?: string }[];
}

const receivers: WebhookReceiver[] = [];
const subscriptions: string[] = [];

const receiverWith = async (...responders: Responder[]) => {
  const receiver = await WebhookReceiver.start(...responders);
  receivers.push(receiver);
  return receiver;
};

/** Subscribes the demo account's retailer to `events` at the receiver. */
const subscribe = async (receiver: WebhookReceiver, events: string[]): Promise<{ webhookId: string; secret: string }> => {
  const reply = await http('POST', '/v1/webhooks', { apiKey: demoKey(), body: { url: receiver.url().href, events, retailerId: DEMO_RETAILER } });
  if (reply.status !== 201) throw new Error(`subscribing answered ${reply.status}: ${reply.text}`);
  subscriptions.push(reply.body.webhookId);
  return reply.body as { webhookId: string; secret: string };
};

const deliveryOf = async (webhookId: string, messageId: string): Promise<DeliveryView | undefined> =>
  ((await http('GET', `/v1/webhooks/${webhookId}/deliveries`, { apiKey: demoKey() })).body.items as DeliveryView[]).find(
    (item) => item.messageId === messageId,
  );

const bodyOf = (received: ReceivedWebhook) => JSON.parse(received.body) as { type: string; data: { entityRef?: string; status?: unknown } };

afterAll(async () => {
  // Other suites keep creating orders in the demo account: nothing more is sent to these receivers.
  for (const webhookId of subscriptions) await http('DELETE', `/v1/webhooks/${webhookId}`, { apiKey: demoKey() });
  await Promise.all(receivers.map((receiver) => receiver.close()));
}, 30_000);

describe('webhooks on the running local stack', () => {
  it('refuses to subscribe the metadata address, even on the local stack that takes http and loopback, naming url and storing nothing', async () => {
    // Act
    const refused = await Promise.all(
      ['http://169.254.169.254/', 'http://2852039166/latest/meta-data', 'http://0xa9.0xfe.0xa9.0xfe/'].map((url) =>
        http('POST', '/v1/webhooks', { apiKey: demoKey(), body: { url, events: ['*'], retailerId: DEMO_RETAILER } }),
      ),
    );
    const listed = await http('GET', '/v1/webhooks', { apiKey: demoKey() });

    // Assess
    expect(refused.map((reply) => [reply.status, reply.body.error?.field])).toEqual([
      [400, 'url'],
      [400, 'url'],
      [400, 'url'],
    ]);
    expect(listed.body.items.filter((item: { url: string }) => /169\.254|2852039166|0xa9/.test(item.url))).toEqual([]);
  });

  it("sends a new order's signed order.created and order.status_changed within 15 s, each accepted by standardwebhooks", async () => {
    // Prepare
    const receiver = await receiverWith(answerWith(204));
    const { secret } = await subscribe(receiver, ['order.created', 'order.status_changed']);
    const ref = `E2E-WH-${Date.now()}`;
    const lines = orderLines([{ skuRef: 'SKU-001', qty: 1, unitPrice: 9.99 }]);

    // Act
    const started = Date.now();
    const placed = await http('POST', '/v1/orders', { apiKey: demoKey(), body: anOrder({ ref, retailerId: DEMO_RETAILER, deliveryAddress: leeds, lines }) });
    const ours = await waitFor(() => receiver.received.filter((received) => bodyOf(received).data.entityRef === ref), {
      description: `order.created and order.status_changed of ${ref}`,
      until: (received) => ['order.created', 'order.status_changed'].every((type) => received.some((each) => bodyOf(each).type === type)),
      timeoutMs: 15_000,
      intervalMs: 100,
    });

    // Assess
    expect(placed.status).toBe(201);
    expect(Date.now() - started).toBeLessThan(15_000);
    // Created, booked and sourced in one run: each move is its own message, in order.
    const moves = ours.map(bodyOf).filter((message) => message.type === 'order.status_changed').map((message) => JSON.stringify(message.data.status));
    expect(moves[0]).toBe(JSON.stringify({ from: 'CREATED', to: 'BOOKED' }));
    const verifier = new Webhook(secret);
    for (const received of ours) {
      expect(verifier.verify(received.body, verifiableHeaders(received))).toMatchObject({ data: { entityRef: ref, retailerId: DEMO_RETAILER } });
    }
  }, 60_000);

  it('delivers a message on its third attempt to an endpoint that answers 500 twice, under one webhook-id, and lists the three attempts', async () => {
    // Prepare: a subscription to a type nothing sends, so the test message is all it gets.
    const receiver = await receiverWith(answerWith(500), answerWith(500), answerWith(200));
    const { webhookId } = await subscribe(receiver, ['e2e.nothing']);

    // Act
    const tested = await http('POST', `/v1/webhooks/${webhookId}/test`, { apiKey: demoKey() });
    const { messageId } = tested.body as DeliveryView;
    const delivered = await waitFor(() => deliveryOf(webhookId, messageId), {
      description: `message ${messageId} to be DELIVERED`,
      until: (view) => view?.status === 'DELIVERED',
      timeoutMs: 30_000,
      intervalMs: 250,
    });

    // Assess
    expect(tested.body).toMatchObject({ status: 'PENDING', attempts: [{ statusCode: 500 }] });
    expect(delivered?.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(receiver.received.map((received) => received.headers['webhook-id'])).toEqual([messageId, messageId, messageId]);
  }, 60_000);

  it('ends a message to an endpoint that never answers FAILED in the webhooks DLQ, and the retry route delivers it once the endpoint is back', async () => {
    // Prepare: four attempts (the first and three retries) get no answer, the fifth a 204.
    const receiver = await receiverWith(neverAnswer, neverAnswer, neverAnswer, neverAnswer, answerWith(204));
    const { webhookId } = await subscribe(receiver, ['e2e.nothing']);
    const { messageId } = (await http('POST', `/v1/webhooks/${webhookId}/test`, { apiKey: demoKey() })).body as DeliveryView;
    const failed = await waitFor(() => deliveryOf(webhookId, messageId), {
      description: `message ${messageId} to be FAILED`,
      until: (view) => view?.status === 'FAILED',
      timeoutMs: 90_000,
      intervalMs: 500,
    });
    const sqs = new SQSClient({ endpoint: process.env.ORDO_E2E_SQS, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    const { QueueUrl } = await sqs.send(new GetQueueUrlCommand({ QueueName: 'ordo-sandbox-webhooks-dlq' }));
    const deadLettered = await waitFor(
      async () => {
        const { Messages = [] } = await sqs.send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, VisibilityTimeout: 0 }));
        return Messages.map((message) => JSON.parse(message.Body ?? '{}') as { messageId?: string }).find((body) => body.messageId === messageId);
      },
      { description: `message ${messageId} in the webhooks DLQ`, timeoutMs: 10_000, intervalMs: 250 },
    );
    sqs.destroy();

    // Act
    const retried = await http('POST', `/v1/webhooks/${webhookId}/deliveries/${messageId}/retry`, { apiKey: demoKey() });

    // Assess
    expect(failed?.attempts).toHaveLength(4);
    expect(failed?.attempts.every((attempt) => attempt.statusCode === undefined && attempt.error !== undefined)).toBe(true);
    expect(deadLettered).toEqual({ accountId: 'demo', webhookId, messageId });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ messageId, status: 'DELIVERED' });
    expect(new Set(receiver.received.map((received) => received.headers['webhook-id']))).toEqual(new Set([messageId]));
  }, 150_000);
});
