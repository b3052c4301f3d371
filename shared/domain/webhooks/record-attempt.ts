import { ConflictError } from '../domain-errors';
import type { AttemptResult } from './make-attempt';
import { countFailure, resetFailures } from './subscription-failures';
import type { WebhookDeliveries } from './webhook-deliveries';
import type { WebhookDelivery } from './webhook-delivery-record';
import type { WebhookSubscriptionRecord } from './webhook-subscription';

export interface RecordedAttempt {
  delivery: WebhookDelivery;
  /** The subscription, when this attempt's failure was the one that disabled it. */
  disabled?: WebhookSubscriptionRecord;
}

/** The longest the webhooks queue holds a retry back: a longer wait is made of several, sent back on arrival. */
export const MAX_QUEUE_DELAY_SECONDS = 900;

/** Seconds until `dueOn`, up to the longest the queue holds a retry back. */
export const queueDelaySeconds = (dueOn: string, now: Date): number =>
  Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(0, (Date.parse(dueOn) - now.getTime()) / 1000));

/** The delivery without what only a message still waiting (or dropped) carries. */
const settled = ({ nextAttemptOn: _next, droppedReason: _dropped, ...delivery }: WebhookDelivery): WebhookDelivery => delivery;

/**
 * Records an attempt on the delivery as it was read, then acts on the outcome:
 * - DELIVERED: the subscription's failures are forgotten;
 * - a PENDING message that failed goes back on the queue for its next attempt, or, with the
 *   schedule used up, is FAILED, copied to the DLQ and counted against its subscription (which
 *   the fifth in a row disables);
 * - a message already DELIVERED or FAILED that is sent again on request and fails stays as it was.
 *
 * The queue hears of a retry before the record does: should the write fail, the queued message
 * finds a `nextAttemptOn` it was not queued for and is dropped, and the caller's message (still
 * unrecorded) is tried again. Throws a ConflictError when the delivery changed since it was read
 * (another attempt was recorded meanwhile).
 */
export const recordAttempt = async (delivery: WebhookDelivery, { attempt, outcome }: AttemptResult, context: WebhookDeliveries): Promise<RecordedAttempt> => {
  const { accountId, clock, queue } = context;
  const { webhookId, messageId } = delivery;
  const attempts = [...delivery.attempts, attempt];
  const version = delivery.version + 1;
  let next: WebhookDelivery;
  if (outcome.status === 'DELIVERED') {
    next = { ...settled(delivery), status: 'DELIVERED', attempts, version };
  } else if (delivery.status !== 'PENDING') {
    next = { ...delivery, attempts, version };
  } else if (outcome.status === 'RETRY') {
    await queue.schedule({ accountId, webhookId, messageId, dueOn: outcome.nextAttemptOn }, queueDelaySeconds(outcome.nextAttemptOn, clock.now()));
    next = { ...settled(delivery), status: 'PENDING', attempts, nextAttemptOn: outcome.nextAttemptOn, version };
  } else {
    await queue.deadLetter({ accountId, webhookId, messageId });
    next = { ...settled(delivery), status: 'FAILED', attempts, version };
  }
  if (!(await context.deliveries.replace(next, delivery.version))) {
    throw new ConflictError(`Message ${messageId} changed while it was being delivered: read it again`, 'messageId');
  }
  context.metrics.webhookAttempted(outcome.status);
  if (next.status === 'DELIVERED') await resetFailures(webhookId, context);
  const failedNow = next.status === 'FAILED' && delivery.status === 'PENDING';
  const disabled = failedNow ? await countFailure(webhookId, attempt, context) : undefined;
  return { delivery: next, ...(disabled ? { disabled } : {}) };
};
