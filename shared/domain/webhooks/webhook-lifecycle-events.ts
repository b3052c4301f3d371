import { randomUUID } from 'node:crypto';
import type { OutboundEvent } from '../outbound/outbound-event';
import type { WebhookSubscription, WebhookSubscriptionRecord } from './webhook-subscription';

/**
 * The retailer an event about a subscription concerns: the subscription's own. One of every
 * retailer has none, and its events then go to the account's unscoped subscriptions alone.
 */
const retailerOf = (subscription: WebhookSubscription): string => subscription.retailerId ?? '';

/** `webhook.test`: sent on request to one subscription, never put on the bus. A new message each time. */
export const webhookTestEvent = (subscription: WebhookSubscription, accountId: string, now: Date): OutboundEvent => ({
  id: `webhook.test|${randomUUID()}`,
  type: 'webhook.test',
  occurredOn: now.toISOString(),
  accountId,
  retailerId: retailerOf(subscription),
  data: { webhookId: subscription.webhookId, message: 'A test message from Ordo: this endpoint receives the webhooks of this subscription.' },
  webhookTarget: { subscription: subscription.webhookId },
  toBus: false,
  toWebhooks: true,
});

/**
 * `webhook.disabled`: a subscription was DISABLED after messages to it kept failing. It goes on the
 * bus and to the account's other subscriptions that want it. The url is left out: it may carry a
 * token of the receiver's, and the bus reaches further than the webhook's owner.
 */
export const webhookDisabledEvent = ({ subscription, updatedOn, consecutiveFailures }: WebhookSubscriptionRecord, accountId: string): OutboundEvent => ({
  // The same for one disabling however often it is announced; a later one is another event.
  id: `webhook.disabled|${subscription.webhookId}|${updatedOn}`,
  type: 'webhook.disabled',
  occurredOn: updatedOn,
  accountId,
  retailerId: retailerOf(subscription),
  data: {
    webhookId: subscription.webhookId,
    ...(subscription.description === undefined ? {} : { description: subscription.description }),
    disabledReason: subscription.disabledReason,
    consecutiveFailures,
  },
  toBus: true,
  toWebhooks: true,
});
