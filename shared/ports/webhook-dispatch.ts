import type { OutboundEvent } from '../domain/outbound/outbound-event';

/**
 * Hands an event to the account's webhook subscriptions that want it: one delivery per
 * subscription, each with a message id derived from the event's id and the subscription, so
 * dispatching the same event again makes the same messages. Throws when a delivery could not be
 * recorded or queued; dispatching again is then safe.
 */
export interface WebhookDispatch {
  dispatch(event: OutboundEvent): Promise<void>;
}
