import { Webhook } from 'standardwebhooks';
import { isSealed } from '../../../../shared/domain/privacy/sealed';
import { dispatchWebhooks } from '../../../../shared/domain/webhooks/dispatch-webhooks';
import { createWebhook, updateWebhook } from '../../../../shared/domain/webhooks/manage-webhooks';
import type { WebhookDelivery } from '../../../../shared/domain/webhooks/webhook-delivery-record';
import type { CreateWebhookInput } from '../../../../shared/domain/webhooks/webhook-subscription';
import { ManualClock } from '../../../support/clock';
import { FakeHostResolver } from '../../../support/host-resolver';
import { accountPrincipal } from '../../../support/principals';
import { fakeWebhookDeliveries, orderCreatedEvent, WEBHOOK_HOSTS, type FakeWebhookDeliveries } from '../../../support/webhook-deliveries';
import { InMemoryWebhookDeliveryStore } from '../../../support/webhook-delivery-store';
import { RecordingWebhookSender } from '../../../support/webhook-sender';

const admin = accountPrincipal();

const subscribe = (context: FakeWebhookDeliveries, overrides: Partial<CreateWebhookInput> = {}) =>
  createWebhook({ url: 'https://hooks.example.com/ordo', events: ['order.created'], ...overrides }, admin, context);

/** Where each request went, by the subscription's url path. */
const sentTo = (context: FakeWebhookDeliveries) => context.sender.requests.map((request) => request.url.pathname);

const onlyDelivery = (context: FakeWebhookDeliveries, webhookId: string): WebhookDelivery => {
  const [delivery, ...others] = context.deliveries.of(webhookId);
  if (!delivery || others.length) throw new Error(`expected one delivery for ${webhookId}, found ${others.length + (delivery ? 1 : 0)}`);
  return delivery;
};

