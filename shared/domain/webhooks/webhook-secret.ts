import { randomBytes } from 'node:crypto';
import { ValidationError } from '../domain-errors';

const PREFIX = 'whsec_';
const GENERATED_BYTES = 32;
// Standard Webhooks asks for 24 to 64 bytes of key.
const MIN_BYTES = 24;
const MAX_BYTES = 64;
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** After a rotation the previous secret still signs for this long, so integrators can switch over. */
export const SECRET_ROTATION_GRACE_MS = 24 * 60 * 60 * 1000;

/** A new signing secret: `whsec_` and the base64 of 32 random bytes. */
export const generateWebhookSecret = (): string => `${PREFIX}${randomBytes(GENERATED_BYTES).toString('base64')}`;

/** Whether `value` is a `whsec_` secret whose base64 key holds 24 to 64 bytes. */
export const isWebhookSecret = (value: unknown): value is string => {
  if (typeof value !== 'string' || !value.startsWith(PREFIX)) return false;
  const key = value.slice(PREFIX.length);
  if (!CANONICAL_BASE64.test(key)) return false;
  const bytes = Buffer.from(key, 'base64').length;
  return bytes >= MIN_BYTES && bytes <= MAX_BYTES;
};

/** The secret itself, or a ValidationError naming `field`; the message never repeats the value. */
export const assertWebhookSecret = (value: unknown, field = 'secret'): string => {
  if (isWebhookSecret(value)) return value;
  throw new ValidationError(`${field} must be "${PREFIX}" followed by the base64 of ${MIN_BYTES} to ${MAX_BYTES} bytes`, field);
};

/** The secrets of a subscription: the current one and, after a rotation, the one it replaced. */
export interface WebhookSecrets {
  current: string;
  previous?: { secret: string; rotatedOn: Date };
}

/**
 * The secrets a delivery made at `now` is signed with: the current one, plus the previous one while
 * its grace lasts, so a receiver still checking with the old secret keeps accepting deliveries.
 */
export const signingSecrets = (secrets: WebhookSecrets, now: Date): string[] => {
  const { current, previous } = secrets;
  const inGrace = previous !== undefined && now.getTime() - previous.rotatedOn.getTime() < SECRET_ROTATION_GRACE_MS;
  return inGrace && previous.secret !== current ? [current, previous.secret] : [current];
};
