import type { WebhookSubscriptionRecord } from '../../shared/domain/webhooks/webhook-subscription';
import type { WebhookSubscriptionStore } from '../../shared/ports/webhook-subscription-store';

const copy = (record: WebhookSubscriptionRecord): WebhookSubscriptionRecord => structuredClone(record);

/** Subscriptions kept in a map, with the store's conditions: ids taken once, replaces checked on the version read. */
export class InMemoryWebhookSubscriptionStore implements WebhookSubscriptionStore {
  readonly records = new Map<string, WebhookSubscriptionRecord>();

  async create(record: WebhookSubscriptionRecord): Promise<boolean> {
    if (this.records.has(record.subscription.webhookId)) return false;
    this.records.set(record.subscription.webhookId, copy(record));
    return true;
  }

  async get(webhookId: string): Promise<WebhookSubscriptionRecord | undefined> {
    const record = this.records.get(webhookId);
    return record && copy(record);
  }

  async list(): Promise<WebhookSubscriptionRecord[]> {
    return [...this.records.values()].map(copy);
  }

  async replace(record: WebhookSubscriptionRecord, readVersion: number): Promise<boolean> {
    const stored = this.records.get(record.subscription.webhookId);
    if (stored?.version !== readVersion) return false;
    this.records.set(record.subscription.webhookId, copy(record));
    return true;
  }

  async delete(webhookId: string): Promise<boolean> {
    return this.records.delete(webhookId);
  }
}
