import { NotFoundError } from '../../../../shared/domain/domain-errors';
import { deliverWebhook } from '../../../../shared/domain/webhooks/deliver-webhook';
import { dispatchWebhooks } from '../../../../shared/domain/webhooks/dispatch-webhooks';
import { listWebhookDeliveries, retryWebhookDelivery, sendTestMessage } from '../../../../shared/domain/webhooks/manage-deliveries';
import { createWebhook } from '../../../../shared/domain/webhooks/manage-webhooks';
import { retrySchedule } from '../../../../shared/domain/webhooks/retry-schedule';
import type { CreateWebhookInput } from '../../../../shared/domain/webhooks/webhook-subscription';
import { accountPrincipal } from '../../../support/principals';
import { fakeWebhookDeliveries, orderCreatedEvent, type FakeWebhookDeliveries } from '../../../support/webhook-deliveries';
import { RecordingWebhookSender } from '../../../support/webhook-sender';

const admin = accountPrincipal();
const retailerKey = accountPrincipal({ retailerId: 'R1' });
const otherRetailerKey = accountPrincipal({ retailerId: 'R2' });

const subscribe = (context: FakeWebhookDeliveries, overrides: Partial<CreateWebhookInput> = {}, caller = admin) =>
  createWebhook({ url: 'https://hooks.example.com/ordo', events: ['order.created'], ...overrides }, caller, context);

const dispatchOrders = async (context: FakeWebhookDeliveries, refs: string[]) => {
  for (const ref of refs) {
    await dispatchWebhooks(orderCreatedEvent({ id: `ORDER#${ref}#created`, entity: { entityType: 'ORDER', ref } }), context);
    context.clock.advance(1_000);
  }
};

/** A subscription whose one message FAILED: its endpoint answered 500 to every attempt. */
const withFailedMessage = async () => {
  const context = fakeWebhookDeliveries({ sender: new RecordingWebhookSender({ statusCode: 500, durationMs: 8 }), schedule: retrySchedule([]) });
  const { webhookId } = await subscribe(context);
  await dispatchOrders(context, ['O-1']);
  const [{ messageId }] = context.deliveries.of(webhookId);
  return { context, webhookId, messageId };
};

describe('listWebhookDeliveries', () => {
  it("lists a subscription's messages newest first, without their bodies", async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context);
    await dispatchOrders(context, ['O-1', 'O-2']);

    // Act
    const page = await listWebhookDeliveries({ webhookId, limit: 25 }, admin, context);

    // Assess
    expect(page.items.map((item) => item.createdOn)).toEqual(['2025-03-14T09:00:01.000Z', '2025-03-14T09:00:00.000Z']);
    expect(page.items[0]).toEqual({
      messageId: expect.stringMatching(/^msg_/),
      eventType: 'order.created',
      status: 'DELIVERED',
      attempts: [{ at: '2025-03-14T09:00:01.000Z', statusCode: 200, durationMs: 12 }],
      createdOn: '2025-03-14T09:00:01.000Z',
    });
  });

  it('lists the messages of one status alone', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: new RecordingWebhookSender({ statusCode: 200, durationMs: 5 }, { statusCode: 500, durationMs: 5 }) });
    const { webhookId } = await subscribe(context);
    await dispatchOrders(context, ['O-1', 'O-2']);

    // Act
    const page = await listWebhookDeliveries({ webhookId, status: 'PENDING', limit: 25 }, admin, context);

    // Assess
    expect(page.items).toEqual([expect.objectContaining({ status: 'PENDING', nextAttemptOn: '2025-03-14T09:00:06.000Z' })]);
  });

  it("answers not found to a retailer-scoped key asking for another retailer's subscription", async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context, {}, otherRetailerKey);

    // Act
    const listing = listWebhookDeliveries({ webhookId, limit: 25 }, retailerKey, context);

    // Assess
    await expect(listing).rejects.toBeInstanceOf(NotFoundError);
  });
});

describe('sendTestMessage', () => {
  it('sends webhook.test now to a subscription that does not list it, and answers how the attempt went', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context, { retailerId: 'R1' });

    // Act
    const view = await sendTestMessage({ webhookId }, admin, context);

    // Assess
    expect(view).toMatchObject({ eventType: 'webhook.test', status: 'DELIVERED', attempts: [{ statusCode: 200 }] });
    const [request] = context.sender.requests;
    expect(request.headers['webhook-id']).toBe(view.messageId);
    expect(JSON.parse(request.body)).toMatchObject({ type: 'webhook.test', data: { accountId: 'acme', retailerId: 'R1', webhookId } });
  });

  it('makes a new message each time it is asked', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context);
    const first = await sendTestMessage({ webhookId }, admin, context);

    // Act
    const second = await sendTestMessage({ webhookId }, admin, context);

    // Assess
    expect(second.messageId).not.toBe(first.messageId);
  });

  it('queues a retry for a test message whose attempt failed, as for any message', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: new RecordingWebhookSender({ statusCode: 404, durationMs: 5 }) });
    const { webhookId } = await subscribe(context);

    // Act
    const view = await sendTestMessage({ webhookId }, admin, context);

    // Assess
    expect(view).toMatchObject({ status: 'PENDING', nextAttemptOn: '2025-03-14T09:00:05.000Z' });
    expect(context.queue.scheduled).toHaveLength(1);
  });

  it('puts nothing on the bus', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context);

    // Act
    await sendTestMessage({ webhookId }, admin, context);

    // Assess
    expect(context.bus.published).toEqual([]);
  });
});

