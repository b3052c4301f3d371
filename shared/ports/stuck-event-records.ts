import type { OrdoEvent } from '../engine/engine-model';

/** Why the last run of an event went wrong on Ordo's side, without customer data. */
export interface EventFailure {
  code: string;
  message: string;
  at: string;
}

/**
 * The writes that keep a queued event re-drivable when processing it fails on an infrastructure
 * error. Each one makes the event's PENDING record from the event when there is none (events
 * relayed from another root have none until they run), and none touches a final record.
 */
export interface StuckEventRecords {
  /** Keeps the failure on the record and counts it (`failedAttempts`). */
  recordFailure(event: OrdoEvent, failure: EventFailure): Promise<void>;
  /**
   * Marks a PENDING event as parked in the events DLQ since `at` (an earlier mark is kept). Answers
   * whether it is marked (false when the event has an outcome by now) and the last failure kept.
   */
  markStuck(event: OrdoEvent, at: string): Promise<{ marked: boolean; lastError?: EventFailure }>;
  /** Clears the stuck mark of an event that was just sent to the queue again, and notes when. */
  markRedriven(retailerId: string, eventId: string, at: string): Promise<void>;
}
