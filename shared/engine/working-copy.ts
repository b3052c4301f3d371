import { entityKey, type Entity, type EntityChange, type StatusChange } from './engine-model';

/**
 * The root's entities as an execution changes them. Loaded entities are never mutated: a
 * change replaces the entity in the map, so a failed run can start again from what was loaded.
 */
export class WorkingCopy {
  private readonly entities = new Map<string, Entity>();
  /** Changed entities and the version each had when loaded (null: created here). */
  private readonly changed = new Map<string, number | null>();
  /** The statuses each entity moved through in this execution. */
  private readonly moves = new Map<string, StatusChange[]>();

  constructor(loaded: readonly Entity[]) {
    for (const entity of loaded) this.entities.set(entityKey(entity.entityType, entity.ref), entity);
  }

  get view(): ReadonlyMap<string, Entity> {
    return this.entities;
  }

  get(key: string): Entity | undefined {
    return this.entities.get(key);
  }

  /** A new entity, committed as version 1. */
  add(entity: Entity): void {
    const key = entityKey(entity.entityType, entity.ref);
    this.entities.set(key, entity);
    this.changed.set(key, null);
  }

  update(key: string, changes: Partial<Pick<Entity, 'status' | 'attributes' | 'reservations'>>): Entity {
    const current = this.entities.get(key);
    if (!current) throw new Error(`No entity ${key} in this root`);
    if (!this.changed.has(key)) this.changed.set(key, current.version);
    if (changes.status !== undefined && changes.status !== current.status) {
      this.moves.set(key, [...(this.moves.get(key) ?? []), { from: current.status, to: changes.status }]);
    }
    const next = { ...current, ...changes };
    this.entities.set(key, next);
    return next;
  }

  /** What to commit: each changed entity at its next version, marked with the received event that changed it. */
  changes(at: string, eventId: string): EntityChange[] {
    const changes: EntityChange[] = [];
    for (const [key, expectedVersion] of this.changed) {
      const entity = this.entities.get(key) as Entity;
      changes.push({
        entity:
          expectedVersion === null
            ? { ...entity, version: 1, createdOn: at, updatedOn: at, lastEventId: eventId }
            : { ...entity, version: expectedVersion + 1, updatedOn: at, lastEventId: eventId },
        expectedVersion,
        ...(this.moves.has(key) ? { statusChanges: this.moves.get(key) } : {}),
      });
    }
    return changes;
  }
}
