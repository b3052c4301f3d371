import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { BusDropReason } from '../../domain/orchestration/ingest-bus-event';

const metrics = new Metrics({ namespace: 'Ordo', serviceName: 'ordo' });

/**
 * One dropped bus event as the `BusEventsDropped` count with a `reason` dimension, written at once
 * as a CloudWatch embedded-metric line: no PutMetricData call, nothing to flush at the end.
 */
export const countBusEventDropped = (reason: BusDropReason): void => {
  const single = metrics.singleMetric();
  single.addDimension('reason', reason);
  single.addMetric('BusEventsDropped', MetricUnit.Count, 1);
};
