import type { OutboundEvent } from '../domain/outbound/outbound-event';

/**
 * Hands an event to the account's webhook subscriptions that want it: one delivery per
 * subscription, each with a message id derived from the event's id and the subscription, so
 * dispatching the same event again makes the same messages. Throws when a delivery could not be
 * recorded or queued; dispatching again is then safe.
 */
export interface WebhookDispatch {
  /**
   * `attemptBefore`: a first attempt is made at once only when it can end (an endpoint has 10 s)
   * before this instant; otherwise it is queued to run at once, so a slow endpoint never holds the
   * caller past its own deadline.
   */
  dispatch(event: OutboundEvent, options?: { attemptBefore?: Date }): Promise<void>;
}
