import type { AccountChange } from './account-change';
import { batchCompletedOf } from './batch-completed';
import { entityEventsOf } from './entity-events';
import { eventFailedOf } from './event-failed';
import type { OutboundContext } from './outbound-context';
import type { OutboundEvent } from './outbound-event';
import { outboxEventsOf } from './outbox-events';

export type { OutboundContext };

/**
 * What one committed change of an account sends out of Ordo: built-in events from orders,
 * fulfilments, events and batches, and the messages workflows put in the outbox. Most changes
 * send nothing. The same change always gives the same ids, so relaying it again is safe.
 */
export const outboundEventsOf = async (change: AccountChange, context: OutboundContext): Promise<OutboundEvent[]> => {
  switch (change.kind) {
    case 'OUTBOX':
      return outboxEventsOf(change, context);
    case 'ENTITY':
      return entityEventsOf(change, context);
    case 'EVENT':
      return eventFailedOf(change, context);
    case 'BATCH':
      return batchCompletedOf({ batch: change.after }, context);
    case 'BATCH_CHUNK':
      return batchCompletedOf(change, context);
  }
};
