import { DuplicateEventError, InsufficientStockError, VersionConflictError } from './engine-errors';
import { applyDelta, deltaFits, netInventoryChanges, stockKey, uncountedPosition } from './stock-changes';
import {
  entityKey,
  isFinalOutcome,
  type AuditRecord,
  type Entity,
  type EventRecord,
  type OutboxRecord,
  type ScheduledEventRecord,
  type StockPosition,
  type UnitOfWork,
} from './engine-model';
import type { RetailerClaims } from '../ports/retailer-claims';
import type { EngineStore, InventoryReader } from './engine-store';
import type { Workflow, WorkflowKey } from './workflow';

const workflowKeyOf = (key: WorkflowKey): string => `${key.retailerId}|${key.entityType}|${key.subtype}`;

/** Key of an event record in `events`: event ids are unique per retailer. */
export const eventRecordKey = (retailerId: string, eventId: string): string => JSON.stringify([retailerId, eventId]);
const rootKey = (retailerId: string, rootEntityType: string, rootRef: string): string =>
  JSON.stringify([retailerId, rootEntityType, rootRef]);

const frozen = (entity: Entity): Entity => {
  const copy: Entity = { ...entity, attributes: Object.freeze({ ...entity.attributes }) };
  if (entity.reservations) copy.reservations = Object.freeze(entity.reservations.map((r) => Object.freeze({ ...r }))) as Entity['reservations'];
  return Object.freeze(copy);
};

/** A position to seed: reserved and safetyStock default to 0; available is always derived. */
export interface PositionSeed {
  skuRef: string;
  locationRef: string;
  onHand: number;
  reserved?: number;
  safetyStock?: number;
  updatedOn?: string;
}

/**
 * An EngineStore held in memory, with the product store's semantics (atomic commit, version
 * checks, processed-event marker, inventory conditions). For unit tests and benchmarks only,
 * never the product store. Stored entities are frozen, so code that mutates what it loaded
 * fails loudly in tests. It is also an InventoryReader over the positions it holds, and tells
 * which retailers hold a root ref or an event id (RetailerClaims).
 */
export class InMemoryEngineStore implements EngineStore, InventoryReader, RetailerClaims {
  readonly audit: AuditRecord[] = [];
  readonly outbox: OutboxRecord[] = [];
  readonly scheduled: ScheduledEventRecord[] = [];
  /** By eventRecordKey(retailerId, eventId). */
  readonly events = new Map<string, EventRecord>();
  /** Successful commits. */
  commits = 0;
  private readonly processed = new Set<string>();
  /** The retailer of the event each audit record was written for. */
  private readonly auditRetailers = new WeakMap<AuditRecord, string>();
  /** The retailer of the event each outbox record was written by. */
  private readonly outboxRetailers = new WeakMap<OutboxRecord, string>();
  private readonly roots = new Map<string, Map<string, Entity>>();
  private readonly workflows = new Map<string, Map<number, Workflow>>();
  private readonly stock = new Map<string, Readonly<StockPosition>>();

  /** Stores a workflow version; without a version it becomes latest + 1. Versions are immutable. */
  putWorkflow(workflow: Workflow): Workflow {
    const versions = this.workflows.get(workflowKeyOf(workflow)) ?? new Map<number, Workflow>();
    const version = workflow.version ?? Math.max(0, ...versions.keys()) + 1;
    if (versions.has(version)) {
      // A seeding mistake in a test or a benchmark, not a caller's conflict: versions are immutable.
      throw new Error(`Workflow ${workflowKeyOf(workflow)} version ${version} already exists`);
    }
    const stored = { ...workflow, version };
    versions.set(version, stored);
    this.workflows.set(workflowKeyOf(workflow), versions);
    return stored;
  }

  /** Seeds an entity as if it had been committed. */
  putEntity(entity: Entity): void {
    this.rootOf(entity.retailerId, entity.rootEntityType, entity.rootRef, true).set(entityKey(entity.entityType, entity.ref), frozen(entity));
  }

  getEntity(
    retailerId: string,
    entityType: string,
    ref: string,
    root?: { rootEntityType: string; rootRef: string },
  ): Entity | undefined {
    const rootEntities = this.rootOf(retailerId, root?.rootEntityType ?? entityType, root?.rootRef ?? ref, false);
    return rootEntities?.get(entityKey(entityType, ref));
  }

  /** Seeds (or overwrites) an inventory position as if it had been stored. */
  putPosition(seed: PositionSeed): StockPosition {
    const reserved = seed.reserved ?? 0;
    const safetyStock = seed.safetyStock ?? 0;
    const position: StockPosition = {
      skuRef: seed.skuRef,
      locationRef: seed.locationRef,
      onHand: seed.onHand,
      reserved,
      safetyStock,
      available: seed.onHand - reserved - safetyStock,
    };
    if (seed.updatedOn !== undefined) position.updatedOn = seed.updatedOn;
    this.stock.set(stockKey(seed.skuRef, seed.locationRef), Object.freeze(position));
    return { ...position };
  }

