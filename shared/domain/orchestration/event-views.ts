import type { AuditRecord } from '../../engine/engine-model';
import type { LoggedEvent } from '../../ports/event-log';
import { withoutCustomerData } from '../privacy/customer-data';
import { stuckSinceOf, type StuckPolicy } from './stuck-events';

/**
 * How an event appears in the API: the event's own fields (customer data left out), then what
 * became of it. A PENDING event that is stuck (see stuckSinceOf) shows as STUCK, with `stuckSince`.
 */
export const eventView = (logged: LoggedEvent, policy: StuckPolicy, audit?: AuditRecord[]) => {
  const stuckSince = stuckSinceOf(logged, policy);
  return {
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
    status: stuckSince ? 'STUCK' : logged.outcome,
    receivedOn: logged.receivedOn,
    processedOn: logged.processedOn,
    attempts: logged.attempts,
    error: logged.error,
    lastError: logged.lastError,
    failedAttempts: logged.failedAttempts,
    stuckSince,
    redrivenOn: logged.redrivenOn,
    duplicateDeliveries: logged.duplicateDeliveries,
    ...(audit ? { audit: audit.map(({ eventId: _eventId, ...record }) => record) } : {}),
  };
};
