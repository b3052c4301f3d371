import type { DeliveryStatus, WebhookDelivery } from '../domain/webhooks/webhook-delivery-record';

export interface DeliveryListQuery {
  status?: DeliveryStatus;
  limit: number;
  cursor?: string;
}

/** The webhook deliveries of one account; each is kept for 30 days. */
export interface WebhookDeliveryStore {
  /** Stores a new delivery; false, and nothing written, when the subscription already has a message of this id. */
  create(delivery: WebhookDelivery): Promise<boolean>;
  get(webhookId: string, messageId: string): Promise<WebhookDelivery | undefined>;
  /**
   * Replaces the delivery if its stored version is still `readVersion`: false, and nothing
   * written, when it was changed since it was read.
   */
  replace(delivery: WebhookDelivery, readVersion: number): Promise<boolean>;
  /** A subscription's deliveries, newest first, of one status or all, a page at a time. */
  list(webhookId: string, query: DeliveryListQuery): Promise<{ items: WebhookDelivery[]; cursor?: string }>;
}
