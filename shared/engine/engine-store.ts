import type { Entity, EventRecord, StockPosition, UnitOfWork } from './engine-model';
import type { Workflow, WorkflowKey } from './workflow';

/**
 * Storage the engine needs, for one account. Each retailer of the account has its own
 * namespace of root refs and event ids: two retailers may both have an ORDER O-1 and an
 * event e1, and an event only ever loads roots of its own retailer.
 */
export interface EngineStore {
  /** Every entity of the retailer's root (the root and its children), in one read. */
  loadRoot(retailerId: string, rootEntityType: string, rootRef: string): Promise<Entity[]>;
  /** The given version, or the latest when no version is given. */
  loadWorkflow(key: WorkflowKey, version?: number): Promise<Workflow | undefined>;
  /**
   * Writes the whole unit atomically, or nothing, in the namespace of the event's retailer.
   * Throws DuplicateEventError when the event's stored record already has a final outcome
   * (anything but FAILED or PENDING), whatever `markProcessed` says, and VersionConflictError when an entity's stored version is not its
   * `expectedVersion` (null: the entity must not exist). Over an earlier FAILED record of the
   * same event it keeps that record's `receivedOn` and adds `attempts` to its count.
   * Throws InsufficientStockError when an inventory change's condition fails (see InventoryChange);
   * the changes of one position are merged first (see netInventoryChanges).
   */
  commit(uow: UnitOfWork): Promise<void>;
  getEvent(retailerId: string, eventId: string): Promise<EventRecord | undefined>;
}

export type IdGenerator = () => string;

/**
 * How fresh a read of stock must be:
 * - `exact`: as committed now, read consistently, so a re-run after InsufficientStockError sees the
 *   stock that made it fail;
 * - `summary`: from the availability read model, which may lag the commits by a bounded time (see
 *   shared/engine/README.md, "The availability read model"). Good enough to decide where to reserve,
 *   because a reservation is conditioned on the stored figures: a stale read can cost a re-run, never an
 *   oversell. A reader without a read model reads exactly either way.
 */
export type StockRead = 'exact' | 'summary';

/** Reads inventory positions, for rules that decide on stock (through `ctx.services.inventory`). */
export interface InventoryReader {
  /**
   * Every position of these SKUs, at every location. `available` is the stored figure and may be
   * negative. `read` defaults to the reader's own choice: rules get `summary` on an execution's first
   * run and `exact` on its re-runs.
   */
  positions(skuRefs: string[], read?: StockRead): Promise<StockPosition[]>;
}

/**
 * The settings set for a retailer (its own over its account's), by name, for rules that read them
 * through `ctx.setting`. The engine knows no setting: their names, types and defaults are the domain's.
 */
export interface SettingsReader {
  valuesFor(retailerId: string): Promise<ReadonlyMap<string, unknown>>;
}

/**
 * Read-only services rules may use, passed in EngineDeps.services. Rules see them as
 * `ctx.services`, with `inventory` showing the execution's own pending changes on top of the
 * committed stock. Other entries are handed to rules as they are.
 */
export interface RuleServices {
  inventory?: InventoryReader;
  settings?: SettingsReader;
  [name: string]: unknown;
}
