import type { BusPublisher } from '../../ports/bus-publisher';
import type { Clock } from '../../ports/clock';
import type { HostResolver } from '../../ports/host-resolver';
import type { WebhookMetrics } from '../../ports/operational-metrics';
import type { DataKeys } from '../../ports/keyring';
import type { WebhookDeliveryStore } from '../../ports/webhook-delivery-store';
import type { WebhookRetryQueue } from '../../ports/webhook-retry-queue';
import type { WebhookSender } from '../../ports/webhook-sender';
import type { WebhookSubscriptionStore } from '../../ports/webhook-subscription-store';
import type { RetrySchedule } from './retry-schedule';
import type { WebhookTargetPolicy } from './webhook-target-policy';

/** What delivering one account's webhook messages needs. */
export interface WebhookDeliveries {
  accountId: string;
  deliveries: WebhookDeliveryStore;
  webhooks: WebhookSubscriptionStore;
  keys: DataKeys;
  /** The SSRF guard runs again before every attempt, against what the host resolves to then. */
  resolver: HostResolver;
  policy: WebhookTargetPolicy;
  sender: WebhookSender;
  clock: Clock;
  schedule: RetrySchedule;
  queue: WebhookRetryQueue;
  /** Where `webhook.disabled` goes, besides the account's other subscriptions. */
  bus: BusPublisher;
  /** Attempts by result, counted for operators. */
  metrics: WebhookMetrics;
}
