import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

const metrics = new Metrics({ namespace: 'Ordo', serviceName: 'ordo' });

/**
 * One event parked in the events DLQ, as the `StuckEvents` count, written at once as a
 * CloudWatch embedded-metric line. The account and the last error code go in metadata, not
 * dimensions: a dimension per account would make a metric per tenant.
 */
export const countStuckEvent = (accountId: string, lastErrorCode: string | undefined): void => {
  const single = metrics.singleMetric();
  single.addMetadata('accountId', accountId);
  if (lastErrorCode) single.addMetadata('lastErrorCode', lastErrorCode);
  single.addMetric('StuckEvents', MetricUnit.Count, 1);
};
