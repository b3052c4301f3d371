import type { AccountOrchestration } from './account-orchestration';
import { parseQueuedEvent } from './queued-event';

export interface StuckMarkContext {
  orchestrationOf: (accountId: string) => Pick<AccountOrchestration, 'clock' | 'stuckEvents'>;
  /** Counts an event newly parked, for the stuck-events alarm. */
  countStuck: (accountId: string, lastErrorCode: string | undefined) => void;
}

/**
 * One message the events DLQ received: its event is marked STUCK on its record (made from the
 * message when the event has none), with the last failure the queue consumer kept. An event that
 * has an outcome by now (it ran on a later delivery, or FAILED on a rule) is left as it is. The
 * record holds the whole event, so a retry re-drives it from there and the message can go.
 */
export const markStuckMessage = async (body: string, context: StuckMarkContext) => {
  const message = parseQueuedEvent(body);
  const account = context.orchestrationOf(message.accountId);
  const { marked, lastError } = await account.stuckEvents.markStuck(message.event, account.clock.now().toISOString());
  if (marked) context.countStuck(message.accountId, lastError?.code);
  return { accountId: message.accountId, eventId: message.event.id, marked, lastErrorCode: lastError?.code };
};
