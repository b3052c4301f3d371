/**
 * The records an execution reads and writes. The engine builds them; a store persists
 * them as they are. Treat every record as immutable once it leaves the engine.
 */

export interface Entity {
  retailerId: string;
  entityType: string;
  subtype: string;
  ref: string;
  id: string;
  status: string;
  attributes: Record<string, unknown>;
  /** `${rootEntityType}::${subtype}` of the workflow the root was created under. */
  workflowRef: string;
  workflowVersion: number;
  /** Starts at 1 and increases by 1 on each committed change. */
  version: number;
  rootEntityType: string;
  rootRef: string;
  createdOn: string;
  updatedOn: string;
  /** The received event whose execution last changed it, so what is said of the change can name its cause. */
  lastEventId?: string;
  /**
   * Stock this entity holds, one entry per position, kept by the engine from the entity's
   * RESERVE/RELEASE/CONSUME actions (never set by rules or events). Absent until it reserves.
   */
  reservations?: Reservation[];
}

/** Units of one position held by an entity. */
export interface Reservation {
  skuRef: string;
  locationRef: string;
  qty: number;
}

export type EventSource = 'API' | 'QUEUE' | 'BUS' | 'SCHEDULE' | 'INLINE' | 'RETRY';

export interface OrdoEvent {
  id: string;
  name: string;
  retailerId: string;
  entityType: string;
  entityRef: string;
  entitySubtype?: string;
  rootEntityType?: string;
  rootEntityRef?: string;
  attributes?: Record<string, unknown>;
  /** ISO time; an event received before it is parked as SCHEDULED and runs no rules. */
  scheduledOn?: string;
  source?: EventSource;
  /**
   * How many relays led to this event: 0 (or absent) for an event from the API or the bus; the
   * engine gives an event it sends to another root, or schedules, its own count + 1. Set only by
   * the engine, kept by retries; past the engine's hop limit the event FAILS with HOP_LIMIT.
   */
  hops?: number;
}

export type Outcome = 'PENDING' | 'SUCCESS' | 'NO_MATCH' | 'FAILED' | 'SCHEDULED' | 'DUPLICATE';

/** Outcomes after which a redelivery of the same event id is a duplicate. */
export const isFinalOutcome = (outcome: Outcome): boolean => outcome !== 'FAILED' && outcome !== 'PENDING';

export type AuditKind =
  | 'EVENT_RECEIVED'
  | 'RULESET'
  | 'RULE'
  | 'STATE_CHANGE'
  | 'EXCEPTION'
  | 'NO_MATCH'
  | 'LOOP_GUARD'
  | 'HOP_LIMIT'
  | 'LOG'
  | 'INVENTORY'
  | 'OUTCOME';

export interface AuditRecord {
  /** The event that started the execution, also for records of inline events. */
  eventId: string;
  /** Orders the records of one execution; strictly increasing from 1. */
  seq: number;
  at: string;
  kind: AuditKind;
  entityType: string;
  entityRef: string;
  rootEntityType: string;
  rootRef: string;
  name?: string;
  props?: Record<string, unknown>;
  durationMs?: number;
  from?: string;
  to?: string;
  message?: string;
  outcome?: Outcome;
  /** Set on records written while an inline event (not the received one) ran. */
  inlineEventId?: string;
}

export type OutboxKind = 'WEBHOOK' | 'PUBLISH' | 'EVENT';

/**
 * Written in the execution's transaction and relayed after commit.
 * - EVENT: `payload` is the OrdoEvent for another root entity, to enqueue.
 * - WEBHOOK: `payload` is a WebhookOutboxPayload.
 * - PUBLISH: `payload` is a PublishOutboxPayload, for the event bus.
 */
export interface OutboxRecord {
  id: string;
  kind: OutboxKind;
  eventId: string;
  createdOn: string;
  payload: Record<string, unknown>;
}

/** What the entity was doing when the outbound message was made. */
export type OutboxOrigin = {
  retailerId: string;
  eventName: string;
  entityType: string;
  entityRef: string;
  entityStatus: string;
  rootEntityType: string;
  rootRef: string;
};

