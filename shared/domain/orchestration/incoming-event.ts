import type { EventSource, OrdoEvent } from '../../engine/engine-model';
import type { DataKeys } from '../../ports/keyring';
import { sealEventCustomerData } from '../privacy/event-customer-data';
import { toOrdoEvent, type EventInput } from './event-input';

/**
 * An event from outside Ordo as the engine runs it: the caller's retailer checked, and the
 * customer data in its attributes sealed before anything stores or runs it.
 */
export const incomingEvent = (
  input: EventInput,
  source: EventSource,
  caller: { accountId: string; retailerId?: string },
  keys: DataKeys,
): Promise<OrdoEvent> => sealEventCustomerData(toOrdoEvent(input, source, caller), caller.accountId, keys);
