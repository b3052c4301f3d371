import type { AccountPrincipal } from '../accounts/principal';
import { ConflictError, EventStillPendingError, NotFoundError } from '../domain-errors';
import type { AccountOrchestration } from './account-orchestration';
import { stuckPolicyOf, type EventRefInput } from './event-queries';
import { retailerOfEvent } from './retailer-of-ref';
import { stuckSinceOf } from './stuck-events';

type RetryAccount = Pick<AccountOrchestration, 'accountId' | 'queue' | 'events' | 'claims' | 'clock' | 'stuckAfterMs' | 'stuckEvents'>;

/**
 * Re-drives a FAILED event once its cause is fixed (a workflow uploaded for a CREATE that
 * found none, stock loaded, a downstream system back), or a STUCK one (it reached the DLQ on an
 * infrastructure error, or stayed PENDING past the threshold). Entities stay on the workflow
 * version they were created under, so a retry re-runs that version. The same event, under the
 * same id, goes through the queue again with a fresh deduplication id: should an earlier delivery
 * still run, the second one is a DUPLICATE and changes nothing.
 */
export const retryEvent = async (
  { eventId, retailerId: requested }: EventRefInput,
  scope: Pick<AccountPrincipal, 'retailerId'>,
  account: RetryAccount,
): Promise<{ eventId: string; status: 'PENDING' }> => {
  const retailerId = await retailerOfEvent(eventId, requested, scope, account.claims);
  const found = await account.events.get(retailerId, eventId);
  if (!found) throw new NotFoundError(`No event ${eventId} in this account`);
  const { event: logged } = found;
  const policy = stuckPolicyOf(account);
  if (logged.outcome === 'PENDING' && !stuckSinceOf(logged, policy)) {
    throw new EventStillPendingError(eventId, Math.round(account.stuckAfterMs / 60_000));
  }
  if (logged.outcome !== 'FAILED' && logged.outcome !== 'PENDING') {
    throw new ConflictError(`Event ${eventId} is ${logged.outcome}; only FAILED and STUCK events can be retried`);
  }
  const at = policy.now.toISOString();
  const deduplicationKey = logged.outcome === 'FAILED' ? `${eventId}:retry:${logged.attempts}` : `${eventId}:redrive:${at}`;
  await account.queue.enqueue({ accountId: account.accountId, event: { ...logged.event, source: 'RETRY' } }, deduplicationKey);
  // After the send: a mark cleared for a message that never left would hide a stuck event.
  if (logged.outcome === 'PENDING') await account.stuckEvents.markRedriven(retailerId, eventId, at);
  return { eventId, status: 'PENDING' };
};
