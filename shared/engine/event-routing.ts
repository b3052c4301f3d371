import type { EventRequest, EventTarget } from './actions';
import { RuleFailedError } from './engine-errors';
import { entityKey, type Entity, type EventSource, type OrdoEvent, type OutboxRecord, type ScheduledEventRecord } from './engine-model';
import type { IdGenerator } from './engine-store';
import type { ChildSpec } from './entity-factory';
import { CREATE_EVENT } from './workflow';
import type { WorkingCopy } from './working-copy';

/** The sending execution, as far as where its events go and how many hops they carry. */
export interface RoutingScope {
  /** The received event's id, which every outbox record of the execution carries. */
  eventId: string;
  /** The received event's hops. */
  hops: number;
  rootEntityType: string;
  rootRef: string;
  ids: IdGenerator;
  at: string;
  working: WorkingCopy;
}

/** An event a rule sends: run inline when it stays in this root, or put in the outbox for another root. */
export type RoutedEvent = { inline: OrdoEvent } | { outbox: OutboxRecord };

interface Destination {
  entityType: string;
  entityRef: string;
  entitySubtype: string | undefined;
  rootEntityType: string;
  rootEntityRef: string;
  sameRoot: boolean;
}

const destinationOf = (entity: Entity): Destination => ({
  entityType: entity.entityType,
  entityRef: entity.ref,
  entitySubtype: entity.subtype,
  rootEntityType: entity.rootEntityType,
  rootEntityRef: entity.rootRef,
  sameRoot: true,
});

/**
 * Where the events an execution's rules send or schedule go, and the hops they carry. An event
 * for this root runs inline and adds no hop; one for another root leaves through the outbox or
 * the schedule with the received event's hops + 1, so a chain of executions is bounded. Every
 * event is of the sending entity's retailer: a workflow acts inside its retailer's namespace.
 */
export class EventRouting {
  constructor(private readonly scope: RoutingScope) {}

  send(entity: Entity, request: EventRequest, target: EventTarget | undefined): RoutedEvent {
    const destination = this.destination(entity, request, target);
    if (destination.sameRoot) return { inline: this.eventFor(entity, request, destination, this.scope.ids(), 'INLINE') };
    const { ids, eventId, at, hops } = this.scope;
    const id = ids();
    return {
      outbox: {
        id,
        kind: 'EVENT',
        eventId,
        createdOn: at,
        payload: { ...this.eventFor(entity, request, destination, id, 'QUEUE'), hops: hops + 1 },
      },
    };
  }

  schedule(entity: Entity, request: EventRequest, dueAt: string, target: EventTarget | undefined): ScheduledEventRecord {
    const due = Date.parse(dueAt);
    if (Number.isNaN(due)) throw new RuleFailedError(`Cannot schedule '${request.name}': '${dueAt}' is not a date`, 'INVALID_DUE_AT');
    const dueIso = new Date(due).toISOString();
    const id = this.scope.ids();
    const destination = this.destination(entity, request, target);
    const event = this.eventFor(entity, request, destination, id, 'SCHEDULE');
    event.scheduledOn = dueIso;
    // A root that schedules its own next step (a reminder, a daily check) runs once per due time, so it
    // may repeat for ever; only a hand-off to another root can multiply work, and that counts a hop.
    event.hops = destination.sameRoot ? this.scope.hops : this.scope.hops + 1;
    return { id, dueAt: dueIso, event };
  }

  /** The CREATE event of a child a rule made, run inline right after. */
  childCreated(parent: Entity, child: ChildSpec): OrdoEvent {
    const { ids, rootEntityType, rootRef } = this.scope;
    return {
      id: ids(),
      name: CREATE_EVENT,
      retailerId: parent.retailerId,
      entityType: child.entityType,
      entityRef: child.ref,
      entitySubtype: child.subtype,
      rootEntityType,
      rootEntityRef: rootRef,
      source: 'INLINE',
    };
  }

  private destination(entity: Entity, request: EventRequest, target: EventTarget | undefined): Destination {
    const { rootEntityType, rootRef, working } = this.scope;
    const to =
      target ??
      (request.entityType && request.entityRef
        ? { entityType: request.entityType, entityRef: request.entityRef }
        : 'SELF');
    if (to === 'SELF') return destinationOf(entity);
    if (to === 'ROOT') {
      const root = working.get(entityKey(rootEntityType, rootRef));
      return root
        ? destinationOf(root)
        : { entityType: rootEntityType, entityRef: rootRef, entitySubtype: undefined, rootEntityType, rootEntityRef: rootRef, sameRoot: true };
    }
    const known = working.get(entityKey(to.entityType, to.entityRef));
    if (known) return destinationOf(known);
    const targetRootType = request.rootEntityType ?? to.entityType;
    const targetRootRef = request.rootEntityRef ?? to.entityRef;
    return {
      entityType: to.entityType,
      entityRef: to.entityRef,
      entitySubtype: request.entitySubtype,
      rootEntityType: targetRootType,
      rootEntityRef: targetRootRef,
      sameRoot: targetRootType === rootEntityType && targetRootRef === rootRef,
    };
  }

  private eventFor(entity: Entity, request: EventRequest, to: Destination, id: string, source: EventSource): OrdoEvent {
    const event: OrdoEvent = {
      id,
      name: request.name,
      // Always the sender's retailer: a workflow acts inside its retailer's namespace, never on another's entities.
      retailerId: entity.retailerId,
      entityType: to.entityType,
      entityRef: to.entityRef,
      rootEntityType: to.rootEntityType,
      rootEntityRef: to.rootEntityRef,
      source,
    };
    if (to.entitySubtype !== undefined) event.entitySubtype = to.entitySubtype;
    if (request.attributes !== undefined) event.attributes = request.attributes;
    return event;
  }
}
