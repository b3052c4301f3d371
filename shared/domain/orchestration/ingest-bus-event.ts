import type { EventSourceRegistry } from '../../ports/event-source-registry';
import type { AccountOrchestration } from './account-orchestration';
import { eventInputSchema, toOrdoEvent } from './event-input';
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
  deps: { eventSources: EventSourceRegistry; orchestrationFor: (accountId: string) => AccountOrchestration },
): Promise<BusIngestResult> => {
  const accountId = await deps.eventSources.ownerOf(busEvent.source);
  if (!accountId) return { accepted: false, reason: `source ${busEvent.source} is not registered to any account` };
  const parsed = eventInputSchema.safeParse(busEvent.detail);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((issue) => issue.path.join('.') || 'detail').join(', ');
    return { accepted: false, reason: `detail is not a valid event (${fields})` };
  }
  const submitted = await submitEvent(toOrdoEvent(parsed.data, 'BUS'), deps.orchestrationFor(accountId));
  return { accepted: true, accountId, eventId: submitted.eventId };
};
