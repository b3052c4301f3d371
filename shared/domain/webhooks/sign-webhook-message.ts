import { Webhook } from 'standardwebhooks';
import type { WebhookMessage } from './webhook-message';

/** The Standard Webhooks headers of one attempt. */
export interface WebhookHeaders {
  'webhook-id': string;
  /** Seconds since the epoch, of the attempt (not of the event), so receivers can refuse replays. */
  'webhook-timestamp': string;
  /** `v1,<base64 HMAC-SHA256>` per secret, space-separated. */
  'webhook-signature': string;
}

/**
 * Signs one attempt of `message` at `at` with each of `secrets` (the current one, and the previous one
 * during its rotation grace). The signing is the `standardwebhooks` library's own rather than a
 * hand-written HMAC: integrators verify with that same library, so any difference in how the signed
 * string or the key is formed would show up as deliveries they reject, not as a failing test here.
 */
export const signWebhookMessage = (message: Pick<WebhookMessage, 'id' | 'body'>, secrets: readonly string[], at: Date): WebhookHeaders => {
  // A delivery without a signature would be one the receiver cannot trust: that is a bug upstream.
  if (secrets.length === 0) throw new Error('A webhook message needs at least one secret to be signed');
  const signatures = [...new Set(secrets)].map((secret) => new Webhook(secret).sign(message.id, at, message.body));
  return {
    'webhook-id': message.id,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': signatures.join(' '),
  };
};
