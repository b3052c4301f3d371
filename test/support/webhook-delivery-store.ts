import type { WebhookDelivery } from '../../shared/domain/webhooks/webhook-delivery-record';
import type { DeliveryListQuery, WebhookDeliveryStore } from '../../shared/ports/webhook-delivery-store';

const copy = (delivery: WebhookDelivery): WebhookDelivery => structuredClone(delivery);
const keyOf = (webhookId: string, messageId: string) => `${webhookId}|${messageId}`;

/** Deliveries kept in a map, with the store's conditions: ids taken once, replaces checked on the version read. */
export class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {
  readonly deliveries = new Map<string, WebhookDelivery>();

  async create(delivery: WebhookDelivery): Promise<boolean> {
    const key = keyOf(delivery.webhookId, delivery.messageId);
    if (this.deliveries.has(key)) return false;
    this.deliveries.set(key, copy(delivery));
    return true;
  }

  async get(webhookId: string, messageId: string): Promise<WebhookDelivery | undefined> {
    const delivery = this.deliveries.get(keyOf(webhookId, messageId));
    return delivery && copy(delivery);
  }

  async replace(delivery: WebhookDelivery, readVersion: number): Promise<boolean> {
    const key = keyOf(delivery.webhookId, delivery.messageId);
    if (this.deliveries.get(key)?.version !== readVersion) return false;
    this.deliveries.set(key, copy(delivery));
    return true;
  }

  async list(webhookId: string, { status, limit, cursor }: DeliveryListQuery): Promise<{ items: WebhookDelivery[]; cursor?: string }> {
    const all = [...this.deliveries.values()]
      .filter((delivery) => delivery.webhookId === webhookId && (status === undefined || delivery.status === status))
      .sort((a, b) => `${b.createdOn}#${b.messageId}`.localeCompare(`${a.createdOn}#${a.messageId}`));
    const start = cursor === undefined ? 0 : Number(cursor);
    const items = all.slice(start, start + limit).map(copy);
    return start + limit < all.length ? { items, cursor: String(start + limit) } : { items };
  }

  /** Every delivery of the subscription, in no particular order. */
  of(webhookId: string): WebhookDelivery[] {
    return [...this.deliveries.values()].filter((delivery) => delivery.webhookId === webhookId).map(copy);
  }
}
