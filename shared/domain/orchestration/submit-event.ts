import type { OrdoEvent } from '../../engine/engine-model';
import type { AccountOrchestration } from './account-orchestration';

/**
 * Accepts an event for asynchronous processing: it is visible as PENDING at once and runs
 * when the queue delivers it, in order with the other events of its root entity.
 */
export const submitEvent = async (
  event: OrdoEvent,
  account: Pick<AccountOrchestration, 'accountId' | 'queue' | 'clock' | 'eventRecords'>,
): Promise<{ eventId: string; status: 'PENDING' }> => {
  await account.eventRecords.recordPending({
    event,
    outcome: 'PENDING',
    receivedOn: account.clock.now().toISOString(),
    rootEntityType: event.rootEntityType ?? event.entityType,
    rootRef: event.rootEntityRef ?? event.entityRef,
    attempts: 0,
  });
  await account.queue.enqueue({ accountId: account.accountId, event });
  return { eventId: event.id, status: 'PENDING' };
};
