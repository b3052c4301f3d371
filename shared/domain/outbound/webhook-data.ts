import type { OutboundEvent } from './outbound-event';

/**
 * The `data` of a webhook message: who it concerns, then the payload. Customer data is in clear
 * only for a subscription with `includeCustomer`, which a key holding CUSTOMER_READ set.
 */
export const webhookDataOf = (event: OutboundEvent, includeCustomer: boolean): Record<string, unknown> => ({
  accountId: event.accountId,
  retailerId: event.retailerId,
  ...(event.eventId === undefined ? {} : { eventId: event.eventId }),
  ...(event.entity === undefined ? {} : { entityType: event.entity.entityType, entityRef: event.entity.ref }),
  ...(event.status === undefined ? {} : { status: event.status }),
  ...(includeCustomer ? (event.dataWithCustomer ?? event.data) : event.data),
});
