import { createHash } from 'node:crypto';
import type { Sealed } from '../privacy/sealed';
import type { DeliveryAttempt } from './attempt-delivery';

export const DELIVERY_STATUSES = ['PENDING', 'DELIVERED', 'FAILED'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** How long a delivery and its attempts are kept for the deliveries API. */
export const DELIVERY_RETENTION_DAYS = 30;

/**
 * One message to one subscription and every attempt at it. The body is kept exactly as first
 * made, so every attempt sends (and signs) the same bytes; it is sealed with the account's data
 * key when it carries customer data in clear (a subscription with `includeCustomer`).
 */
export interface WebhookDelivery {
  webhookId: string;
  /** The `webhook-id` of every attempt. */
  messageId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** When the next attempt is due, while the message is PENDING after a failed attempt. */
  nextAttemptOn?: string;
  body: string | Sealed;
  createdOn: string;
  /** Why no further attempt is made though the message was never delivered: its subscription was deleted or disabled. */
  droppedReason?: string;
  /** Counts the writes, so an attempt recorded from a stale read is refused. */
  version: number;
}

/** A delivery as the deliveries API shows it: never its body. */
export interface WebhookDeliveryView {
  messageId: string;
  eventType: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  nextAttemptOn?: string;
  createdOn: string;
  droppedReason?: string;
}

export const deliveryView = (delivery: WebhookDelivery): WebhookDeliveryView => ({
  messageId: delivery.messageId,
  eventType: delivery.eventType,
  status: delivery.status,
  attempts: delivery.attempts,
  ...(delivery.nextAttemptOn === undefined ? {} : { nextAttemptOn: delivery.nextAttemptOn }),
  createdOn: delivery.createdOn,
  ...(delivery.droppedReason === undefined ? {} : { droppedReason: delivery.droppedReason }),
});

const MESSAGE_ID_HASH_LENGTH = 32;

/**
 * The message id of an event's delivery to one subscription: the same however often the event is
 * dispatched (a relay retried after a crash), so the subscription gets one message, and receivers
 * that dedupe on `webhook-id` drop a repeat. Different for each subscription, so one receiver
 * cannot learn another's ids.
 */
export const deliveryMessageId = (eventId: string, webhookId: string): string =>
  `msg_${createHash('sha256').update(`${eventId}|${webhookId}`).digest('base64url').slice(0, MESSAGE_ID_HASH_LENGTH)}`;
