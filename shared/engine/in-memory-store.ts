import { ConflictError } from '../domain/errors';
import { DuplicateEventError, VersionConflictError } from './errors';
import {
  entityKey,
  isFinalOutcome,
  type AuditRecord,
  type Entity,
  type EventRecord,
  type OutboxRecord,
  type ScheduledEventRecord,
  type UnitOfWork,
} from './model';
import type { EngineStore } from './ports';
import type { Workflow, WorkflowKey } from './workflow';

const workflowKeyOf = (key: WorkflowKey): string => `${key.retailerId}|${key.entityType}|${key.subtype}`;

const frozen = (entity: Entity): Entity => Object.freeze({ ...entity, attributes: Object.freeze({ ...entity.attributes }) });

/**
 * An EngineStore held in memory, with the product store's semantics (atomic commit, version
 * checks, processed-event marker). For unit tests and benchmarks only, never the product store.
 * Stored entities are frozen, so code that mutates what it loaded fails loudly in tests.
 */
export class InMemoryEngineStore implements EngineStore {
  readonly audit: AuditRecord[] = [];
  readonly outbox: OutboxRecord[] = [];
  readonly scheduled: ScheduledEventRecord[] = [];
  readonly events = new Map<string, EventRecord>();
  /** Successful commits. */
  commits = 0;
  private readonly processed = new Set<string>();
  private readonly roots = new Map<string, Map<string, Entity>>();
  private readonly workflows = new Map<string, Map<number, Workflow>>();

  /** Stores a workflow version; without a version it becomes latest + 1. Versions are immutable. */
  putWorkflow(workflow: Workflow): Workflow {
    const versions = this.workflows.get(workflowKeyOf(workflow)) ?? new Map<number, Workflow>();
    const version = workflow.version ?? Math.max(0, ...versions.keys()) + 1;
    if (versions.has(version)) {
      throw new ConflictError(`Workflow ${workflowKeyOf(workflow)} version ${version} already exists`, 'version');
    }
    const stored = { ...workflow, version };
    versions.set(version, stored);
    this.workflows.set(workflowKeyOf(workflow), versions);
    return stored;
  }

  /** Seeds an entity as if it had been committed. */
  putEntity(entity: Entity): void {
    this.rootOf(entity.rootEntityType, entity.rootRef, true).set(entityKey(entity.entityType, entity.ref), frozen(entity));
  }

  getEntity(entityType: string, ref: string, root?: { rootEntityType: string; rootRef: string }): Entity | undefined {
    const rootEntities = this.rootOf(root?.rootEntityType ?? entityType, root?.rootRef ?? ref, false);
    return rootEntities?.get(entityKey(entityType, ref));
  }

  async loadRoot(rootEntityType: string, rootRef: string): Promise<Entity[]> {
    const entities = this.rootOf(rootEntityType, rootRef, false);
    return entities ? [...entities.values()] : [];
  }

  async loadWorkflow(key: WorkflowKey, version?: number): Promise<Workflow | undefined> {
    const versions = this.workflows.get(workflowKeyOf(key));
    if (!versions) return undefined;
    return versions.get(version ?? Math.max(...versions.keys()));
  }

  async getEvent(eventId: string): Promise<EventRecord | undefined> {
    return this.events.get(eventId);
  }

  async commit(uow: UnitOfWork): Promise<void> {
    const eventId = uow.event.event.id;
    const earlier = this.events.get(eventId);
    if (this.processed.has(eventId) || (earlier && isFinalOutcome(earlier.outcome))) throw new DuplicateEventError(eventId);
    for (const { entity, expectedVersion } of uow.entities) {
      const stored = this.getEntity(entity.entityType, entity.ref, entity);
      if ((stored?.version ?? null) !== expectedVersion) {
        throw new VersionConflictError(
          `${entity.entityType} ${entity.ref} is at version ${stored?.version ?? 'none'}, expected ${expectedVersion ?? 'none'}`,
        );
      }
    }

    for (const { entity } of uow.entities) this.putEntity(entity);
    if (uow.markProcessed) this.processed.add(eventId);
    this.events.set(
      eventId,
      earlier
        ? { ...uow.event, receivedOn: earlier.receivedOn, attempts: earlier.attempts + uow.event.attempts }
        : uow.event,
    );
    this.audit.push(...uow.audit);
    this.outbox.push(...uow.outbox);
    this.scheduled.push(...uow.scheduled);
    this.commits += 1;
  }

  /** The audit records of one execution, in order. */
  auditOf(eventId: string): AuditRecord[] {
    return this.audit.filter((record) => record.eventId === eventId).sort((a, b) => a.seq - b.seq);
  }

  private rootOf(rootEntityType: string, rootRef: string, create: true): Map<string, Entity>;
  private rootOf(rootEntityType: string, rootRef: string, create: false): Map<string, Entity> | undefined;
  private rootOf(rootEntityType: string, rootRef: string, create: boolean): Map<string, Entity> | undefined {
    const key = entityKey(rootEntityType, rootRef);
    let entities = this.roots.get(key);
    if (!entities && create) {
      entities = new Map();
      this.roots.set(key, entities);
    }
    return entities;
  }
}