describe('dispatchWebhooks', () => {
  it('sends the event to every enabled subscription that wants its type, and to no other', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    await subscribe(context, { url: 'https://hooks.example.com/wants-it' });
    await subscribe(context, { url: 'https://hooks.example.com/wants-all', events: ['*'] });
    await subscribe(context, { url: 'https://hooks.example.com/wants-other', events: ['order.status_changed'] });
    const disabled = await subscribe(context, { url: 'https://hooks.example.com/disabled' });
    await updateWebhook({ webhookId: disabled.webhookId, changes: { status: 'DISABLED' } }, admin, context);

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    expect(sentTo(context).sort()).toEqual(['/wants-all', '/wants-it']);
  });

  it("sends a retailer's event to that retailer's subscriptions and to those of every retailer, never to another retailer's", async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    await subscribe(context, { url: 'https://hooks.example.com/r1', retailerId: 'R1' });
    await subscribe(context, { url: 'https://hooks.example.com/every-retailer' });
    await subscribe(context, { url: 'https://hooks.example.com/r2', retailerId: 'R2' });

    // Act
    await dispatchWebhooks(orderCreatedEvent({ retailerId: 'R1' }), context);

    // Assess
    expect(sentTo(context).sort()).toEqual(['/every-retailer', '/r1']);
  });

  it('sends an event aimed at one subscription to it alone, whatever types it wants', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const aimed = await subscribe(context, { url: 'https://hooks.example.com/aimed', events: ['batch.completed'] });
    await subscribe(context, { url: 'https://hooks.example.com/other', events: ['*'] });

    // Act
    await dispatchWebhooks(orderCreatedEvent({ type: 'order.picked', webhookTarget: { subscription: aimed.webhookId } }), context);

    // Assess
    expect(sentTo(context)).toEqual(['/aimed']);
  });

  it('sends an event aimed at a url to the subscriptions of exactly that url', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    await subscribe(context, { url: 'https://hooks.example.com/aimed', events: ['batch.completed'] });
    await subscribe(context, { url: 'https://hooks.example.com/aimed/not-quite', events: ['*'] });

    // Act
    await dispatchWebhooks(orderCreatedEvent({ type: 'order.picked', webhookTarget: { url: 'https://hooks.example.com/aimed' } }), context);

    // Assess
    expect(sentTo(context)).toEqual(['/aimed']);
  });

  it('sends an event meant for the bus alone to no subscription', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    await subscribe(context, { events: ['*'] });

    // Act
    await dispatchWebhooks(orderCreatedEvent({ toWebhooks: false }), context);

    // Assess
    expect(context.sender.requests).toEqual([]);
    expect(context.deliveries.deliveries.size).toBe(0);
  });

  it('gives the same message id each time one event is dispatched to a subscription, and another id for another subscription', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: new RecordingWebhookSender({ statusCode: 500, durationMs: 5 }) });
    const first = await subscribe(context, { url: 'https://hooks.example.com/first' });
    const second = await subscribe(context, { url: 'https://hooks.example.com/second' });
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    const firstId = onlyDelivery(context, first.webhookId).messageId;
    const secondId = onlyDelivery(context, second.webhookId).messageId;
    expect(firstId).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);
    expect(secondId).not.toBe(firstId);
  });

  it('makes no second first attempt when the event is dispatched again after its message was delivered', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    expect(context.sender.requests).toHaveLength(1);
    expect(onlyDelivery(context, webhookId)).toMatchObject({ status: 'DELIVERED', attempts: [{ statusCode: 200 }] });
  });

  it('makes no second first attempt when the event is dispatched again while its message waits for a retry', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: new RecordingWebhookSender({ statusCode: 503, durationMs: 5 }) });
    await subscribe(context);
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    expect(context.sender.requests).toHaveLength(1);
    expect(context.queue.scheduled).toHaveLength(1);
  });

  it('signs the message so that the standardwebhooks library accepts it with the subscription secret', async () => {
    // Prepare: the library refuses a signature more than 5 minutes from its own clock.
    const context = fakeWebhookDeliveries({ clock: new ManualClock(new Date()) });
    const { webhookId, secret } = await subscribe(context);

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    const [request] = context.sender.requests;
    const verified = new Webhook(secret).verify(request.body, { ...request.headers }) as Record<string, unknown>;
    expect(verified).toEqual({
      type: 'order.created',
      timestamp: '2025-03-14T08:59:59.000Z',
      data: { accountId: 'acme', retailerId: 'R1', eventId: 'evt-1', entityType: 'ORDER', entityRef: 'O-1', order: { ref: 'O-1', customer: { name: 'A*** L***' } } },
    });
    expect(request.headers['webhook-id']).toBe(onlyDelivery(context, webhookId).messageId);
  });

  it('sends the customer in clear to a subscription with includeCustomer and masked to the others', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    await subscribe(context, { url: 'https://hooks.example.com/with-customer', includeCustomer: true });
    await subscribe(context, { url: 'https://hooks.example.com/masked' });

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    const bodyTo = (path: string) => context.sender.requests.find((request) => request.url.pathname === path)?.body ?? '';
    expect(bodyTo('/with-customer')).toContain('Ada Lovelace');
    expect(bodyTo('/masked')).not.toContain('Ada Lovelace');
    expect(bodyTo('/masked')).toContain('A*** L***');
  });

  it('stores the body of an includeCustomer subscription sealed, and the others in clear without the customer', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const withCustomer = await subscribe(context, { url: 'https://hooks.example.com/with-customer', includeCustomer: true });
    const masked = await subscribe(context, { url: 'https://hooks.example.com/masked' });

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    const sealedBody = onlyDelivery(context, withCustomer.webhookId).body;
    expect(isSealed(sealedBody)).toBe(true);
    expect(JSON.stringify(sealedBody)).not.toContain('Ada');
    expect(onlyDelivery(context, masked.webhookId).body).toEqual(expect.stringContaining('A*** L***'));
    expect(JSON.stringify(onlyDelivery(context, masked.webhookId).body)).not.toContain('Ada');
  });

  it('records a failed first attempt and queues the retry for when the schedule says', async () => {
    // Prepare
    const context = fakeWebhookDeliveries({ sender: new RecordingWebhookSender({ statusCode: 500, durationMs: 40 }) });
    const { webhookId } = await subscribe(context);

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    const delivery = onlyDelivery(context, webhookId);
    expect(delivery).toMatchObject({
      status: 'PENDING',
      attempts: [{ at: '2025-03-14T09:00:00.000Z', statusCode: 500, durationMs: 40 }],
      nextAttemptOn: '2025-03-14T09:00:05.000Z',
    });
    expect(context.queue.scheduled).toEqual([
      { retry: { accountId: 'acme', webhookId, messageId: delivery.messageId, dueOn: '2025-03-14T09:00:05.000Z' }, delaySeconds: 5 },
    ]);
  });

  it('queues the first attempt to run at once instead of making it when it could not end before the caller must be done', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context);
    const attemptBefore = new Date(context.clock.now().getTime() + 10_000);

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context, { attemptBefore });
    await dispatchWebhooks(orderCreatedEvent(), context, { attemptBefore });

    // Assess
    expect(context.sender.requests).toHaveLength(0);
    const delivery = onlyDelivery(context, webhookId);
    expect(delivery).toMatchObject({ status: 'PENDING', attempts: [], nextAttemptOn: '2025-03-14T09:00:00.000Z' });
    expect(context.queue.scheduled).toEqual([
      { retry: { accountId: 'acme', webhookId, messageId: delivery.messageId, dueOn: '2025-03-14T09:00:00.000Z' }, delaySeconds: 0 },
    ]);
  });

  it('makes the first attempt itself when it can end before the caller must be done', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    await subscribe(context);
    const attemptBefore = new Date(context.clock.now().getTime() + 30_000);

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context, { attemptBefore });

    // Assess
    expect(context.sender.requests).toHaveLength(1);
    expect(context.queue.scheduled).toEqual([]);
  });

  it('checks the url again before sending, and counts a host that now resolves to a private address as a failed attempt', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const { webhookId } = await subscribe(context);
    context.resolver = new FakeHostResolver({ ...WEBHOOK_HOSTS, 'hooks.example.com': ['10.0.0.7'] });

    // Act
    await dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    expect(context.sender.requests).toEqual([]);
    expect(onlyDelivery(context, webhookId)).toMatchObject({
      status: 'PENDING',
      attempts: [{ durationMs: 0, error: expect.stringContaining('10.0.0.7') }],
      nextAttemptOn: '2025-03-14T09:00:05.000Z',
    });
  });

  it('delivers to every other subscription when one cannot be recorded, then fails so the event is dispatched again', async () => {
    // Prepare
    const context = fakeWebhookDeliveries();
    const broken = await subscribe(context, { url: 'https://hooks.example.com/broken' });
    await subscribe(context, { url: 'https://hooks.example.com/fine' });
    context.deliveries = new (class extends InMemoryWebhookDeliveryStore {
      async create(delivery: WebhookDelivery) {
        if (delivery.webhookId === broken.webhookId) throw new Error('ProvisionedThroughputExceededException');
        return super.create(delivery);
      }
    })();

    // Act
    const dispatching = dispatchWebhooks(orderCreatedEvent(), context);

    // Assess
    await expect(dispatching).rejects.toThrow('ProvisionedThroughputExceededException');
    expect(sentTo(context)).toEqual(['/fine']);
  });
});