/**
 * No `url` and no `subscription`: deliver to every subscription of the account whose filter matches.
 * `type` is the message's type; records written before webhooks had types have none.
 */
export type WebhookOutboxPayload = OutboxOrigin & { type?: string; url?: string; subscription?: string; body: Record<string, unknown> };

export type PublishOutboxPayload = OutboxOrigin & { detailType: string; detail: Record<string, unknown> };

/** `event.id` equals `id`, so a sweeper that delivers it twice is caught as a duplicate. */
export interface ScheduledEventRecord {
  id: string;
  dueAt: string;
  event: OrdoEvent;
}

export interface EventRecord {
  event: OrdoEvent;
  outcome: Outcome;
  receivedOn: string;
  processedOn?: string;
  rootEntityType: string;
  rootRef: string;
  /** Why it FAILED, or why it was a NO_MATCH. */
  error?: { code: string; message: string };
  /** Attempts made by this commit (1); the store adds it to the count of an earlier FAILED record. */
  attempts: number;
}

/** One move of an entity from a status to another. */
export interface StatusChange {
  from: string;
  to: string;
}

export interface EntityChange {
  entity: Entity;
  /** The version the store must still hold; null = the entity must not exist yet. */
  expectedVersion: number | null;
  /**
   * Every status the entity moved through in this execution, in order: one run can take an order
   * from CREATED through BOOKED to ALLOCATED, and each move is news to someone outside.
   */
  statusChanges?: StatusChange[];
}

export type InventoryChangeKind = 'RESERVE' | 'RELEASE' | 'CONSUME' | 'RESTOCK';

/**
 * One change to the inventory position (skuRef, locationRef), committed with the rest:
 * - RESERVE: reserved + qty, available − qty; only while available ≥ qty.
 * - RELEASE: reserved − qty, available + qty; only while reserved ≥ qty.
 * - CONSUME (goods shipped): onHand − qty, reserved − qty, available unchanged; only while reserved ≥ qty.
 * - RESTOCK (goods back, e.g. a saleable return): onHand + qty, available + qty; a position never
 *   counted is created with what comes back.
 */
export interface InventoryChange {
  skuRef: string;
  locationRef: string;
  kind: InventoryChangeKind;
  /** A positive whole number. */
  qty: number;
  reason?: string;
  /**
   * The committed position as the execution last read it before this change (set by the engine
   * when a rule read the stock through `ctx.services.inventory`). A store that keeps counts and
   * reservations in separate items conditions a reservation on it; see StockBasis.
   */
  seen?: StockBasis;
}

/** The stored figures a reservation was decided on. */
export type StockBasis = Pick<StockPosition, 'onHand' | 'reserved' | 'safetyStock'>;

/** The stock of one SKU at one location, as stored. */
export interface StockPosition {
  skuRef: string;
  locationRef: string;
  /** The last full count, less what was consumed since. */
  onHand: number;
  /** Held by entities (orders, fulfilments), released or consumed by their workflows. */
  reserved: number;
  safetyStock: number;
  /**
   * Stored as onHand − reserved − safetyStock, because a DynamoDB condition cannot do that sum.
   * Negative after a recount below the reservations; anything ≤ 0 means none to promise.
   */
  available: number;
  updatedOn?: string;
}

/** Everything one execution writes, committed atomically. */
export interface UnitOfWork {
  event: EventRecord;
  entities: EntityChange[];
  /** In the order the rules asked for them; a store merges the changes of one position into one write. */
  inventory: InventoryChange[];
  audit: AuditRecord[];
  outbox: OutboxRecord[];
  scheduled: ScheduledEventRecord[];
  /** false for FAILED, so the queue's retry is not treated as a duplicate. */
  markProcessed: boolean;
}

/** Key of an entity among the entities of its root. */
export const entityKey = (entityType: string, ref: string): string => `${entityType}#${ref}`;
