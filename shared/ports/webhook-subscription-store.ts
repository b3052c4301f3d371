import type { WebhookSubscriptionRecord } from '../domain/webhooks/webhook-subscription';

/** The webhook subscriptions of one account. */
export interface WebhookSubscriptionStore {
  /** Stores a new subscription; false, and nothing written, when its id is already taken. */
  create(record: WebhookSubscriptionRecord): Promise<boolean>;
  get(webhookId: string): Promise<WebhookSubscriptionRecord | undefined>;
  /** Every subscription of the account, of every retailer. */
  list(): Promise<WebhookSubscriptionRecord[]>;
  /**
   * Replaces the subscription if its stored version is still `readVersion`: false, and nothing
   * written, when it is gone or was changed since it was read.
   */
  replace(record: WebhookSubscriptionRecord, readVersion: number): Promise<boolean>;
  /** Deletes the subscription; false when there was none. */
  delete(webhookId: string): Promise<boolean>;
}
