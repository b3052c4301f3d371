import type { WebhookDispatch } from '../../ports/webhook-dispatch';
import { inParallel } from '../bounded-parallel';
import { ConflictError } from '../domain-errors';
import type { OutboundEvent } from '../outbound/outbound-event';
import { webhookDataOf } from '../outbound/webhook-data';
import { storedDeliveryBody } from './delivery-body-sealing';
import { makeAttempt } from './make-attempt';
import { recordAttempt } from './record-attempt';
import type { WebhookDeliveries } from './webhook-deliveries';
import { deliveryMessageId, type WebhookDelivery } from './webhook-delivery-record';
import { webhookDisabledEvent } from './webhook-lifecycle-events';
import { createWebhookMessage } from './webhook-message';
import { subscribesTo, type WebhookSubscription, type WebhookSubscriptionRecord } from './webhook-subscription';

/** First attempts made at once for one event: each may wait up to the 10 s an endpoint has to answer. */
const PARALLEL_DELIVERIES = 10;

/** What an attempt may take, with room to record it: the 10 s an endpoint has, and one more. */
const ATTEMPT_BUDGET_MS = 11_000;

type DispatchOptions = { attemptBefore?: Date };

/** Whether a first attempt made now would end before the caller's deadline. */
const timeForAttempt = ({ attemptBefore }: DispatchOptions, context: WebhookDeliveries): boolean =>
  attemptBefore === undefined || context.clock.now().getTime() + ATTEMPT_BUDGET_MS <= attemptBefore.getTime();

/** The first attempt, queued to run at once rather than made here. */
const queueFirstAttempt = async (delivery: WebhookDelivery, context: WebhookDeliveries): Promise<WebhookDelivery> => {
  const dueOn = context.clock.now().toISOString();
  await context.queue.schedule({ accountId: context.accountId, webhookId: delivery.webhookId, messageId: delivery.messageId, dueOn }, 0);
  const queued = { ...delivery, nextAttemptOn: dueOn, version: delivery.version + 1 };
  // Another dispatch queued or made it meanwhile: that one stands, and this queued copy finds it STALE.
  if (await context.deliveries.replace(queued, delivery.version)) return queued;
  return (await context.deliveries.get(delivery.webhookId, delivery.messageId)) ?? delivery;
};

/**
 * Whether the event goes to this subscription: an ENABLED one of the event's retailer (or of every
 * retailer) that wants its type; an event aimed at one subscription or one url goes there alone,
 * whatever the subscription's types.
 */
const wants = (subscription: WebhookSubscription, event: OutboundEvent): boolean => {
  if (subscription.status !== 'ENABLED') return false;
  if (subscription.retailerId !== undefined && subscription.retailerId !== event.retailerId) return false;
  const target = event.webhookTarget;
  if (target === undefined) return subscribesTo(subscription, event.type);
  return 'subscription' in target ? target.subscription === subscription.webhookId : target.url === subscription.url;
};

/**
 * The delivery of the event to the subscription, created on first sight. The body is made once, here:
 * customer data in clear only for a subscription with `includeCustomer`, and then sealed.
 */
const deliveryOf = async (event: OutboundEvent, { subscription }: WebhookSubscriptionRecord, context: WebhookDeliveries): Promise<WebhookDelivery> => {
  const { webhookId } = subscription;
  const messageId = deliveryMessageId(event.id, webhookId);
  const withCustomer = subscription.includeCustomer === true;
  const message = createWebhookMessage({ type: event.type, occurredOn: new Date(event.occurredOn), data: webhookDataOf(event, withCustomer) }, messageId);
  const delivery: WebhookDelivery = {
    webhookId,
    messageId,
    eventType: event.type,
    status: 'PENDING',
    attempts: [],
    body: await storedDeliveryBody(message.body, withCustomer, { accountId: context.accountId, webhookId, messageId }, context.keys),
    createdOn: context.clock.now().toISOString(),
    version: 1,
  };
  if (await context.deliveries.create(delivery)) return delivery;
  const stored = await context.deliveries.get(webhookId, messageId);
  if (!stored) throw new Error(`Message ${messageId} of webhook ${webhookId} was neither created nor found`);
  return stored;
};

/** Puts `webhook.disabled` on the bus and hands it to the account's other subscriptions. */
const announceDisabled = async (record: WebhookSubscriptionRecord, context: WebhookDeliveries): Promise<void> => {
  const event = webhookDisabledEvent(record, context.accountId);
  await context.bus.publish([event]);
  await dispatchWebhooks(event, context);
};

/** One attempt at the delivery now, recorded and acted on (see recordAttempt); answers the delivery as recorded. */
export const deliverNow = async (delivery: WebhookDelivery, record: WebhookSubscriptionRecord, context: WebhookDeliveries): Promise<WebhookDelivery> => {
  const recorded = await recordAttempt(delivery, await makeAttempt(delivery, record, context), context);
  if (recorded.disabled) await announceDisabled(recorded.disabled, context);
  return recorded.delivery;
};

/**
 * The event's message to one subscription, with its first attempt made now unless one was made
 * already (the event is dispatched again after a relay retry): later attempts are the queue's.
 */
export const deliverEvent = async (
  event: OutboundEvent,
  record: WebhookSubscriptionRecord,
  context: WebhookDeliveries,
  options: DispatchOptions = {},
): Promise<WebhookDelivery> => {
  const delivery = await deliveryOf(event, record, context);
  if (delivery.status !== 'PENDING' || delivery.attempts.length > 0 || delivery.nextAttemptOn !== undefined) return delivery;
  if (!timeForAttempt(options, context)) return queueFirstAttempt(delivery, context);
  try {
    return await deliverNow(delivery, record, context);
  } catch (error) {
    // Another dispatch of the same event made the first attempt at the same moment: that one stands.
    if (error instanceof ConflictError) return (await context.deliveries.get(delivery.webhookId, delivery.messageId)) ?? delivery;
    throw error;
  }
};

/**
 * Hands the event to every subscription of the account that wants it. Every subscription is tried
 * even when one fails; then the first failure is thrown, and dispatching again is safe: message ids
 * derive from the event and the subscription, and a message already tried is not tried again here.
 */
export const dispatchWebhooks = async (event: OutboundEvent, context: WebhookDeliveries, options: DispatchOptions = {}): Promise<void> => {
  if (!event.toWebhooks) return;
  const records = (await context.webhooks.list()).filter((record) => wants(record.subscription, event));
  const results = await inParallel(
    records.map((record) => () =>
      deliverEvent(event, record, context, options).then(
        () => undefined,
        (error: unknown) => ({ error }),
      ),
    ),
    PARALLEL_DELIVERIES,
  );
  const failed = results.find((result) => result !== undefined);
  if (failed) throw failed.error;
};

export const webhookDispatch = (context: WebhookDeliveries): WebhookDispatch => ({
  dispatch: (event, options) => dispatchWebhooks(event, context, options),
});
