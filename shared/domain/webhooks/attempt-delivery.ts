import type { Clock } from '../../ports/clock';
import type { WebhookSender } from '../../ports/webhook-sender';
import type { RetrySchedule } from './retry-schedule';
import { signWebhookMessage } from './sign-webhook-message';
import type { WebhookMessage } from './webhook-message';

/** One try at delivering a message, as the delivery records it. */
export interface DeliveryAttempt {
  /** When the attempt started, ISO 8601. */
  at: string;
  statusCode?: number;
  durationMs: number;
  error?: string;
}

/** Where the message stands after the attempt. */
export type DeliveryOutcome =
  | { status: 'DELIVERED' }
  | { status: 'RETRY'; nextAttemptOn: string }
  | { status: 'FAILED' };

export interface DeliveryAttemptInput {
  message: Pick<WebhookMessage, 'id' | 'body'>;
  /** The endpoint and the addresses the SSRF guard resolved it to and accepted, checked just before this attempt. */
  target: { url: URL; addresses: readonly string[] };
  /** The subscription's signing secrets for now: the current one, and the previous one in its grace. */
  secrets: readonly string[];
  /** Attempts already made for this message before this one. */
  attemptsMade: number;
}

export interface DeliveryAttemptDependencies {
  sender: WebhookSender;
  clock: Clock;
  schedule: RetrySchedule;
}

const isSuccess = (statusCode: number | undefined): boolean => statusCode !== undefined && statusCode >= 200 && statusCode < 300;

/**
 * Makes one attempt: signs the message for this moment, sends it, and says what happened. A 2xx
 * delivers it; anything else (another status, a redirect, no answer in time) schedules the next
 * attempt, or FAILS the message once the schedule is used up.
 */
export const attemptDelivery = async (
  input: DeliveryAttemptInput,
  { sender, clock, schedule }: DeliveryAttemptDependencies,
): Promise<{ attempt: DeliveryAttempt; outcome: DeliveryOutcome }> => {
  const at = clock.now();
  const headers = signWebhookMessage(input.message, input.secrets, at);
  const response = await sender.send({ url: input.target.url, addresses: input.target.addresses, headers: { ...headers }, body: input.message.body });
  const attempt: DeliveryAttempt = {
    at: at.toISOString(),
    ...(response.statusCode === undefined ? {} : { statusCode: response.statusCode }),
    durationMs: response.durationMs,
    ...(response.error === undefined ? {} : { error: response.error }),
  };
  if (isSuccess(response.statusCode) && response.error === undefined) return { attempt, outcome: { status: 'DELIVERED' } };
  // Counted from when the attempt ended, so a slow failure does not eat into the wait before the next.
  const next = schedule.nextAttemptAt(input.attemptsMade + 1, clock.now());
  return { attempt, outcome: next === undefined ? { status: 'FAILED' } : { status: 'RETRY', nextAttemptOn: next.toISOString() } };
};
