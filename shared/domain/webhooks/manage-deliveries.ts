import * as z from 'zod';
import type { AccountPrincipal } from '../accounts/principal';
import { NotFoundError } from '../domain-errors';
import { validate } from '../validation';
import { deliverEvent, deliverNow } from './dispatch-webhooks';
import { visibleRecord } from './manage-webhooks';
import type { WebhookDeliveries } from './webhook-deliveries';
import { DELIVERY_STATUSES, deliveryView, type WebhookDeliveryView } from './webhook-delivery-record';
import { webhookTestEvent } from './webhook-lifecycle-events';
import { isWebhookMessageId } from './webhook-message';

type Caller = Pick<AccountPrincipal, 'accountId' | 'retailerId' | 'permissions'>;

export const deliveryListQuerySchema = z.strictObject({
  status: z.enum(DELIVERY_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

export type DeliveryListInput = z.infer<typeof deliveryListQuerySchema> & { webhookId: string };

const messageIdSchema = z.string().refine(isWebhookMessageId, 'must be "msg_" followed by up to 64 letters, digits, "_" or "-"');

/** A subscription's messages, newest first, of one status or all; a scoped key sees its own retailer's subscriptions alone. */
export const listWebhookDeliveries = async (
  { webhookId, ...query }: DeliveryListInput,
  caller: Caller,
  context: WebhookDeliveries,
): Promise<{ items: WebhookDeliveryView[]; cursor?: string }> => {
  const { subscription } = await visibleRecord(webhookId, caller, context);
  const page = await context.deliveries.list(subscription.webhookId, query);
  return { items: page.items.map(deliveryView), ...(page.cursor === undefined ? {} : { cursor: page.cursor }) };
};

/**
 * Sends a `webhook.test` message to the subscription now, whatever events it wants, and answers how
 * that first attempt went. A failed one is retried on the schedule, as any message.
 */
export const sendTestMessage = async ({ webhookId }: { webhookId: string }, caller: Caller, context: WebhookDeliveries): Promise<WebhookDeliveryView> => {
  const record = await visibleRecord(webhookId, caller, context);
  const event = webhookTestEvent(record.subscription, context.accountId, context.clock.now());
  return deliveryView(await deliverEvent(event, record, context));
};

/**
 * One attempt at a message now, whatever its status: a FAILED one once the endpoint is back, or a
 * DELIVERED one again (same `webhook-id`, so a receiver that dedupes drops it). One still PENDING
 * carries on with its schedule from this attempt.
 */
export const retryWebhookDelivery = async (
  { webhookId, messageId }: { webhookId: string; messageId: string },
  caller: Caller,
  context: WebhookDeliveries,
): Promise<WebhookDeliveryView> => {
  const record = await visibleRecord(webhookId, caller, context);
  const id = validate(messageIdSchema, messageId, 'messageId');
  const delivery = await context.deliveries.get(record.subscription.webhookId, id);
  if (!delivery) throw new NotFoundError(`No message ${messageId} of webhook ${webhookId} in this account`);
  return deliveryView(await deliverNow(delivery, record, context));
};
