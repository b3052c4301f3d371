import type { DataKeys } from '../../ports/keyring';
import type { AccountPrincipal } from '../accounts/principal';
import type { AccountOrchestration } from './account-orchestration';
import { entityView } from './entity-queries';
import type { EventInput } from './event-input';
import { incomingEvent } from './incoming-event';
import { runEvent } from './run-event';
import { submitEvent } from './submit-event';

type Caller = Pick<AccountPrincipal, 'accountId' | 'retailerId'>;

/** The keys that seal the customer data an event carries, with the account's orchestration. */
type Sealing<A> = A & { dataKeys: DataKeys };

/** An event sent to the API, accepted for the queue: PENDING at once, run in order with its root's other events. */
export const acceptEvent = async (input: EventInput, caller: Caller, account: Sealing<Parameters<typeof submitEvent>[1]>) =>
  submitEvent(await incomingEvent(input, 'API', caller, account.dataKeys), account);

/** An event sent to the API, run to its outcome before the answer; the entity shows no customer data. */
export const runEventNow = async (input: EventInput, caller: Caller, account: Sealing<AccountOrchestration>) => {
  const result = await runEvent(await incomingEvent(input, 'API', caller, account.dataKeys), account);
  return { eventId: result.eventId, status: result.outcome, entity: result.entity && entityView(result.entity), error: result.error };
};
