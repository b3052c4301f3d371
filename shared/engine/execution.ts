import type { Action, EventRequest, EventTarget, InventoryRequest } from './actions';
import type { AuditTrail } from './audit-trail';
import type { CompiledRuleset, CompiledWorkflow } from './compiled-workflow';
import { LoopGuardError, RuleFailedError } from './engine-errors';
import { changeReservations, heldQty, PendingInventoryReader } from './stock-changes';
import {
  entityKey,
  type Entity,
  type EventSource,
  type InventoryChange,
  type InventoryChangeKind,
  type OrdoEvent,
  type OutboxOrigin,
  type OutboxRecord,
  type PublishOutboxPayload,
  type ScheduledEventRecord,
  type WebhookOutboxPayload,
} from './engine-model';
import type { IdGenerator, RuleServices } from './engine-store';
import type { RuleContext } from './rule-registry';
import { CREATE_EVENT, DEFAULT_SUBTYPE, initialStatusOf, workflowRefOf, type RulesetEventType } from './workflow';
import type { WorkingCopy } from './working-copy';

/** Kept by a dry run: everything the rules asked for, in order. */
export interface ExecutionRecording {
  rulesets: string[];
  actions: { ruleset: string; rule: string; action: Action }[];
  stateChanges: { entityType: string; entityRef: string; from: string; to: string }[];
}

export interface ExecutionSettings {
  /** The received event's id, which every record of the execution carries. */
  eventId: string;
  compiled: CompiledWorkflow;
  ids: IdGenerator;
  now: Date;
  at: string;
  loopGuard: number;
  /** The received event's hops; what the execution relays or schedules carries one more. */
  hops: number;
  trail: AuditTrail;
  rootEntityType: string;
  rootRef: string;
  recording?: ExecutionRecording;
  /** From EngineDeps.services: read-only, committed state. */
  services?: RuleServices;
}

export type ExecutionMatch =
  | { matched: true }
  | { matched: false; code: 'ENTITY_NOT_FOUND' | 'ENTITY_EXISTS' | 'NO_MATCHING_RULESET'; message: string };

/** Where the execution was, for the EXCEPTION or LOOP_GUARD audit entry. */
export interface ExecutionPosition {
  eventName: string;
  entityType: string;
  entityRef: string;
  ruleset?: string;
  rule?: string;
  inlineEventId?: string;
}

interface Destination {
  entityType: string;
  entityRef: string;
  entitySubtype: string | undefined;
  rootEntityType: string;
  rootEntityRef: string;
  sameRoot: boolean;
}

const INVENTORY_KINDS: Record<'RESERVE_INVENTORY' | 'RELEASE_INVENTORY' | 'CONSUME_INVENTORY', InventoryChangeKind> = {
  RESERVE_INVENTORY: 'RESERVE',
  RELEASE_INVENTORY: 'RELEASE',
  CONSUME_INVENTORY: 'CONSUME',
};

const entityLabel = (event: Pick<OrdoEvent, 'entityType' | 'entityRef'>): string => `${event.entityType} ${event.entityRef}`;

/**
 * One event's run over one root: the matching ruleset, then the inline events it causes, in
 * FIFO order, all against a working copy. Nothing is written here; the engine commits the result.
 */
export class Execution {
  readonly outbox: OutboxRecord[] = [];
  readonly scheduled: ScheduledEventRecord[] = [];
  /** Inventory changes, in the order the rules asked for them. */
  readonly inventory: InventoryChange[] = [];
  rulesetsRun = 0;
  position: ExecutionPosition | undefined;
  private readonly queue: OrdoEvent[] = [];
  private readonly services: RuleServices;
  private readonly stockReader: PendingInventoryReader | undefined;

  constructor(
    private readonly settings: ExecutionSettings,
    readonly working: WorkingCopy,
  ) {
    const committed = settings.services?.inventory;
    this.stockReader = committed ? new PendingInventoryReader(committed, this.inventory) : undefined;
    this.services = this.stockReader ? { ...settings.services, inventory: this.stockReader } : { ...settings.services };
  }

