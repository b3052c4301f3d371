import type { BusIngress } from '../domain/orchestration/ingest-bus-event';
import { containerPart } from './account-context';
import { dataKeys } from './data-keys';
import { orchestrationOf } from './orchestration';
import { eventSourceRegistry } from './event-source-registrations';

const build = (): BusIngress => ({ eventSources: eventSourceRegistry(), dataKeys: dataKeys(), orchestrationOf });

/** What takes an event off the bus: the registered sources, the keys that seal its customer data, each account's orchestration. */
export const busIngress = (): BusIngress => containerPart(build);
