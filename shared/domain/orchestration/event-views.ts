import type { AuditRecord } from '../../engine/engine-model';
import type { LoggedEvent } from '../../ports/event-log';
import { withoutCustomerData } from '../privacy/customer-data';
import { stuckSinceOf, type StuckPolicy } from './stuck-events';

/**
 * How an event appears in the API: the event's own fields (customer data left out), then what
 * became of it. A PENDING event that is stuck (see stuckSinceOf) stays PENDING, with `stuck: true` and `stuckSince`:
 * its outcome has not changed, and /v1's status values stay what integrators were promised.
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
    status: logged.outcome,
    ...(stuckSince ? { stuck: true as const } : {}),
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
