import * as z from 'zod';
import { accountIdSchema } from '../accounts/account';
import { DomainError } from '../domain-errors';
import type { AccountOrchestration } from './account-orchestration';
import { eventInputSchema } from './event-input';
import { runEvent } from './run-event';
import type { QueuedEvent } from '../../ports/event-queue';

// Only Ordo writes to the queue; callers' events come through eventInputSchema, which has no hops.
const queuedEventSchema = z.object({
  accountId: accountIdSchema,
  event: eventInputSchema.required({ id: true }).extend({
    source: z.enum(['API', 'QUEUE', 'BUS', 'SCHEDULE', 'INLINE', 'RETRY']).optional(),
    hops: z.number().int().min(0).optional(),
  }),
});

/** Failures no redelivery can fix: the queue drops them, and the FAILED record says why. */
const FINAL_FAILURES = new Set(['HOP_LIMIT']);

/** Thrown so that the queue redelivers the message, and after its last try parks it in the DLQ. */
export class EventFailedError extends DomainError {
  readonly status = 500;
  constructor(eventId: string, reason: string) {
    super('EVENT_FAILED', `Event ${eventId} FAILED: ${reason}`);
  }
}

export const parseQueuedEvent = (body: string): QueuedEvent => queuedEventSchema.parse(JSON.parse(body));

/**
 * Runs a queued event; a FAILED outcome is an error, so the queue retries it, unless the
 * failure is final (HOP_LIMIT: the same event fails the same way however often it runs).
 */
export const processQueuedEvent = async (message: QueuedEvent, account: AccountOrchestration) => {
  const result = await runEvent({ ...message.event, source: message.event.source ?? 'QUEUE' }, account);
  if (result.outcome === 'FAILED' && !FINAL_FAILURES.has(result.error?.code ?? '')) {
    throw new EventFailedError(result.eventId, result.error?.message ?? 'unknown');
  }
  return result;
};
