/**
 * Something that happened in an account and leaves Ordo: put on the stage's bus and sent to
 * the webhook subscriptions that want its type. Built-in types are `order.created`,
 * `order.status_changed`, `fulfilment.status_changed`, `return.received`, `batch.completed`, `event.failed`,
 * `webhook.test` and `webhook.disabled`; workflows add their own with `SendWebhook` and
 * `PublishEvent`.
 */
export interface OutboundEvent {
  /** Stable for one happening however often it is relayed: webhook message ids derive from it. */
  id: string;
  type: string;
  /** When it happened, ISO 8601. */
  occurredOn: string;
  accountId: string;
  retailerId: string;
  /** The Ordo event whose execution caused it. */
  eventId?: string;
  entity?: { entityType: string; ref: string; rootEntityType?: string; rootRef?: string };
  status?: { from?: string; to: string };
  /** The payload with customer data masked: what the bus and most subscriptions get. */
  data: Record<string, unknown>;
  /**
   * The payload with customer data in clear, for subscriptions whose `includeCustomer` was set by
   * a key holding CUSTOMER_READ. Absent when the payload carries no customer data.
   */
  dataWithCustomer?: Record<string, unknown>;
  /** Who gets it by webhook: every subscription whose filter matches (absent), one subscription, or one URL. */
  webhookTarget?: { subscription: string } | { url: string };
  /** Whether it goes on the bus: false for webhook-only messages (`SendWebhook`, `webhook.test`). */
  toBus: boolean;
  /** Whether it goes to webhook subscriptions: false for `PublishEvent`, which is for the bus only. */
  toWebhooks: boolean;
}
