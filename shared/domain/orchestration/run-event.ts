import type { ExecutionResult } from '../../engine/executor';
import type { OrdoEvent } from '../../engine/model';
import type { AccountOrchestration } from './account-orchestration';

/**
 * Runs one event to its outcome and then relays what the execution left in the outbox for
 * other root entities. Used by the sync API, the queue consumer and the retry path alike.
 */
export const runEvent = async (event: OrdoEvent, account: AccountOrchestration): Promise<ExecutionResult> => {
  const result = await account.engine.process(event);
  if (result.outcome === 'DUPLICATE') {
    await account.eventRecords.recordDuplicate(event.id, account.clock.now().toISOString());
    return result;
  }
  const forOtherRoots = (result.unitOfWork?.outbox ?? []).filter((record) => record.kind === 'EVENT');
  for (const record of forOtherRoots) {
    await account.queue.enqueue({ accountId: account.accountId, event: record.payload as unknown as OrdoEvent });
  }
  if (forOtherRoots.length) await account.eventRecords.removeOutbox(forOtherRoots);
  return result;
};