  /**
   * Runs the received event with rulesets of `eventType`, then every inline event it causes.
   * A received CREATE for an entity that exists is a NO_MATCH, so a second CREATE with another
   * event id (or one re-run after losing a create race) cannot run the CREATE ruleset twice.
   */
  async run(event: OrdoEvent, eventType: RulesetEventType): Promise<ExecutionMatch> {
    const { compiled, trail } = this.settings;
    const key = entityKey(event.entityType, event.entityRef);
    const existing = this.working.get(key);
    if (existing && event.name === CREATE_EVENT && eventType === 'NORMAL') {
      const message = `${entityLabel(event)} already exists; a received CREATE runs only for a new entity`;
      trail.add('NO_MATCH', event.entityType, event.entityRef, { name: event.name, message });
      return { matched: false, code: 'ENTITY_EXISTS', message };
    }
    const entity = existing ?? this.createOnEvent(event, key);
    if (!entity) {
      const message = `${entityLabel(event)} does not exist`;
      trail.add('NO_MATCH', event.entityType, event.entityRef, { name: event.name, message });
      return { matched: false, code: 'ENTITY_NOT_FOUND', message };
    }
    const ruleset = compiled.match(eventType, event.name, entity);
    if (!ruleset) {
      const message = `No ${eventType} ruleset '${event.name}' for ${entity.entityType}::${entity.subtype} in status ${entity.status}`;
      trail.add('NO_MATCH', event.entityType, event.entityRef, { name: event.name, message });
      return { matched: false, code: 'NO_MATCHING_RULESET', message };
    }

    await this.runRuleset(ruleset, event, key, undefined);
    for (let head = 0; head < this.queue.length; head += 1) {
      await this.runInline(this.queue[head] as OrdoEvent);
    }
    return { matched: true };
  }

  private async runInline(event: OrdoEvent): Promise<void> {
    const key = entityKey(event.entityType, event.entityRef);
    const entity = this.working.get(key) ?? this.createOnEvent(event, key);
    const ruleset = entity && this.settings.compiled.match('NORMAL', event.name, entity);
    if (!ruleset) {
      const message = entity
        ? `No ruleset '${event.name}' for ${entity.entityType}::${entity.subtype} in status ${entity.status}`
        : `${entityLabel(event)} does not exist`;
      this.settings.trail.add('NO_MATCH', event.entityType, event.entityRef, {
        name: event.name,
        message,
        inlineEventId: event.id,
      });
      return;
    }
    await this.runRuleset(ruleset, event, key, event.id);
  }

  private async runRuleset(
    compiled: CompiledRuleset,
    event: OrdoEvent,
    key: string,
    inlineEventId: string | undefined,
  ): Promise<void> {
    const { trail, loopGuard, recording, compiled: workflow, now } = this.settings;
    const { ruleset } = compiled;
    const entity = this.working.get(key) as Entity;
    const position: ExecutionPosition = {
      eventName: event.name,
      entityType: entity.entityType,
      entityRef: entity.ref,
      ruleset: ruleset.name,
      inlineEventId,
    };
    this.position = position;
    this.rulesetsRun += 1;
    if (this.rulesetsRun > loopGuard) throw new LoopGuardError(loopGuard, event.name);

    trail.add('RULESET', entity.entityType, entity.ref, {
      name: ruleset.name,
      props: { type: ruleset.type, eventType: compiled.eventType, status: entity.status },
      inlineEventId,
    });
    recording?.rulesets.push(ruleset.name);

    for (const rule of compiled.rules) {
      position.rule = rule.name;
      if (rule.problem || !rule.definition) throw rule.problem;
      const ctx: RuleContext = {
        event,
        entity: this.working.get(key) as Entity,
        entities: this.working.view,
        workflow: workflow.workflow,
        now,
        services: this.services,
      };
      const started = performance.now();
      const result = rule.definition.run(ctx, rule.props);
      const actions = Array.isArray(result) ? result : await result;
      const durationMs = Math.round((performance.now() - started) * 1000) / 1000;
      trail.add('RULE', entity.entityType, entity.ref, { name: rule.name, props: rule.rawProps, durationMs, inlineEventId });
      for (const action of actions) {
        recording?.actions.push({ ruleset: ruleset.name, rule: rule.name, action });
        this.apply(action, event, key, inlineEventId);
      }
    }
    position.rule = undefined;
  }

