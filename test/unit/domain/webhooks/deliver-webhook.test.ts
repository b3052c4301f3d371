import { deliverWebhook } from '../../../../shared/domain/webhooks/deliver-webhook';
import { dispatchWebhooks } from '../../../../shared/domain/webhooks/dispatch-webhooks';
import { createWebhook } from '../../../../shared/domain/webhooks/manage-webhooks';
import { retrySchedule } from '../../../../shared/domain/webhooks/retry-schedule';
import { MAX_CONSECUTIVE_FAILURES } from '../../../../shared/domain/webhooks/subscription-failures';
import type { WebhookDelivery } from '../../../../shared/domain/webhooks/webhook-delivery-record';
import type { CreateWebhookInput, WebhookSubscriptionRecord } from '../../../../shared/domain/webhooks/webhook-subscription';
import { accountPrincipal } from '../../../support/principals';
import { fakeWebhookDeliveries, orderCreatedEvent, type FakeWebhookDeliveries } from '../../../support/webhook-deliveries';
import { RecordingWebhookSender } from '../../../support/webhook-sender';

const admin = accountPrincipal();

const subscribe = (context: FakeWebhookDeliveries, overrides: Partial<CreateWebhookInput> = {}) =>
  createWebhook({ url: 'https://hooks.example.com/ordo', events: ['order.created'], ...overrides }, admin, context);

const failing = (statusCode = 500) => new RecordingWebhookSender({ statusCode, durationMs: 15 });

/**
 * What the webhooks queue and its consumer do, in this process: each queued retry arrives once its
 * delay has passed on the manual clock and is handed to deliverWebhook, until none is left.
 */
const runRetries = async (context: FakeWebhookDeliveries) => {
  const outcomes: string[] = [];
  for (let rounds = 0; rounds < 50; rounds++) {
    const queued = context.queue.take();
    if (!queued.length) return outcomes;
    for (const { retry, delaySeconds } of queued) {
      context.clock.advance(delaySeconds * 1000);
      outcomes.push((await deliverWebhook(JSON.stringify(retry), { deliveriesOf: () => context })).outcome);
    }
  }
  throw new Error('retries kept coming');
};

const deliveryOf = (context: FakeWebhookDeliveries, webhookId: string): WebhookDelivery => {
  const [delivery] = context.deliveries.of(webhookId);
  if (!delivery) throw new Error(`no delivery for ${webhookId}`);
  return delivery;
};

const subscriptionOf = (context: FakeWebhookDeliveries, webhookId: string): WebhookSubscriptionRecord =>
  context.webhooks.records.get(webhookId) as WebhookSubscriptionRecord;

let events = 0;

/** Dispatches `count` new events, each to its own message, and lets every retry run its course. */
const sendMessages = async (context: FakeWebhookDeliveries, count: number) => {
  for (let sent = 0; sent < count; sent++) {
    const n = ++events;
    await dispatchWebhooks(orderCreatedEvent({ id: `ORDER#O-${n}#created`, entity: { entityType: 'ORDER', ref: `O-${n}` } }), context);
    await runRetries(context);
  }
};

