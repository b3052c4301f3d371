import * as z from 'zod';
import { accountIdSchema } from '../accounts/account';
import { DomainError } from '../domain-errors';
import type { AccountOrchestration } from './account-orchestration';
import { eventInputSchema } from './event-input';
import { runEvent } from './run-event';
import { infrastructureFailureOf } from './stuck-events';
import type { QueuedEvent } from '../../ports/event-queue';

// Only Ordo writes to the queue; callers' events come through eventInputSchema, which has no hops.
const queuedEventSchema = z.object({
  accountId: accountIdSchema,
  event: eventInputSchema.required({ id: true }).extend({
    source: z.enum(['API', 'QUEUE', 'BUS', 'SCHEDULE', 'INLINE', 'RETRY']).optional(),
    hops: z.number().int().min(0).optional(),
  }),
});

/**
 * Failure codes no redelivery can fix: the same event fails the same way however often it runs
 * (HOP_LIMIT: its relays are counted in the message itself), so the queue drops it and the FAILED
 * record says why.
 */
export const FINAL_FAILURE_CODES: ReadonlySet<string> = new Set(['HOP_LIMIT']);

/** Whether a run of a queued event is worth another try: it FAILED, for a reason that is not final. */
export const needsRedelivery = (result: { outcome: string; error?: { code: string } }): boolean =>
  result.outcome === 'FAILED' && !FINAL_FAILURE_CODES.has(result.error?.code ?? '');

/** A queued event FAILED for a reason a later try may not meet; the queue consumer throws it to have the message redelivered. */
export class EventFailedError extends DomainError {
  constructor(eventId: string, reason: string) {
    super('EVENT_FAILED', `Event ${eventId} FAILED: ${reason}`);
  }
}

export const parseQueuedEvent = (body: string): QueuedEvent => queuedEventSchema.parse(JSON.parse(body));

/** Runs a queued event to its outcome; whether a FAILED one is delivered again is `needsRedelivery`'s call. */
export const processQueuedEvent = (message: QueuedEvent, account: AccountOrchestration) =>
  runEvent({ ...message.event, source: message.event.source ?? 'QUEUE' }, account);

/** What the queue consumer needs: each account's orchestration, and whom to tell when a failure could not be kept. */
export interface QueuedMessageContext {
  orchestrationOf: (accountId: string) => AccountOrchestration;
  onFailureNotKept?: (error: unknown) => void;
}

/**
 * Keeps an infrastructure failure on the event's record, so it shows as `lastError` and the event
 * can be re-driven once the DLQ has it. Best effort: the queue's redelivery matters more, so a
 * failed write is reported and the original error still goes back to the queue.
 */
const keepFailure = async (message: QueuedEvent, error: unknown, account: AccountOrchestration, context: QueuedMessageContext) => {
  const failure = infrastructureFailureOf(error, account.clock.now().toISOString());
  await account.stuckEvents.recordFailure(message.event, failure).catch((writeError: unknown) => context.onFailureNotKept?.(writeError));
};

/**
 * One message of the queue, run for the account it names (only Ordo writes to the queue). It
 * throws when the message is not a queued event, when running it failed on Ordo's side (kept on
 * the record first), or when its event FAILED for a reason a later try may not meet, so that the
 * queue delivers it again and after its last try parks it in the DLQ.
 */
export const runQueuedMessage = async (body: string, context: QueuedMessageContext) => {
  const message = parseQueuedEvent(body);
  const account = context.orchestrationOf(message.accountId);
  const result = await processQueuedEvent(message, account).catch(async (error: unknown) => {
    await keepFailure(message, error, account, context);
    throw error;
  });
  if (needsRedelivery(result)) throw new EventFailedError(result.eventId, result.error?.message ?? 'unknown');
  return { accountId: message.accountId, eventId: result.eventId, outcome: result.outcome };
};
