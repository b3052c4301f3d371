import type { OutboundEvent } from '../domain/outbound/outbound-event';

/**
 * Puts events on the stage's event bus with `source: ordo.<stage>` and `detail-type` = the
 * event's type. Throws when any of them was not accepted; sending all of them again is safe
 * (receivers dedupe on `detail.id`).
 */
export interface BusPublisher {
  publish(events: readonly OutboundEvent[]): Promise<void>;
}
