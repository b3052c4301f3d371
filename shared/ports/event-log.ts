import type { AuditRecord, EventRecord, Outcome } from '../engine/engine-model';
import type { EventFailure } from './stuck-event-records';

export interface EventLogFilter {
  rootEntityRef?: string;
  entityRef?: string;
  /** Set from a retailer-scoped key: only that retailer's events. */
  retailerId?: string;
  /** STUCK: PENDING events marked from the DLQ or received (or last re-driven) before `stuckBefore`. */
  status?: Outcome | 'STUCK';
  /** ISO time; events PENDING since before it are STUCK. Needed with status PENDING or STUCK. */
  stuckBefore?: string;
  /** ISO times, inclusive. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export interface LoggedEvent extends EventRecord {
  duplicateDeliveries?: number;
  /** The last infrastructure failure of a queued run, and how many there were. */
  lastError?: EventFailure;
  failedAttempts?: number;
  /** Set when the events DLQ received it; cleared by a re-drive. */
  stuckSince?: string;
  /** The last time it was sent to the queue again by a retry. */
  redrivenOn?: string;
}

/** The audit log of one account, read side. */
export interface EventLog {
  /** Newest first. */
  list(filter: EventLogFilter): Promise<{ items: LoggedEvent[]; cursor?: string }>;
  /** The retailer's event of this id (event ids are unique per retailer), with its audit trail. */
  get(retailerId: string, eventId: string): Promise<{ event: LoggedEvent; audit: AuditRecord[] } | undefined>;
}
