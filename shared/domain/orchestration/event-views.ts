import type { AuditRecord } from '../../engine/engine-model';
import type { LoggedEvent } from '../../ports/event-log';
import { withoutCustomerData } from '../privacy/customer-data';

/** How an event appears in the API: the event's own fields (customer data left out), then what became of it. */
export const eventView = (logged: LoggedEvent, audit?: AuditRecord[]) => ({
  eventId: logged.event.id,
  name: logged.event.name,
  retailerId: logged.event.retailerId,
  entityType: logged.event.entityType,
  entityRef: logged.event.entityRef,
  entitySubtype: logged.event.entitySubtype,
  rootEntityType: logged.rootEntityType,
  rootEntityRef: logged.rootRef,
  attributes: withoutCustomerData(logged.event.attributes),
  source: logged.event.source,
  hops: logged.event.hops,
  status: logged.outcome,
  receivedOn: logged.receivedOn,
  processedOn: logged.processedOn,
  attempts: logged.attempts,
  error: logged.error,
  duplicateDeliveries: logged.duplicateDeliveries,
  ...(audit ? { audit: audit.map(({ eventId: _eventId, ...record }) => record) } : {}),
});
