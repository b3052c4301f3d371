import { ServiceUnavailableError, ValidationError } from '../domain-errors';
import { attemptDelivery, type DeliveryAttempt, type DeliveryOutcome } from './attempt-delivery';
import { openDeliveryBody } from './delivery-body-sealing';
import type { WebhookDeliveries } from './webhook-deliveries';
import type { WebhookDelivery } from './webhook-delivery-record';
import { signingSecrets } from './webhook-secret';
import { openWebhookSecrets } from './webhook-secret-sealing';
import type { WebhookSubscriptionRecord } from './webhook-subscription';
import { resolveWebhookTarget, type WebhookTarget } from './webhook-target';

export interface AttemptResult {
  attempt: DeliveryAttempt;
  outcome: DeliveryOutcome;
}

/**
 * An attempt that never left: the url is refused now (its host resolves to an address webhooks must
 * not reach, say after a DNS change) or its host could not be looked up. It counts like any failed
 * attempt, so the schedule decides whether another follows.
 */
const unsentAttempt = (reason: string, attemptsMade: number, { clock, schedule }: WebhookDeliveries): AttemptResult => {
  const at = clock.now();
  const next = schedule.nextAttemptAt(attemptsMade + 1, at);
  return {
    attempt: { at: at.toISOString(), durationMs: 0, error: reason },
    outcome: next === undefined ? { status: 'FAILED' } : { status: 'RETRY', nextAttemptOn: next.toISOString() },
  };
};

/** Where the url leads now, or why it may not be reached. */
const targetNow = async (url: string, { policy, resolver }: WebhookDeliveries): Promise<WebhookTarget | string> => {
  try {
    return await resolveWebhookTarget(url, policy, resolver);
  } catch (error) {
    if (error instanceof ValidationError || error instanceof ServiceUnavailableError) return error.message;
    throw error;
  }
};

/**
 * One attempt at a stored delivery, to its subscription as it stands now: the url checked again
 * against what its host resolves to at this moment (DNS rebinding), signed with the secrets valid
 * now. Records nothing: see recordAttempt.
 */
export const makeAttempt = async (delivery: WebhookDelivery, record: WebhookSubscriptionRecord, context: WebhookDeliveries): Promise<AttemptResult> => {
  const { accountId } = context;
  const { webhookId, messageId } = delivery;
  const [body, secrets] = await Promise.all([
    openDeliveryBody(delivery.body, { accountId, webhookId, messageId }, context.keys),
    openWebhookSecrets(accountId, webhookId, record.secrets, context.keys),
  ]);
  const attemptsMade = delivery.attempts.length;
  const target = await targetNow(record.subscription.url, context);
  if (typeof target === 'string') return unsentAttempt(target, attemptsMade, context);
  return attemptDelivery(
    { message: { id: messageId, body }, target, secrets: signingSecrets(secrets, context.clock.now()), attemptsMade },
    context,
  );
};
