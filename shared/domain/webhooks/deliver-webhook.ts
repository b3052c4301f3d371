import * as z from 'zod';
import type { WebhookRetry } from '../../ports/webhook-retry-queue';
import { ConflictError, ValidationError } from '../domain-errors';
import { validate } from '../validation';
import { deliverNow } from './dispatch-webhooks';
import { queueDelaySeconds } from './record-attempt';
import type { WebhookDeliveries } from './webhook-deliveries';
import type { WebhookDelivery } from './webhook-delivery-record';

/** What a queued retry is processed over, per account: the account comes from the message, which only Ordo enqueues. */
export interface WebhookRetrying {
  deliveriesOf: (accountId: string) => WebhookDeliveries;
}

/** What became of a queued retry; for the log. */
export type RetryOutcome = 'DELIVERED' | 'RETRY' | 'FAILED' | 'NOT_DUE' | 'DROPPED' | 'STALE' | 'CONFLICT';

const retrySchema = z.object({
  accountId: z.string().min(1),
  webhookId: z.string().min(1),
  messageId: z.string().min(1),
  dueOn: z.iso.datetime(),
});

const json = (body: string): unknown => {
  try {
    return JSON.parse(body);
  } catch {
    // JSON.parse's own message quotes the text, which must not reach a log.
    throw new ValidationError('A webhook retry must be JSON', 'body');
  }
};

/** A retry as queued; anything else was not queued by Ordo and is refused, ending in the DLQ. */
export const parseWebhookRetry = (body: string): WebhookRetry => validate(retrySchema, json(body));

/** The message will not be delivered any more: the record says why, and nothing is queued or counted. */
const drop = async (delivery: WebhookDelivery, droppedReason: string, { deliveries }: WebhookDeliveries): Promise<void> => {
  const { nextAttemptOn: _next, ...rest } = delivery;
  // A change made meanwhile (a retry on request) stands: it saw the subscription as it is now.
  await deliveries.replace({ ...rest, status: 'FAILED', droppedReason, version: delivery.version + 1 }, delivery.version);
};

const outcomeOf = ({ status }: WebhookDelivery): RetryOutcome => (status === 'PENDING' ? 'RETRY' : status);

/**
 * One retry from the webhooks queue. The delivery is read first: a message that moved on since this
 * retry was queued (delivered, retried on request, queued twice) is left alone. A subscription that
 * was deleted or DISABLED meanwhile drops the message. A retry that arrives early (the queue holds
 * one back 15 minutes at most) goes back for the rest of its wait. Otherwise the attempt is made,
 * recorded and acted on like any other (see recordAttempt).
 */
export const deliverWebhook = async (body: string, parts: WebhookRetrying) => {
  const retry = parseWebhookRetry(body);
  const { accountId, webhookId, messageId } = retry;
  const context = parts.deliveriesOf(accountId);
  const done = (outcome: RetryOutcome) => ({ accountId, webhookId, messageId, outcome });

  const delivery = await context.deliveries.get(webhookId, messageId);
  if (!delivery || delivery.status !== 'PENDING' || delivery.nextAttemptOn !== retry.dueOn) return done('STALE');
  const record = await context.webhooks.get(webhookId);
  if (!record || record.subscription.status === 'DISABLED') {
    await drop(delivery, record ? 'the webhook is DISABLED' : 'the webhook was deleted', context);
    return done('DROPPED');
  }
  const wait = queueDelaySeconds(retry.dueOn, context.clock.now());
  if (wait > 0) {
    await context.queue.schedule(retry, wait);
    return done('NOT_DUE');
  }
  try {
    return done(outcomeOf(await deliverNow(delivery, record, context)));
  } catch (error) {
    // Another attempt was recorded first; the one that wins queues what comes next.
    if (error instanceof ConflictError) return done('CONFLICT');
    throw error;
  }
};
