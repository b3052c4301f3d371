/**
 * Figures operators watch and alarm on, counted where they happen, each for one account. Where
 * they go (CloudWatch embedded metrics) is the adapter's business; the account is never a dimension.
 */

/** What the engine made of one event: its outcome as the event record shows it. */
export interface OrchestrationMetrics {
  eventProcessed(outcome: string): void;
  ordersCreated(count: number): void;
}

/** One chunk of an inventory batch, applied: how many of its records changed a count, changed nothing, or were refused. */
export interface BatchMetrics {
  chunkApplied(records: { applied: number; unchanged: number; failed: number }): void;
}

/** Where a webhook message stands after an attempt. */
export type WebhookDeliveryResult = 'DELIVERED' | 'RETRY' | 'FAILED';

export interface WebhookMetrics {
  webhookAttempted(result: WebhookDeliveryResult): void;
}
