import type { BusDropReason } from '../../domain/orchestration/ingest-bus-event';

const NAMESPACE = 'Ordo';

/**
 * One dropped bus event as a CloudWatch embedded-metric-format line: CloudWatch Logs turns it
 * into the `BusEventsDropped` count with a `reason` dimension, no PutMetricData call needed.
 * Written straight to stdout, since Lambda's console prefixes lines and EMF needs bare JSON.
 */
export const emfBusEventDropped = (reason: BusDropReason, at: Date = new Date()): string =>
  JSON.stringify({
    _aws: {
      Timestamp: at.getTime(),
      CloudWatchMetrics: [{ Namespace: NAMESPACE, Dimensions: [['service', 'reason']], Metrics: [{ Name: 'BusEventsDropped', Unit: 'Count' }] }],
    },
    service: 'ordo',
    reason,
    BusEventsDropped: 1,
  });

export const countBusEventDropped = (reason: BusDropReason, write: (line: string) => void = (line) => process.stdout.write(`${line}\n`)) =>
  write(emfBusEventDropped(reason));
