import type { Entity, EventRecord, UnitOfWork } from './model';
import type { Workflow, WorkflowKey } from './workflow';

/** Storage the engine needs, for one account. */
export interface EngineStore {
  /** Every entity of the root (the root and its children), in one read. */
  loadRoot(rootEntityType: string, rootRef: string): Promise<Entity[]>;
  /** The given version, or the latest when no version is given. */
  loadWorkflow(key: WorkflowKey, version?: number): Promise<Workflow | undefined>;
  /**
   * Writes the whole unit atomically, or nothing. Throws DuplicateEventError when the event's
   * stored record already has a final outcome (anything but FAILED or PENDING), whatever
   * `markProcessed` says, and VersionConflictError when an entity's stored version is not its
   * `expectedVersion` (null: the entity must not exist). Over an earlier FAILED record of the
   * same event it keeps that record's `receivedOn` and adds `attempts` to its count.
   */
  commit(uow: UnitOfWork): Promise<void>;
  getEvent(eventId: string): Promise<EventRecord | undefined>;
}

export type IdGenerator = () => string;