describe('retryWebhookDelivery', () => {
  it('delivers a FAILED message once its endpoint is back, with the same webhook-id', async () => {
    // Prepare
    const { context, webhookId, messageId } = await withFailedMessage();
    context.sender = new RecordingWebhookSender({ statusCode: 200, durationMs: 6 });

    // Act
    const view = await retryWebhookDelivery({ webhookId, messageId }, admin, context);

    // Assess
    expect(view).toMatchObject({ messageId, status: 'DELIVERED', attempts: [{ statusCode: 500 }, { statusCode: 200 }] });
    expect(context.sender.requests[0].headers['webhook-id']).toBe(messageId);
  });

  it('leaves a FAILED message FAILED when the endpoint still fails, without a second copy in the DLQ', async () => {
    // Prepare
    const { context, webhookId, messageId } = await withFailedMessage();

    // Act
    const view = await retryWebhookDelivery({ webhookId, messageId }, admin, context);

    // Assess
    expect(view).toMatchObject({ status: 'FAILED', attempts: [{ statusCode: 500 }, { statusCode: 500 }] });
    expect(context.queue.deadLettered).toHaveLength(1);
    expect(context.queue.scheduled).toEqual([]);
  });

  it('sends a DELIVERED message again when asked, under the same webhook-id', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context);
    await dispatchOrders(context, ['O-1']);
    const [{ messageId }] = context.deliveries.of(webhookId);

    // Act
    const view = await retryWebhookDelivery({ webhookId, messageId }, admin, context);

    // Assess
    expect(view.attempts).toHaveLength(2);
    expect(context.sender.requests.map((request) => request.headers['webhook-id'])).toEqual([messageId, messageId]);
    expect(context.sender.requests[1].body).toBe(context.sender.requests[0].body);
  });

  it('carries a PENDING message on with its schedule from an attempt made on request, so the retry queued before finds it moved on', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: new RecordingWebhookSender({ statusCode: 500, durationMs: 5 }) });
    const { webhookId } = await subscribe(context);
    await dispatchOrders(context, ['O-1']);
    const [{ messageId }] = context.deliveries.of(webhookId);
    const [queuedBefore] = context.queue.take();

    // Act
    const view = await retryWebhookDelivery({ webhookId, messageId }, admin, context);

    // Assess
    expect(view).toMatchObject({ status: 'PENDING', attempts: [{}, {}], nextAttemptOn: '2025-03-14T09:05:01.000Z' });
    expect(context.queue.scheduled.map(({ retry }) => retry.dueOn)).toEqual(['2025-03-14T09:05:01.000Z']);
    context.clock.advance(5_000);
    expect((await deliverWebhook(JSON.stringify(queuedBefore.retry), { deliveriesOf: () => context })).outcome).toBe('STALE');
  });

  it('answers not found for a message the subscription does not have', async () => {
    // Prepare
    const { context, webhookId } = await withFailedMessage();

    // Act
    const retrying = retryWebhookDelivery({ webhookId, messageId: 'msg_never-sent' }, admin, context);

    // Assess
    await expect(retrying).rejects.toBeInstanceOf(NotFoundError);
  });

  it('answers not found for a message of another subscription, named under this one', async () => {
    // Prepare
    const { context, messageId } = await withFailedMessage();
    const other = await subscribe(context, { url: 'https://other.example.com/x' });

    // Act
    const retrying = retryWebhookDelivery({ webhookId: other.webhookId, messageId }, admin, context);

    // Assess
    await expect(retrying).rejects.toBeInstanceOf(NotFoundError);
    expect(context.sender.requests).toHaveLength(1);
  });

  it("answers not found to a retailer-scoped key retrying another retailer's message, and sends nothing", async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context, { retailerId: 'R2' });
    await dispatchWebhooks(orderCreatedEvent({ retailerId: 'R2' }), context);
    const [{ messageId }] = context.deliveries.of(webhookId);

    // Act
    const retrying = retryWebhookDelivery({ webhookId, messageId }, retailerKey, context);

    // Assess
    await expect(retrying).rejects.toBeInstanceOf(NotFoundError);
    expect(context.sender.requests).toHaveLength(1);
  });

  it('refuses a message id that is not one, naming messageId', async () => {
    // Prepare
    const { context, webhookId } = await withFailedMessage();

    // Act
    const retrying = retryWebhookDelivery({ webhookId, messageId: '../etc' }, admin, context);

    // Assess
    await expect(retrying).rejects.toMatchObject({ code: 'VALIDATION_FAILED', field: 'messageId' });
  });
});
