import type { EventSourceRegistry } from '../../ports/event-source-registry';
import type { DataKeys } from '../../ports/keyring';
import { ValidationError } from '../errors';
import { validate } from '../validation';
import type { AccountOrchestration } from './account-orchestration';
import { eventInputSchema } from './event-input';
import { incomingEvent } from './incoming-event';
import { submitEvent } from './submit-event';

export type BusIngestResult =
  | { accepted: true; accountId: string; eventId: string }
  | { accepted: false; reason: string };

/**
 * A bus event belongs to the account that registered its `source`; an `accountId` in the
 * detail is ignored, since anyone allowed to put events on the bus could write one.
 * Events that cannot be accepted are reported, not thrown: a retry would not fix them.
 */
export const ingestBusEvent = async (
  busEvent: { source: string; detail: unknown },
  deps: { eventSources: EventSourceRegistry; dataKeys: DataKeys; orchestrationFor: (accountId: string) => AccountOrchestration },
): Promise<BusIngestResult> => {
  const accountId = await deps.eventSources.ownerOf(busEvent.source);
  if (!accountId) return { accepted: false, reason: `source ${busEvent.source} is not registered to any account` };
  let event;
  try {
    const input = validate(eventInputSchema, busEvent.detail, 'detail');
    event = await incomingEvent(input, 'BUS', { accountId }, deps.dataKeys);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const fields = error.details.length ? error.details.map((detail) => detail.field).join(', ') : error.field;
    return { accepted: false, reason: `detail is not a valid event (${fields})` };
  }
  const submitted = await submitEvent(event, deps.orchestrationFor(accountId));
  return { accepted: true, accountId, eventId: submitted.eventId };
};
