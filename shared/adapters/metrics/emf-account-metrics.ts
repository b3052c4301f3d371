import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BatchMetrics, OrchestrationMetrics, WebhookDeliveryResult, WebhookMetrics } from '../../ports/operational-metrics';
import { currentCorrelationId } from '../../runtime/log-context';

const metrics = new Metrics({ namespace: 'Ordo', serviceName: 'ordo' });

type Figure = { name: string; value: number };

/**
 * One account's figures as CloudWatch embedded-metric lines, each written at once: no PutMetricData
 * call, nothing to flush when the invocation ends, so every handler may count without a wrapper.
 * The account id (and the chain's correlation id) go in metadata: searchable in the logs, but not a
 * dimension, which would make a metric per account and cost per tenant.
 */
export class EmfAccountMetrics implements OrchestrationMetrics, BatchMetrics, WebhookMetrics {
  constructor(private readonly accountId: string) {}

  eventProcessed(outcome: string): void {
    this.write([{ name: 'EventsProcessed', value: 1 }], { outcome });
  }

  ordersCreated(count: number): void {
    if (count > 0) this.write([{ name: 'OrdersCreated', value: count }]);
  }

  chunkApplied({ applied, unchanged, failed }: { applied: number; unchanged: number; failed: number }): void {
    this.write([
      { name: 'BatchRecordsApplied', value: applied },
      { name: 'BatchRecordsUnchanged', value: unchanged },
      { name: 'BatchRecordsFailed', value: failed },
    ]);
  }

  webhookAttempted(result: WebhookDeliveryResult): void {
    this.write([{ name: 'WebhookDeliveries', value: 1 }], { result });
  }

  // Synchronous from the first add to the publish, so records handled at once never mix their figures.
  private write(figures: Figure[], dimensions: Record<string, string> = {}): void {
    for (const [name, value] of Object.entries(dimensions)) metrics.addDimension(name, value);
    metrics.addMetadata('accountId', this.accountId);
    const correlationId = currentCorrelationId();
    if (correlationId) metrics.addMetadata('correlationId', correlationId);
    for (const { name, value } of figures) metrics.addMetric(name, MetricUnit.Count, value);
    metrics.publishStoredMetrics();
  }
}
