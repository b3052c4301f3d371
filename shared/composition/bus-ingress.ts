import { countBusEventDropped } from '../adapters/metrics/bus-ingress-metrics';
import type { BusDropReason, BusIngress } from '../domain/orchestration/ingest-bus-event';
import { containerPart } from './account-context';
import { dataKeys } from './data-keys';
import { orchestrationOf } from './orchestration';
import { eventSourceRegistry } from './event-source-registrations';
import { settings } from './settings';

/** The ingress, and the metric that counts what it drops. */
export type BusIngressParts = BusIngress & { countDropped(reason: BusDropReason): void };

const build = (): BusIngressParts => ({
  ownSource: settings().busSource,
  eventSources: eventSourceRegistry(),
  dataKeys: dataKeys(),
  orchestrationOf,
  countDropped: countBusEventDropped,
});

/** What takes an event off the bus: the registered sources, the keys that seal its customer data, each account's orchestration. */
export const busIngress = (): BusIngressParts => containerPart(build);
