import type { EventRecord } from '../../engine/engine-model';
import type { OutboundContext } from './outbound-context';
import type { OutboundEvent } from './outbound-event';
import { outboundEventId } from './outbound-event-id';

/**
 * `event.failed` when an event's outcome became FAILED: once per failure, not again while its
 * retries keep failing. The event's attributes stay out (they may hold sealed customer data);
 * the error's code and message say what went wrong.
 */
export const eventFailedOf = (change: { before?: EventRecord; after: EventRecord }, context: OutboundContext): OutboundEvent[] => {
  const { before, after } = change;
  if (after.outcome !== 'FAILED' || before?.outcome === 'FAILED') return [];
  const { event } = after;
  const type = 'event.failed';
  return [
    {
      id: outboundEventId(context.accountId, type, event.retailerId, event.id, after.attempts),
      type,
      occurredOn: after.processedOn ?? after.receivedOn,
      accountId: context.accountId,
      retailerId: event.retailerId,
      eventId: event.id,
      entity: { entityType: event.entityType, ref: event.entityRef, rootEntityType: after.rootEntityType, rootRef: after.rootRef },
      data: {
        event: {
          id: event.id,
          name: event.name,
          entityType: event.entityType,
          entityRef: event.entityRef,
          ...(event.entitySubtype === undefined ? {} : { entitySubtype: event.entitySubtype }),
          rootEntityType: after.rootEntityType,
          rootEntityRef: after.rootRef,
          ...(event.source === undefined ? {} : { source: event.source }),
          attempts: after.attempts,
          receivedOn: after.receivedOn,
          ...(after.processedOn === undefined ? {} : { processedOn: after.processedOn }),
        },
        ...(after.error === undefined ? {} : { error: { code: after.error.code, message: after.error.message } }),
      },
      toBus: true,
      toWebhooks: true,
    },
  ];
};
