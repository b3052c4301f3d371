import { createHash } from 'node:crypto';

/**
 * The id of a built-in outbound event, made from what identifies the write that caused it (the
 * entity and its version, the event and its attempts, the batch), so relaying the same write
 * again makes the same id, and webhook receivers and bus rules can drop the repeat.
 */
export const outboundEventId = (accountId: string, type: string, ...parts: (string | number)[]): string =>
  `oe_${createHash('sha256').update(JSON.stringify([accountId, type, ...parts])).digest('base64url').slice(0, 32)}`;
