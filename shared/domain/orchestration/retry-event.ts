import type { AccountPrincipal } from '../accounts/principal';
import { ConflictError, NotFoundError } from '../domain-errors';
import type { AccountOrchestration } from './account-orchestration';
import type { EventRefInput } from './event-queries';
import { retailerOfEvent } from './retailer-of-ref';

/**
 * Re-drives a FAILED event once its cause is fixed (a workflow uploaded for a CREATE that
 * found none, stock loaded, a downstream system back). Entities stay on the workflow version
 * they were created under, so a retry re-runs that version. It goes through the queue again
 * with a fresh deduplication id.
 */
export const retryEvent = async (
  { eventId, retailerId: requested }: EventRefInput,
  scope: Pick<AccountPrincipal, 'retailerId'>,
  account: Pick<AccountOrchestration, 'accountId' | 'queue' | 'events' | 'claims'>,
): Promise<{ eventId: string; status: 'PENDING' }> => {
  const retailerId = await retailerOfEvent(eventId, requested, scope, account.claims);
  const found = await account.events.get(retailerId, eventId);
  if (!found) throw new NotFoundError(`No event ${eventId} in this account`);
  if (found.event.outcome !== 'FAILED') {
    throw new ConflictError(`Event ${eventId} is ${found.event.outcome}; only FAILED events can be retried`);
  }
  await account.queue.enqueue(
    { accountId: account.accountId, event: { ...found.event.event, source: 'RETRY' } },
    `${eventId}:retry:${found.event.attempts}`,
  );
  return { eventId, status: 'PENDING' };
};