  getPosition(skuRef: string, locationRef: string): StockPosition | undefined {
    const position = this.stock.get(stockKey(skuRef, locationRef));
    return position && { ...position };
  }

  async positions(skuRefs: string[]): Promise<StockPosition[]> {
    const wanted = new Set(skuRefs);
    return [...this.stock.values()].filter((position) => wanted.has(position.skuRef)).map((position) => ({ ...position }));
  }

  async loadRoot(retailerId: string, rootEntityType: string, rootRef: string): Promise<Entity[]> {
    const entities = this.rootOf(retailerId, rootEntityType, rootRef, false);
    return entities ? [...entities.values()] : [];
  }

  async retailersOfRoot(rootEntityType: string, rootRef: string): Promise<string[]> {
    const holders = [...this.roots.values()].flatMap((entities) => {
      const root = entities.get(entityKey(rootEntityType, rootRef));
      return root && root.rootEntityType === rootEntityType && root.rootRef === rootRef ? [root.retailerId] : [];
    });
    return [...new Set(holders)].sort();
  }

  async retailersOfEvent(eventId: string): Promise<string[]> {
    const holders = [...this.events.values()].filter((record) => record.event.id === eventId).map((record) => record.event.retailerId);
    return [...new Set(holders)].sort();
  }

  async loadWorkflow(key: WorkflowKey, version?: number): Promise<Workflow | undefined> {
    const versions = this.workflows.get(workflowKeyOf(key));
    if (!versions) return undefined;
    return versions.get(version ?? Math.max(...versions.keys()));
  }

  async getEvent(retailerId: string, eventId: string): Promise<EventRecord | undefined> {
    return this.events.get(eventRecordKey(retailerId, eventId));
  }

  async commit(uow: UnitOfWork): Promise<void> {
    const eventId = uow.event.event.id;
    const recordKey = eventRecordKey(uow.event.event.retailerId, eventId);
    const earlier = this.events.get(recordKey);
    if (this.processed.has(recordKey) || (earlier && isFinalOutcome(earlier.outcome))) throw new DuplicateEventError(eventId);
    for (const { entity, expectedVersion } of uow.entities) {
      const stored = this.getEntity(entity.retailerId, entity.entityType, entity.ref, entity);
      if ((stored?.version ?? null) !== expectedVersion) {
        throw new VersionConflictError(
          `${entity.entityType} ${entity.ref} is at version ${stored?.version ?? 'none'}, expected ${expectedVersion ?? 'none'}`,
        );
      }
    }

    const deltas = netInventoryChanges(uow.inventory);
    for (const delta of deltas) {
      if (!deltaFits(this.stock.get(stockKey(delta.skuRef, delta.locationRef)), delta)) {
        throw new InsufficientStockError(delta.skuRef, delta.locationRef);
      }
    }

    for (const { entity } of uow.entities) this.putEntity(entity);
    const updatedOn = uow.event.processedOn ?? uow.event.receivedOn;
    for (const delta of deltas) {
      const key = stockKey(delta.skuRef, delta.locationRef);
      const stored = this.stock.get(key) ?? uncountedPosition(delta.skuRef, delta.locationRef);
      this.stock.set(key, Object.freeze({ ...applyDelta(stored, delta), updatedOn }));
    }
    if (uow.markProcessed) this.processed.add(recordKey);
    this.events.set(
      recordKey,
      earlier
        ? { ...uow.event, receivedOn: earlier.receivedOn, attempts: earlier.attempts + uow.event.attempts }
        : uow.event,
    );
    for (const record of uow.audit) this.auditRetailers.set(record, uow.event.event.retailerId);
    this.audit.push(...uow.audit);
    for (const record of uow.outbox) this.outboxRetailers.set(record, uow.event.event.retailerId);
    this.outbox.push(...uow.outbox);
    this.scheduled.push(...uow.scheduled);
    this.commits += 1;
  }

  /** The audit records of the executions of an event id, of one retailer's event or of any, in order. */
  auditOf(eventId: string, retailerId?: string): AuditRecord[] {
    return this.audit
      .filter((record) => record.eventId === eventId && (retailerId === undefined || this.auditRetailers.get(record) === retailerId))
      .sort((a, b) => a.seq - b.seq);
  }

  /** The outbox records one retailer's event wrote and that are still held. */
  outboxOf(retailerId: string, eventId: string): OutboxRecord[] {
    return this.outbox.filter((record) => record.eventId === eventId && this.outboxRetailers.get(record) === retailerId);
  }

  private rootOf(retailerId: string, rootEntityType: string, rootRef: string, create: true): Map<string, Entity>;
  private rootOf(retailerId: string, rootEntityType: string, rootRef: string, create: false): Map<string, Entity> | undefined;
  private rootOf(retailerId: string, rootEntityType: string, rootRef: string, create: boolean): Map<string, Entity> | undefined {
    const key = rootKey(retailerId, rootEntityType, rootRef);
    let entities = this.roots.get(key);
    if (!entities && create) {
      entities = new Map();
      this.roots.set(key, entities);
    }
    return entities;
  }
}
