import type { OutboundEvent } from '../../shared/domain/outbound/outbound-event';
import { retrySchedule } from '../../shared/domain/webhooks/retry-schedule';
import type { WebhookDeliveries } from '../../shared/domain/webhooks/webhook-deliveries';
import type { BusPublisher } from '../../shared/ports/bus-publisher';
import type { WebhookMessageRef, WebhookRetry, WebhookRetryQueue } from '../../shared/ports/webhook-retry-queue';
import { ManualClock } from './clock';
import { FixedDataKeys } from './data-keys';
import { FakeHostResolver } from './host-resolver';
import { InMemoryWebhookDeliveryStore } from './webhook-delivery-store';
import { RecordingWebhookSender } from './webhook-sender';
import { InMemoryWebhookSubscriptionStore } from './webhook-subscription-store';
import { RecordingMetrics } from './metrics';

/** The webhooks queue and its DLQ as lists: what was queued, with its delay, and what was dead-lettered. */
export class RecordingWebhookRetryQueue implements WebhookRetryQueue {
  readonly scheduled: { retry: WebhookRetry; delaySeconds: number }[] = [];
  readonly deadLettered: WebhookMessageRef[] = [];

  async schedule(retry: WebhookRetry, delaySeconds: number): Promise<void> {
    this.scheduled.push({ retry: { ...retry }, delaySeconds });
  }

  async deadLetter(message: WebhookMessageRef): Promise<void> {
    this.deadLettered.push({ ...message });
  }

  /** Takes the retries queued so far off the queue, as a consumer would receive them. */
  take(): { retry: WebhookRetry; delaySeconds: number }[] {
    return this.scheduled.splice(0);
  }
}

/** A bus that keeps what is published on it. */
export class RecordingBus implements BusPublisher {
  readonly published: OutboundEvent[] = [];

  async publish(events: readonly OutboundEvent[]): Promise<void> {
    this.published.push(...events);
  }
}

/** The hosts webhook tests deliver to, as the fake resolver answers them. */
export const WEBHOOK_HOSTS = { 'hooks.example.com': ['93.184.216.34'], 'other.example.com': ['93.184.216.35'] };

export type FakeWebhookDeliveries = WebhookDeliveries & {
  deliveries: InMemoryWebhookDeliveryStore;
  webhooks: InMemoryWebhookSubscriptionStore;
  sender: RecordingWebhookSender;
  clock: ManualClock;
  queue: RecordingWebhookRetryQueue;
  bus: RecordingBus;
  keys: FixedDataKeys;
  metrics: RecordingMetrics;
};

/** An account's delivery parts, all in memory: endpoints answer 200 and retries wait 5 s, then 300 s, unless told. */
export const fakeWebhookDeliveries = (overrides: Partial<FakeWebhookDeliveries> = {}): FakeWebhookDeliveries => ({
  accountId: 'acme',
  deliveries: new InMemoryWebhookDeliveryStore(),
  webhooks: new InMemoryWebhookSubscriptionStore(),
  keys: new FixedDataKeys(),
  resolver: new FakeHostResolver(WEBHOOK_HOSTS),
  policy: { allowInsecureLocal: false },
  sender: new RecordingWebhookSender(),
  clock: new ManualClock('2025-03-14T09:00:00.000Z'),
  schedule: retrySchedule([5, 300]),
  queue: new RecordingWebhookRetryQueue(),
  bus: new RecordingBus(),
  metrics: new RecordingMetrics(),
  ...overrides,
});

/** An `order.created` of retailer R1 whose payload carries a customer: masked in `data`, in clear in `dataWithCustomer`. */
export const orderCreatedEvent = (overrides: Partial<OutboundEvent> = {}): OutboundEvent => ({
  id: 'ORDER#O-1#created',
  type: 'order.created',
  occurredOn: '2025-03-14T08:59:59.000Z',
  accountId: 'acme',
  retailerId: 'R1',
  eventId: 'evt-1',
  entity: { entityType: 'ORDER', ref: 'O-1' },
  data: { order: { ref: 'O-1', customer: { name: 'A*** L***' } } },
  dataWithCustomer: { order: { ref: 'O-1', customer: { name: 'Ada Lovelace' } } },
  toBus: true,
  toWebhooks: true,
  ...overrides,
});