  private apply(action: Action, event: OrdoEvent, key: string, inlineEventId: string | undefined): void {
    const entity = this.working.get(key) as Entity;
    switch (action.type) {
      case 'SET_STATE':
        return this.setState(entity, key, action.status, event.name, inlineEventId);
      case 'SET_ATTRIBUTES':
        this.working.update(key, { attributes: { ...entity.attributes, ...action.attributes } });
        return;
      case 'SEND_EVENT':
        return this.sendEvent(entity, action.event, action.target);
      case 'SCHEDULE_EVENT':
        return this.scheduleEvent(entity, action.event, action.dueAt, action.target);
      case 'LOG':
        this.settings.trail.add('LOG', entity.entityType, entity.ref, {
          message: action.message,
          props: { level: action.level ?? 'INFO' },
          inlineEventId,
        });
        return;
      case 'WEBHOOK': {
        const payload: WebhookOutboxPayload = { ...this.origin(entity, event), body: action.payload };
        if (action.url !== undefined) payload.url = action.url;
        if (action.subscription !== undefined) payload.subscription = action.subscription;
        return this.addOutbox('WEBHOOK', payload);
      }
      case 'PUBLISH': {
        const payload: PublishOutboxPayload = {
          ...this.origin(entity, event),
          detailType: action.detailType,
          detail: action.payload,
        };
        return this.addOutbox('PUBLISH', payload);
      }
      case 'RESERVE_INVENTORY':
      case 'RELEASE_INVENTORY':
      case 'CONSUME_INVENTORY':
        return this.changeInventory(entity, INVENTORY_KINDS[action.type], action, inlineEventId);
      case 'CREATE_ENTITY':
        return this.createChild(entity, action.entity);
      default:
        throw new RuleFailedError(
          `Unknown action type '${(action as { type?: unknown }).type}'`,
          'UNKNOWN_ACTION',
        );
    }
  }

  private setState(entity: Entity, key: string, status: string, eventName: string, inlineEventId: string | undefined): void {
    this.assertDeclared(status);
    if (status === entity.status) return;
    this.working.update(key, { status });
    this.settings.trail.add('STATE_CHANGE', entity.entityType, entity.ref, {
      name: eventName,
      from: entity.status,
      to: status,
      inlineEventId,
    });
    this.settings.recording?.stateChanges.push({
      entityType: entity.entityType,
      entityRef: entity.ref,
      from: entity.status,
      to: status,
    });
  }