describe('deliverWebhook', () => {
  it('counts each attempt by its result: two retries then a delivery', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 500, durationMs: 9 }, { statusCode: 503, durationMs: 9 }, { statusCode: 200, durationMs: 9 });
    const context = fakeWebhookDeliveries({ sender });
    await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Act
    await runRetries(context);

    // Assess
    expect(context.metrics.webhookResults).toEqual(['RETRY', 'RETRY', 'DELIVERED']);
  });

  it('counts the last attempt of a used-up schedule as FAILED', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing(), schedule: retrySchedule([5]) });
    await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Act
    await runRetries(context);

    // Assess
    expect(context.metrics.webhookResults).toEqual(['RETRY', 'FAILED']);
  });

  it('delivers on the third attempt to an endpoint that answers 500, 500, then 200, with one webhook-id throughout', async () => {
    // Prepare
    const sender = new RecordingWebhookSender({ statusCode: 500, durationMs: 9 }, { statusCode: 500, durationMs: 9 }, { statusCode: 200, durationMs: 9 });
    const context = fakeWebhookDeliveries({ sender });
    const { webhookId } = await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Act
    await runRetries(context);

    // Assess
    const delivery = deliveryOf(context, webhookId);
    expect(delivery).toMatchObject({
      status: 'DELIVERED',
      attempts: [
        { at: '2025-03-14T09:00:00.000Z', statusCode: 500 },
        { at: '2025-03-14T09:00:05.000Z', statusCode: 500 },
        { at: '2025-03-14T09:05:05.000Z', statusCode: 200 },
      ],
    });
    expect(delivery).not.toHaveProperty('nextAttemptOn');
    expect(new Set(sender.requests.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery.messageId]));
    expect(new Set(sender.requests.map((request) => request.body)).size).toBe(1);
  });

  it('fails the message once the schedule is used up and copies it to the DLQ', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing() });
    const { webhookId } = await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Act
    const outcomes = await runRetries(context);

    // Assess
    const delivery = deliveryOf(context, webhookId);
    expect(outcomes).toEqual(['RETRY', 'FAILED']);
    expect(delivery.status).toBe('FAILED');
    expect(delivery.attempts).toHaveLength(3);
    expect(delivery).not.toHaveProperty('nextAttemptOn');
    expect(context.queue.deadLettered).toEqual([{ accountId: 'acme', webhookId, messageId: delivery.messageId }]);
  });

  it('counts a message that failed against its subscription, which stays enabled below the limit', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing() });
    const { webhookId } = await subscribe(context);

    // Act
    await sendMessages(context, MAX_CONSECUTIVE_FAILURES - 1);

    // Assess
    expect(subscriptionOf(context, webhookId)).toMatchObject({ consecutiveFailures: 4, subscription: { status: 'ENABLED' } });
    expect(context.bus.published).toEqual([]);
  });

  it('disables a subscription whose fifth message in a row failed, saying why', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing(502) });
    const { webhookId } = await subscribe(context);

    // Act
    await sendMessages(context, MAX_CONSECUTIVE_FAILURES);

    // Assess
    expect(subscriptionOf(context, webhookId).subscription).toMatchObject({
      status: 'DISABLED',
      disabledReason: '5 messages in a row FAILED; the last attempt: HTTP 502',
    });
  });

  it('puts webhook.disabled on the bus when a subscription is disabled, naming it and why, without its url', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing(502) });
    const { webhookId } = await subscribe(context, { retailerId: 'R1' });

    // Act
    await sendMessages(context, MAX_CONSECUTIVE_FAILURES);

    // Assess
    expect(context.bus.published).toEqual([
      expect.objectContaining({
        type: 'webhook.disabled',
        accountId: 'acme',
        retailerId: 'R1',
        data: { webhookId, disabledReason: '5 messages in a row FAILED; the last attempt: HTTP 502', consecutiveFailures: 5 },
        toBus: true,
      }),
    ]);
    expect(JSON.stringify(context.bus.published)).not.toContain('hooks.example.com');
  });

  it("sends webhook.disabled to the account's other subscriptions that want it", async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context, { url: 'https://hooks.example.com/broken' });
    await subscribe(context, { url: 'https://other.example.com/ops', events: ['webhook.disabled'] });
    context.sender = new (class extends RecordingWebhookSender {
      async send(request: Parameters<RecordingWebhookSender['send']>[0]) {
        this.requests.push(request);
        return request.url.pathname === '/broken' ? { statusCode: 500, durationMs: 3 } : { statusCode: 204, durationMs: 3 };
      }
    })();

    // Act
    await sendMessages(context, MAX_CONSECUTIVE_FAILURES);

    // Assess
    const toOps = context.sender.requests.filter((request) => request.url.pathname === '/ops');
    expect(toOps.map((request) => JSON.parse(request.body) as { type: string; data: { webhookId: string } })).toEqual([
      expect.objectContaining({ type: 'webhook.disabled', data: expect.objectContaining({ webhookId }) }),
    ]);
  });

  it('forgets the earlier failures of a subscription once a message to it is delivered', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing() });
    const { webhookId } = await subscribe(context);
    await sendMessages(context, 3);
    context.sender = new RecordingWebhookSender({ statusCode: 200, durationMs: 4 });

    // Act
    await sendMessages(context, 1);

    // Assess
    expect(subscriptionOf(context, webhookId).consecutiveFailures).toBe(0);
  });

  it('sends back a retry that arrives before its time, for the rest of its wait, and sends nothing', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing(), schedule: retrySchedule([7200]) });
    await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);
    const [{ retry, delaySeconds }] = context.queue.take();
    context.clock.advance(delaySeconds * 1000);

    // Act
    const { outcome } = await deliverWebhook(JSON.stringify(retry), { deliveriesOf: () => context });

    // Assess
    expect(delaySeconds).toBe(900);
    expect(outcome).toBe('NOT_DUE');
    expect(context.sender.requests).toHaveLength(1);
    expect(context.queue.scheduled).toEqual([{ retry, delaySeconds: 900 }]);
  });

  it('drops the message of a subscription deleted since, saying so on the record, and queues nothing more', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing() });
    const { webhookId } = await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);
    await context.webhooks.delete(webhookId);

    // Act
    const outcomes = await runRetries(context);

    // Assess
    expect(outcomes).toEqual(['DROPPED']);
    expect(deliveryOf(context, webhookId)).toMatchObject({ status: 'FAILED', droppedReason: 'the webhook was deleted', attempts: [{ statusCode: 500 }] });
    expect(context.queue.deadLettered).toEqual([]);
  });

  it('drops the message of a subscription disabled since, saying so on the record', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing() });
    const { webhookId } = await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);
    const read = subscriptionOf(context, webhookId);
    await context.webhooks.replace({ ...read, subscription: { ...read.subscription, status: 'DISABLED' }, version: read.version + 1 }, read.version);

    // Act
    await runRetries(context);

    // Assess
    expect(deliveryOf(context, webhookId)).toMatchObject({ status: 'FAILED', droppedReason: 'the webhook is DISABLED' });
    expect(context.sender.requests).toHaveLength(1);
  });

  it('leaves alone a retry queued for an attempt that another one has already made', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: failing() });
    await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);
    const [{ retry }] = context.queue.take();
    context.clock.advance(5_000);
    await deliverWebhook(JSON.stringify(retry), { deliveriesOf: () => context });

    // Act
    const { outcome } = await deliverWebhook(JSON.stringify(retry), { deliveriesOf: () => context });

    // Assess
    expect(outcome).toBe('STALE');
    expect(context.sender.requests).toHaveLength(2);
  });

  it('refuses a message that is not a webhook retry, so it ends in the DLQ', async () => {
    // Act
    const delivering = deliverWebhook('{"accountId":"acme"}', { deliveriesOf: () => fakeWebhookDeliveries() });

    // Assess
    await expect(delivering).rejects.toThrow();
  });
});
