import { ConflictError } from '../domain-errors';
import type { DeliveryAttempt } from './attempt-delivery';
import type { WebhookDeliveries } from './webhook-deliveries';
import type { WebhookSubscriptionRecord } from './webhook-subscription';

/** Messages FAILED in a row after which a subscription is DISABLED: its endpoint is taken to be gone. */
export const MAX_CONSECUTIVE_FAILURES = 5;

// Subscriptions change rarely; a few tries outlast any race with a PATCH or another delivery.
const MAX_TRIES = 3;

type Context = Pick<WebhookDeliveries, 'webhooks' | 'clock'>;

/**
 * Applies `change` to the subscription as stored, read again after a concurrent write. Answers the
 * record written, or undefined when the subscription is gone or `change` leaves it as it is.
 */
const changeSubscription = async (
  webhookId: string,
  change: (read: WebhookSubscriptionRecord) => WebhookSubscriptionRecord | undefined,
  { webhooks, clock }: Context,
): Promise<WebhookSubscriptionRecord | undefined> => {
  for (let tries = 0; tries < MAX_TRIES; tries++) {
    const read = await webhooks.get(webhookId);
    const changed = read && change(read);
    if (!read || !changed) return undefined;
    const written = { ...changed, version: read.version + 1, updatedOn: clock.now().toISOString() };
    if (await webhooks.replace(written, read.version)) return written;
  }
  throw new ConflictError(`Webhook ${webhookId} kept changing while its delivery failures were counted`, 'webhookId');
};

/** A message was DELIVERED: the endpoint works, and earlier failures no longer count. */
export const resetFailures = async (webhookId: string, context: Context): Promise<void> => {
  await changeSubscription(webhookId, (read) => ((read.consecutiveFailures ?? 0) > 0 ? { ...read, consecutiveFailures: 0 } : undefined), context);
};

const lastAttemptOf = (attempt: DeliveryAttempt | undefined): string =>
  attempt?.statusCode !== undefined ? `HTTP ${attempt.statusCode}` : (attempt?.error ?? 'no answer');

/**
 * A message FAILED: counted against its subscription. The one that makes `MAX_CONSECUTIVE_FAILURES`
 * in a row disables an ENABLED subscription, with the reason; that record is answered, so the
 * caller can announce it. Any other count answers undefined.
 */
export const countFailure = async (webhookId: string, last: DeliveryAttempt | undefined, context: Context): Promise<WebhookSubscriptionRecord | undefined> => {
  let disabling = false;
  const written = await changeSubscription(
    webhookId,
    (read) => {
      const consecutiveFailures = (read.consecutiveFailures ?? 0) + 1;
      disabling = consecutiveFailures >= MAX_CONSECUTIVE_FAILURES && read.subscription.status === 'ENABLED';
      if (!disabling) return { ...read, consecutiveFailures };
      const disabledReason = `${consecutiveFailures} messages in a row FAILED; the last attempt: ${lastAttemptOf(last)}`;
      return { ...read, consecutiveFailures, subscription: { ...read.subscription, status: 'DISABLED', disabledReason } };
    },
    context,
  );
  return disabling ? written : undefined;
};