  /**
   * Records the change for the commit and keeps the holder's reservations: a holder cannot
   * release or consume more of a position than it reserved, so no entity gives back units
   * another one holds.
   */
  private changeInventory(
    entity: Entity,
    kind: InventoryChangeKind,
    request: InventoryRequest,
    inlineEventId: string | undefined,
  ): void {
    const { skuRef, locationRef, qty, reason } = request;
    const verb = kind.toLowerCase();
    for (const [field, value] of [
      ['skuRef', skuRef],
      ['locationRef', locationRef],
    ] as const) {
      if (typeof value !== 'string' || value.length === 0) {
        throw new RuleFailedError(`Cannot ${verb} inventory: ${field} must be a non-empty string`, 'INVALID_INVENTORY_CHANGE');
      }
    }
    if (!Number.isSafeInteger(qty) || qty <= 0) {
      throw new RuleFailedError(
        `Cannot ${verb} ${qty} of ${skuRef} at ${locationRef}: qty must be a positive whole number`,
        'INVALID_INVENTORY_CHANGE',
      );
    }
    const [holderKey, holder] = this.holderOf(entity, request.holder);
    if (kind !== 'RESERVE') {
      const held = heldQty(holder.reservations, skuRef, locationRef);
      if (held < qty) {
        throw new RuleFailedError(
          `Cannot ${verb} ${qty} of ${skuRef} at ${locationRef}: ${holder.entityType} ${holder.ref} holds ${held}`,
          'NOT_RESERVED',
        );
      }
    }
    const change: InventoryChange = { skuRef, locationRef, kind, qty };
    if (reason !== undefined) change.reason = reason;
    const seen = this.stockReader?.committedPosition(skuRef, locationRef);
    if (seen) change.seen = { onHand: seen.onHand, reserved: seen.reserved, safetyStock: seen.safetyStock };
    this.working.update(holderKey, { reservations: changeReservations(holder.reservations ?? [], change) });
    this.inventory.push(change);
    this.settings.trail.add('INVENTORY', holder.entityType, holder.ref, {
      name: kind,
      props: reason === undefined ? { skuRef, locationRef, kind, qty } : { skuRef, locationRef, kind, qty, reason },
      inlineEventId,
    });
  }

  private holderOf(entity: Entity, holder: InventoryRequest['holder']): [string, Entity] {
    const { rootEntityType, rootRef } = this.settings;
    const key =
      holder === undefined || holder === 'SELF'
        ? entityKey(entity.entityType, entity.ref)
        : holder === 'ROOT'
          ? entityKey(rootEntityType, rootRef)
          : entityKey(holder.entityType, holder.entityRef);
    const found = this.working.get(key);
    if (!found) {
      throw new RuleFailedError(
        `The reservation holder ${key.replace('#', ' ')} is not an entity of this root`,
        'ENTITY_NOT_FOUND',
      );
    }
    return [key, found];
  }

  private sendEvent(entity: Entity, request: EventRequest, target: EventTarget | undefined): void {
    const destination = this.destination(entity, request, target);
    if (destination.sameRoot) {
      this.queue.push(this.eventFor(entity, request, destination, this.settings.ids(), 'INLINE'));
      return;
    }
    const id = this.settings.ids();
    this.outbox.push({
      id,
      kind: 'EVENT',
      eventId: this.settings.eventId,
      createdOn: this.settings.at,
      payload: { ...this.eventFor(entity, request, destination, id, 'QUEUE'), hops: this.settings.hops + 1 },
    });
  }

  private scheduleEvent(entity: Entity, request: EventRequest, dueAt: string, target: EventTarget | undefined): void {
    const due = Date.parse(dueAt);
    if (Number.isNaN(due)) throw new RuleFailedError(`Cannot schedule '${request.name}': '${dueAt}' is not a date`, 'INVALID_DUE_AT');
    const dueIso = new Date(due).toISOString();
    const id = this.settings.ids();
    const destination = this.destination(entity, request, target);
    const event = this.eventFor(entity, request, destination, id, 'SCHEDULE');
    event.scheduledOn = dueIso;
    // A root that schedules its own next step (a reminder, a daily check) runs once per due time, so it
    // may repeat for ever; only a hand-off to another root can multiply work, and that counts a hop.
    event.hops = destination.sameRoot ? this.settings.hops : this.settings.hops + 1;
    this.scheduled.push({ id, dueAt: dueIso, event });
  }

