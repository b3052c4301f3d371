import type { AuditRecord, EventRecord, Outcome } from '../engine/engine-model';

export interface EventLogFilter {
  rootEntityRef?: string;
  entityRef?: string;
  /** Set from a retailer-scoped key: only that retailer's events. */
  retailerId?: string;
  status?: Outcome;
  /** ISO times, inclusive. */
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}

export interface LoggedEvent extends EventRecord {
  duplicateDeliveries?: number;
}

/** The audit log of one account, read side. */
export interface EventLog {
  /** Newest first. */
  list(filter: EventLogFilter): Promise<{ items: LoggedEvent[]; cursor?: string }>;
  /** The retailer's event of this id (event ids are unique per retailer), with its audit trail. */
  get(retailerId: string, eventId: string): Promise<{ event: LoggedEvent; audit: AuditRecord[] } | undefined>;
}
