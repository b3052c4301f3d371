import type { OutboundEvent } from './outbound-event';

/**
 * The `detail` of an event Ordo puts on the bus: who it concerns first, so a customer's rule can
 * match on `accountId`, `retailerId`, the entity or the status without reading `data`. Customer
 * data is always masked here: a bus rule has no permission to hold.
 */
export const busDetailOf = (event: OutboundEvent): Record<string, unknown> => ({
  id: event.id,
  accountId: event.accountId,
  retailerId: event.retailerId,
  ...(event.eventId === undefined ? {} : { eventId: event.eventId }),
  ...(event.entity === undefined ? {} : { entityType: event.entity.entityType, entityRef: event.entity.ref }),
  ...(event.status === undefined ? {} : { status: event.status }),
  occurredOn: event.occurredOn,
  data: event.data,
});