  private createChild(parent: Entity, child: Extract<Action, { type: 'CREATE_ENTITY' }>['entity']): void {
    const { rootEntityType, rootRef, compiled, ids, at } = this.settings;
    const key = entityKey(child.entityType, child.ref);
    if (this.working.get(key)) {
      throw new RuleFailedError(`${child.entityType} ${child.ref} already exists`, 'ENTITY_EXISTS');
    }
    const status = child.status ?? initialStatusOf(compiled.workflow);
    this.assertDeclared(status);
    this.working.add({
      retailerId: parent.retailerId,
      entityType: child.entityType,
      subtype: child.subtype,
      ref: child.ref,
      id: ids(),
      status,
      attributes: { ...child.attributes },
      workflowRef: parent.workflowRef,
      workflowVersion: parent.workflowVersion,
      version: 0,
      rootEntityType,
      rootRef,
      createdOn: at,
      updatedOn: at,
    });
    this.queue.push({
      id: ids(),
      name: CREATE_EVENT,
      retailerId: parent.retailerId,
      entityType: child.entityType,
      entityRef: child.ref,
      entitySubtype: child.subtype,
      rootEntityType,
      rootEntityRef: rootRef,
      source: 'INLINE',
    });
  }

  /** A CREATE event for an entity that does not exist yet makes it, pinned to this workflow. */
  private createOnEvent(event: OrdoEvent, key: string): Entity | undefined {
    if (event.name !== CREATE_EVENT) return undefined;
    const { compiled, rootEntityType, rootRef, ids, at } = this.settings;
    const { workflow } = compiled;
    const isRoot = event.entityType === rootEntityType && event.entityRef === rootRef;
    if (!isRoot && !this.working.get(entityKey(rootEntityType, rootRef))) return undefined;
    const entity: Entity = {
      retailerId: event.retailerId,
      entityType: event.entityType,
      subtype: event.entitySubtype ?? DEFAULT_SUBTYPE,
      ref: event.entityRef,
      id: ids(),
      status: initialStatusOf(workflow),
      attributes: { ...event.attributes },
      workflowRef: workflowRefOf(workflow),
      workflowVersion: workflow.version ?? 1,
      version: 0,
      rootEntityType,
      rootRef,
      createdOn: at,
      updatedOn: at,
    };
    this.working.add(entity);
    return this.working.get(key);
  }

  private destination(entity: Entity, request: EventRequest, target: EventTarget | undefined): Destination {
    const { rootEntityType, rootRef } = this.settings;
    const to =
      target ??
      (request.entityType && request.entityRef
        ? { entityType: request.entityType, entityRef: request.entityRef }
        : 'SELF');
    if (to === 'SELF') return this.destinationOf(entity);
    if (to === 'ROOT') {
      const root = this.working.get(entityKey(rootEntityType, rootRef));
      return root
        ? this.destinationOf(root)
        : { entityType: rootEntityType, entityRef: rootRef, entitySubtype: undefined, rootEntityType, rootEntityRef: rootRef, sameRoot: true };
    }
    const known = this.working.get(entityKey(to.entityType, to.entityRef));
    if (known) return this.destinationOf(known);
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

  private destinationOf(entity: Entity): Destination {
    return {
      entityType: entity.entityType,
      entityRef: entity.ref,
      entitySubtype: entity.subtype,
      rootEntityType: entity.rootEntityType,
      rootEntityRef: entity.rootRef,
      sameRoot: true,
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

  private origin(entity: Entity, event: OrdoEvent): OutboxOrigin {
    return {
      retailerId: entity.retailerId,
      eventName: event.name,
      entityType: entity.entityType,
      entityRef: entity.ref,
      entityStatus: entity.status,
      rootEntityType: entity.rootEntityType,
      rootRef: entity.rootRef,
    };
  }

  private addOutbox(kind: OutboxRecord['kind'], payload: Record<string, unknown>): void {
    const { ids, at, eventId } = this.settings;
    this.outbox.push({ id: ids(), kind, eventId, createdOn: at, payload });
  }

  private assertDeclared(status: string): void {
    if (!this.settings.compiled.statuses.has(status)) {
      throw new RuleFailedError(`Status '${status}' is not declared in the workflow`, 'UNKNOWN_STATUS');
    }
  }
}
