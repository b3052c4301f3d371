import type { ExecutionResult } from '../../engine/engine';
import type { OrdoEvent, OutboxRecord } from '../../engine/engine-model';
import type { AccountOrchestration } from './account-orchestration';
import { countRun } from './run-metrics';

/** Enqueues events for other root entities that `of` left in the outbox, then removes them from it. */
export const relayEvents = async (
  of: { retailerId: string; eventId: string },
  records: OutboxRecord[],
  account: Pick<AccountOrchestration, 'accountId' | 'queue' | 'outbox'>,
): Promise<number> => {
  const events = records.filter((record) => record.kind === 'EVENT');
  for (const record of events) {
    await account.queue.enqueue({ accountId: account.accountId, event: record.payload as unknown as OrdoEvent });
  }
  if (events.length) await account.outbox.remove(of, events);
  return events.length;
};

export interface RunOptions {
  /**
   * Whether a DUPLICATE is noted on the event's record at once (the default). A caller that may still refuse the
   * request (an order resent with another body) notes it itself once it accepts, so a refusal writes nothing.
   */
  recordDuplicate?: boolean;
}

const runInScope = async (event: OrdoEvent, account: AccountOrchestration, options: RunOptions): Promise<ExecutionResult> => {
  const result = await account.engine.process(event);
  countRun(result, account.metrics);
  const of = { retailerId: event.retailerId, eventId: event.id };
  if (result.outcome === 'DUPLICATE') {
    if (options.recordDuplicate !== false) {
      await account.eventRecords.recordDuplicate(event.retailerId, event.id, account.clock.now().toISOString());
    }
    await relayEvents(of, await account.outbox.pending(of), account);
    return result;
  }
  await relayEvents(of, result.unitOfWork?.outbox ?? [], account);
  return result;
};

/**
 * Runs one event to its outcome and then relays what the execution left in the outbox for
 * other root entities. Used by the sync API, the queue consumer and the retry path alike.
 * A redelivered event relays what an earlier run committed but could not hand on.
 */
export const runEvent = (event: OrdoEvent, account: AccountOrchestration, options: RunOptions = {}): Promise<ExecutionResult> =>
  account.runScope.ofEvent(event.id, () => runInScope(event, account, options));
