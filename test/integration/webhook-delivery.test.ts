import { Webhook } from 'standardwebhooks';
import { waitFor } from '../support/wait-for';
import { answerWith, verifiableHeaders, WebhookReceiver } from '../support/webhook-receiver';
import { handWebhookRetries, receiveWebhookRetries, takeDeadLettered } from '../support/webhooks-queue';
import { api, newAccount } from './control-plane-api';
import { webhooksApi } from './webhooks-api';

// The stack's settings for a developer's machine: webhooks may reach a local http server, and
// retries come 2 s apart. Read on first use, which is below.
process.env.ORDO_WEBHOOK_ALLOW_INSECURE_LOCAL = 'true';
process.env.ORDO_WEBHOOK_RETRY_SCHEDULE = '2,2';

interface DeliveryView {
  messageId: string;
  eventType: string;
  status: string;
  attempts: { at: string; statusCode?: number; durationMs: number; error?: string }[];
  nextAttemptOn?: string;
}

const routes = { test: webhooksApi.test, list: webhooksApi.deliveries, retry: webhooksApi.retry };

let account: { accountId: string; apiKey: string };
const receivers: WebhookReceiver[] = [];

const receiverAnswering = async (...statuses: number[]) => {
  const receiver = await WebhookReceiver.start(...statuses.map((status) => answerWith(status)));
  receivers.push(receiver);
  return receiver;
};

/** A subscription of the account to the receiver, through the subscription route. */
const subscribe = async (receiver: WebhookReceiver, retailerId?: string): Promise<{ webhookId: string; secret: string }> => {
  const response = await webhooksApi.create(account.apiKey, { url: receiver.url().href, events: ['order.created'], ...(retailerId ? { retailerId } : {}) });
  if (response.status !== 201) throw new Error(`subscribing failed: ${response.raw}`);
  return response.body as { webhookId: string; secret: string };
};

/** What the event source does: hands the account's retries to the consumer as they come due, until the message is settled. */
const runRetriesUntilSettled = async (webhookId: string, messageId: string): Promise<DeliveryView> =>
  waitFor(
    async () => {
      const due = await receiveWebhookRetries(account.accountId);
      if (due.length) await handWebhookRetries(due);
      const { body } = await routes.list(account.apiKey, webhookId);
      return (body.items as DeliveryView[]).find((item) => item.messageId === messageId);
    },
    { description: `message ${messageId} to be DELIVERED or FAILED`, until: (view) => view !== undefined && view.status !== 'PENDING', timeoutMs: 20_000, intervalMs: 200 },
  ) as Promise<DeliveryView>;

beforeAll(async () => {
  account = await newAccount('wh-deliver');
});

afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
});

