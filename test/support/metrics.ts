import type { BatchMetrics, OrchestrationMetrics, WebhookDeliveryResult, WebhookMetrics } from '../../shared/ports/operational-metrics';

/** The operational figures a use case counted, as a list per kind, for the test to look into. */
export class RecordingMetrics implements OrchestrationMetrics, BatchMetrics, WebhookMetrics {
  readonly outcomes: string[] = [];
  ordersCreatedCount = 0;
  readonly chunks: { applied: number; unchanged: number; failed: number }[] = [];
  readonly webhookResults: WebhookDeliveryResult[] = [];

  eventProcessed(outcome: string): void {
    this.outcomes.push(outcome);
  }

  ordersCreated(count: number): void {
    this.ordersCreatedCount += count;
  }

  chunkApplied({ applied, unchanged, failed }: { applied: number; unchanged: number; failed: number }): void {
    this.chunks.push({ applied, unchanged, failed });
  }

  webhookAttempted(result: WebhookDeliveryResult): void {
    this.webhookResults.push(result);
  }
}
