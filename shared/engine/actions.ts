import type { OrdoEvent } from './engine-model';

/**
 * Which entity an event goes to. SELF (the default) is the entity the ruleset runs on,
 * ROOT its root. An explicit entity of the same root is handled inline; any other goes
 * out through the outbox.
 */
export type EventTarget = 'SELF' | 'ROOT' | { entityType: string; entityRef: string };

/** The event a rule asks for; the engine fills in id, retailer, entity and root. */
export type EventRequest = Partial<OrdoEvent> & { name: string };

/**
 * The entity of this root that holds (or held) a reservation: SELF (the default) is the entity
 * the ruleset runs on, ROOT its root.
 */
export type ReservationHolder = 'SELF' | 'ROOT' | { entityType: string; entityRef: string };

/** A change to one inventory position; `qty` is a positive whole number. */
export interface InventoryRequest {
  skuRef: string;
  locationRef: string;
  qty: number;
  reason?: string;
  /** Whose reservations this changes; default SELF. */
  holder?: ReservationHolder;
}

export type LogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** What a rule asks the engine to do. Rules never write anything themselves. */
export type Action =
  | { type: 'SET_STATE'; status: string }
  /** Shallow merge into the entity's attributes. */
  | { type: 'SET_ATTRIBUTES'; attributes: Record<string, unknown> }
  | { type: 'SEND_EVENT'; event: EventRequest; target?: EventTarget }
  | { type: 'SCHEDULE_EVENT'; event: EventRequest; dueAt: string; target?: EventTarget }
  | { type: 'LOG'; message: string; level?: LogLevel }
  /** `eventType` is the webhook message's `type`. */
  | { type: 'WEBHOOK'; eventType: string; url?: string; subscription?: string; payload: Record<string, unknown> }
  | { type: 'PUBLISH'; detailType: string; payload: Record<string, unknown> }
  /**
   * Inventory, committed with everything else: RESERVE takes available units (the commit fails,
   * and the execution re-runs, when there are not enough); RELEASE gives back and CONSUME ships
   * units the holder reserved. The holder's `reservations` keep count; it cannot release or
   * consume more than it holds.
   */
  | ({ type: 'RESERVE_INVENTORY' } & InventoryRequest)
  | ({ type: 'RELEASE_INVENTORY' } & InventoryRequest)
  | ({ type: 'CONSUME_INVENTORY' } & InventoryRequest)
  /** Units back on hand (goods returned in a saleable state): nobody holds them, so no holder. */
  | ({ type: 'RESTOCK_INVENTORY' } & Omit<InventoryRequest, 'holder'>)
  /** A child of the current root, e.g. a FULFILMENT of an ORDER; a CREATE event for it follows inline. */
  | {
      type: 'CREATE_ENTITY';
      entity: { entityType: string; subtype: string; ref: string; status?: string; attributes?: Record<string, unknown> };
    };

export type ActionType = Action['type'];