describe('webhook deliveries on DynamoDB Local, the local SQS and a real HTTP receiver', () => {
  it('sends webhook.test to the endpoint at once, signed so that standardwebhooks accepts it', async () => {
    // Prepare
    const receiver = await receiverAnswering(204);
    const { webhookId, secret } = await subscribe(receiver);

    // Act
    const response = await routes.test(account.apiKey, webhookId);

    // Assess
    expect(response.status).toBe(200);
    const view = response.body as DeliveryView;
    expect(view).toMatchObject({ eventType: 'webhook.test', status: 'DELIVERED', attempts: [{ statusCode: 204 }] });
    const [received] = receiver.received;
    const verified = new Webhook(secret).verify(received.body, verifiableHeaders(received));
    expect(verified).toMatchObject({ type: 'webhook.test', data: { accountId: account.accountId, webhookId } });
    expect(received.headers['webhook-id']).toBe(view.messageId);
  });

  it('holds a retry back on the webhooks queue until its time', async () => {
    // Prepare
    const receiver = await receiverAnswering(500, 204);
    const { webhookId } = await subscribe(receiver);
    const queuedAt = Date.now();
    const { body } = await routes.test(account.apiKey, webhookId);

    // Act
    const atOnce = await receiveWebhookRetries(account.accountId);
    const due = await waitFor(() => receiveWebhookRetries(account.accountId), { description: 'the retry to come due', until: (messages) => messages.length > 0, timeoutMs: 10_000, intervalMs: 100 });
    const waitedMs = Date.now() - queuedAt;
    await handWebhookRetries(due);

    // Assess
    expect(atOnce).toEqual([]);
    expect(waitedMs).toBeGreaterThanOrEqual(1_500);
    expect(JSON.parse(due[0].Body as string)).toEqual({ accountId: account.accountId, webhookId, messageId: (body as DeliveryView).messageId, dueOn: (body as DeliveryView).nextAttemptOn });
  });

  it('delivers on the third attempt to an endpoint that answers 500 twice, under one webhook-id, and lists the three attempts', async () => {
    // Prepare
    const receiver = await receiverAnswering(500, 500, 200);
    const { webhookId } = await subscribe(receiver);
    const { messageId } = (await routes.test(account.apiKey, webhookId)).body as DeliveryView;

    // Act
    const settled = await runRetriesUntilSettled(webhookId, messageId);

    // Assess
    expect(settled.status).toBe('DELIVERED');
    expect(settled.attempts.map((attempt) => attempt.statusCode)).toEqual([500, 500, 200]);
    expect(receiver.received.map((received) => received.headers['webhook-id'])).toEqual([messageId, messageId, messageId]);
  });

  it('fails a message whose endpoint keeps answering 500, copies it to the DLQ, and the retry route delivers it once the endpoint is back', async () => {
    // Prepare
    const receiver = await receiverAnswering(500, 500, 500, 204);
    const { webhookId } = await subscribe(receiver);
    const { messageId } = (await routes.test(account.apiKey, webhookId)).body as DeliveryView;
    const failed = await runRetriesUntilSettled(webhookId, messageId);

    // Act
    const retried = await routes.retry(account.apiKey, webhookId, messageId);

    // Assess
    expect(failed.status).toBe('FAILED');
    expect(await takeDeadLettered(account.accountId)).toEqual([{ accountId: account.accountId, webhookId, messageId }]);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ messageId, status: 'DELIVERED', attempts: [{ statusCode: 500 }, { statusCode: 500 }, { statusCode: 500 }, { statusCode: 204 }] });
    expect(new Set(receiver.received.map((received) => received.headers['webhook-id']))).toEqual(new Set([messageId]));
  });

  it('lists the messages of one status alone', async () => {
    // Prepare
    const receiver = await receiverAnswering(204, 503);
    const { webhookId } = await subscribe(receiver);
    await routes.test(account.apiKey, webhookId);
    const { messageId: pendingId } = (await routes.test(account.apiKey, webhookId)).body as DeliveryView;

    // Act
    const { status, body } = await routes.list(account.apiKey, webhookId, { status: 'PENDING' });

    // Assess
    expect(status).toBe(200);
    expect((body.items as DeliveryView[]).map((item) => item.messageId)).toEqual([pendingId]);
  });

  it('answers 404 to a retry of a message the subscription does not have', async () => {
    // Prepare
    const receiver = await receiverAnswering(204);
    const { webhookId } = await subscribe(receiver);

    // Act
    const response = await routes.retry(account.apiKey, webhookId, 'msg_never-sent');

    // Assess
    expect(response.status).toBe(404);
    expect(receiver.received).toEqual([]);
  });

  it("answers 404 to a key of another retailer asking for a subscription's messages, and sends nothing", async () => {
    // Prepare
    const receiver = await receiverAnswering(204);
    const { webhookId } = await subscribe(receiver, 'r1');
    const r2Key = (await api.createApiKey(account.apiKey, { role: 'ADMIN', retailerId: 'r2' })).body.apiKey as string;

    // Act
    const [listed, tested] = [await routes.list(r2Key, webhookId), await routes.test(r2Key, webhookId)];

    // Assess
    expect([listed.status, tested.status]).toEqual([404, 404]);
    expect(receiver.received).toEqual([]);
  });
});
