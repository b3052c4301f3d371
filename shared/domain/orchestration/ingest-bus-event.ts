import type { EventSourceRegistry } from '../../ports/event-source-registry';
import type { DataKeys } from '../../ports/keyring';
import { ValidationError } from '../domain-errors';
import { isRecord } from '../privacy/customer-data';
import { assertStorableBody } from '../storable-values';
import { validate } from '../validation';
import type { AccountOrchestration } from './account-orchestration';
import { eventInputSchema } from './event-input';
import { incomingEvent } from './incoming-event';
import { submitEvent } from './submit-event';

/** Why a bus event was dropped; few values, so it can be a metric dimension. */
export type BusDropReason = 'OWN_SOURCE' | 'UNKNOWN_SOURCE' | 'WRONG_AWS_ACCOUNT' | 'OTHER_RETAILER' | 'INVALID_DETAIL';

export type BusIngestResult =
  | { accepted: true; accountId: string; eventId: string }
  /** `message` names the source and at most field names: never the detail's values. */
  | { accepted: false; reason: BusDropReason; message: string };

const dropped = (reason: BusDropReason, message: string): BusIngestResult => ({ accepted: false, reason, message });

/**
 * A bus event belongs to the account that registered its `source`, and only when the AWS
 * account that put it on the bus is the one registered with the source: anyone allowed to
 * put events on the bus could write any `source`, so the source alone proves nothing. An
 * `accountId` in the detail is refused. A source bound to a retailer speaks for that
 * retailer only; its events may leave the retailer out.
 * Events that cannot be accepted are reported, not thrown: a retry would not fix them.
 */
/** What bus ingress reads and writes: the registered sources, the data keys and each account's orchestration. */
export interface BusIngress {
  /** The `source` of the events Ordo itself puts on the bus (`ordo.<stage>`), which it never takes back in. */
  ownSource: string;
  eventSources: EventSourceRegistry;
  dataKeys: DataKeys;
  orchestrationOf: (accountId: string) => Pick<AccountOrchestration, 'accountId' | 'queue' | 'clock' | 'eventRecords'>;
}

export const ingestBusEvent = async (
  busEvent: { source: string; account: string; detail: unknown },
  deps: BusIngress,
): Promise<BusIngestResult> => {
  const { source } = busEvent;
  // The ingress rule already leaves these out; a rule changed by hand, or an emulator that matches loosely, must not loop them back.
  if (source === deps.ownSource) return dropped('OWN_SOURCE', `source ${source} is Ordo's own: its events are not taken back in`);
  const registration = await deps.eventSources.registrationOf(source);
  if (!registration) return dropped('UNKNOWN_SOURCE', `source ${source} is not registered to any account`);
  if (!registration.awsAccountId || registration.awsAccountId !== busEvent.account) {
    return dropped('WRONG_AWS_ACCOUNT', `source ${source} is not registered for the AWS account that sent the event`);
  }
  const bound = registration.retailerId;
  const detail =
    bound && isRecord(busEvent.detail) && busEvent.detail.retailerId === undefined ? { ...busEvent.detail, retailerId: bound } : busEvent.detail;
  let event;
  try {
    const input = validate(eventInputSchema, detail, 'detail');
    assertStorableBody(input);
    if (bound && input.retailerId !== bound) {
      return dropped('OTHER_RETAILER', `source ${source} may only send events of the retailer it is bound to`);
    }
    // Customer data in the attributes is sealed before anything stores or runs the event.
    event = await incomingEvent(input, 'BUS', { accountId: registration.accountId }, deps.dataKeys);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields = error.details.length ? error.details.map((detail) => detail.field).join(', ') : error.field;
    return dropped('INVALID_DETAIL', `detail is not a valid event (${fields})`);
  }
  const submitted = await submitEvent(event, deps.orchestrationOf(registration.accountId));
  return { accepted: true, accountId: registration.accountId, eventId: submitted.eventId };
};
