import type { Action } from './actions';
import type { CompiledRuleset } from './compiled-workflow';
import { LoopGuardError, RuleFailedError } from './engine-errors';
import { entityKey, type Entity, type OrdoEvent, type OutboxRecord, type ScheduledEventRecord } from './engine-model';
import type { RuleServices } from './engine-store';
import { childEntity, entityOfCreateEvent, type ChildSpec } from './entity-factory';
import { EventRouting } from './event-routing';
import type { ExecutionOutcome, ExecutionPosition, ExecutionSettings, NoMatch } from './execution-outcome';
import { InventoryRequests } from './inventory-requests';
import { outboundPayload } from './outbound-messages';
import type { RuleContext } from './rule-registry';
import { CREATE_EVENT, initialStatusOf, type RulesetEventType } from './workflow';
import type { WorkingCopy } from './working-copy';

const entityLabel = (event: Pick<OrdoEvent, 'entityType' | 'entityRef'>): string => `${event.entityType} ${event.entityRef}`;

/**
 * One event's run over one root: the matching ruleset, then the inline events it causes, in
 * FIFO order, all against a working copy. Nothing is written here: `run` returns what the
 * engine commits, or why there is nothing to commit. An execution runs once.
 */
export class Execution {
  private readonly outbox: OutboxRecord[] = [];
  private readonly scheduled: ScheduledEventRecord[] = [];
  private readonly inventory: InventoryRequests;
  private readonly routing: EventRouting;
  private readonly queue: OrdoEvent[] = [];
  private readonly services: RuleServices;
  private rulesetsRun = 0;
  private settingValues: Promise<ReadonlyMap<string, unknown>> | undefined;
  private position: ExecutionPosition | undefined;

  constructor(
    private readonly settings: ExecutionSettings,
    private readonly working: WorkingCopy,
  ) {
    const { rootEntityType, rootRef, trail, eventId, hops, ids, at } = settings;
    this.inventory = new InventoryRequests(settings.services?.inventory, { rootEntityType, rootRef, working, trail }, settings.stockRead);
    this.routing = new EventRouting({ eventId, hops, rootEntityType, rootRef, ids, at, working });
    const reader = this.inventory.reader;
    this.services = reader ? { ...settings.services, inventory: reader } : { ...settings.services };
  }

  /**
   * Runs the received event with rulesets of `eventType`, then every inline event it causes.
   * Whatever a rule throws (or the loop guard) ends the run as FAILED, with where it stood.
   */
  async run(event: OrdoEvent, eventType: RulesetEventType): Promise<ExecutionOutcome> {
    try {
      const noMatch = await this.runReceived(event, eventType);
      if (noMatch) return noMatch;
    } catch (cause) {
      // A copy: the failure says where the execution stood when it threw, whatever happens to it after.
      const position = this.position ? { ...this.position } : { eventName: event.name, entityType: event.entityType, entityRef: event.entityRef };
      return { outcome: 'FAILED', failure: { cause, position, rulesetsRun: this.rulesetsRun } };
    }
    const entities = this.working.changes(this.settings.at, event.id);
    const targetKey = entityKey(event.entityType, event.entityRef);
    const changed = entities.find(({ entity }) => entityKey(entity.entityType, entity.ref) === targetKey);
    return {
      outcome: 'SUCCESS',
      effects: {
        entities,
        inventory: this.inventory.list,
        outbox: this.outbox,
        scheduled: this.scheduled,
        entity: changed?.entity ?? this.working.get(targetKey),
      },
    };
  }

  /**
   * A received CREATE for an entity that exists is a NO_MATCH, so a second CREATE with another
   * event id (or one re-run after losing a create race) cannot run the CREATE ruleset twice.
   */
  private async runReceived(event: OrdoEvent, eventType: RulesetEventType): Promise<NoMatch | undefined> {
    const { compiled } = this.settings;
    const key = entityKey(event.entityType, event.entityRef);
    const existing = this.working.get(key);
    if (existing && event.name === CREATE_EVENT && eventType === 'NORMAL') {
      return this.noMatch(event, 'ENTITY_EXISTS', `${entityLabel(event)} already exists; a received CREATE runs only for a new entity`);
    }
    const entity = existing ?? this.createOnEvent(event, key);
    if (!entity) return this.noMatch(event, 'ENTITY_NOT_FOUND', `${entityLabel(event)} does not exist`);
    const ruleset = compiled.match(eventType, event.name, entity);
    if (!ruleset) {
      return this.noMatch(
        event,
        'NO_MATCHING_RULESET',
        `No ${eventType} ruleset '${event.name}' for ${entity.entityType}::${entity.subtype} in status ${entity.status}`,
      );
    }

    await this.runRuleset(ruleset, event, key, undefined);
    for (let head = 0; head < this.queue.length; head += 1) {
      await this.runInline(this.queue[head] as OrdoEvent);
    }
    return undefined;
  }

  private noMatch(event: OrdoEvent, code: NoMatch['error']['code'], message: string): NoMatch {
    this.settings.trail.add('NO_MATCH', event.entityType, event.entityRef, { name: event.name, message });
    return { outcome: 'NO_MATCH', error: { code, message } };
  }

  private async runInline(event: OrdoEvent): Promise<void> {
    const key = entityKey(event.entityType, event.entityRef);
    const entity = this.working.get(key) ?? this.createOnEvent(event, key);
    const ruleset = entity && this.settings.compiled.match('NORMAL', event.name, entity);
    if (!ruleset) {
      const message = entity
        ? `No ruleset '${event.name}' for ${entity.entityType}::${entity.subtype} in status ${entity.status}`
        : `${entityLabel(event)} does not exist`;
      this.settings.trail.add('NO_MATCH', event.entityType, event.entityRef, { name: event.name, message, inlineEventId: event.id });
      return;
    }
    await this.runRuleset(ruleset, event, key, event.id);
  }

  private async runRuleset(compiled: CompiledRuleset, event: OrdoEvent, key: string, inlineEventId: string | undefined): Promise<void> {
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
        setting: (name) => this.setting(event.retailerId, name),
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

  /** Every event of an execution is of its root's retailer, so one read serves the whole execution. */
  private async setting(retailerId: string, name: string): Promise<unknown> {
    this.settingValues ??= this.services.settings?.valuesFor(retailerId);
    return (await this.settingValues)?.get(name);
  }

  private apply(action: Action, event: OrdoEvent, key: string, inlineEventId: string | undefined): void {
    const entity = this.working.get(key) as Entity;
    switch (action.type) {
      case 'SET_STATE':
        return this.setState(entity, key, action.status, event.name, inlineEventId);
      case 'SET_ATTRIBUTES':
        this.working.update(key, { attributes: { ...entity.attributes, ...action.attributes } });
        return;
      case 'SEND_EVENT': {
        const routed = this.routing.send(entity, action.event, action.target);
        if ('inline' in routed) this.queue.push(routed.inline);
        else this.outbox.push(routed.outbox);
        return;
      }
      case 'SCHEDULE_EVENT':
        this.scheduled.push(this.routing.schedule(entity, action.event, action.dueAt, action.target));
        return;
      case 'LOG':
        this.settings.trail.add('LOG', entity.entityType, entity.ref, {
          message: action.message,
          props: { level: action.level ?? 'INFO' },
          inlineEventId,
        });
        return;
      case 'WEBHOOK':
      case 'PUBLISH': {
        const { ids, at, eventId } = this.settings;
        this.outbox.push({ id: ids(), kind: action.type, eventId, createdOn: at, payload: outboundPayload(action, entity, event) });
        return;
      }
      case 'RESERVE_INVENTORY':
      case 'RELEASE_INVENTORY':
      case 'CONSUME_INVENTORY':
      case 'RESTOCK_INVENTORY':
        return this.inventory.request(entity, action, inlineEventId);
      case 'CREATE_ENTITY':
        return this.createChild(entity, action.entity);
      default:
        throw new RuleFailedError(`Unknown action type '${(action as { type?: unknown }).type}'`, 'UNKNOWN_ACTION');
    }
  }

  private setState(entity: Entity, key: string, status: string, eventName: string, inlineEventId: string | undefined): void {
    this.assertDeclared(status);
    if (status === entity.status) return;
    this.working.update(key, { status });
    const { entityType, ref: entityRef, status: from } = entity;
    this.settings.trail.add('STATE_CHANGE', entityType, entityRef, { name: eventName, from, to: status, inlineEventId });
    this.settings.recording?.stateChanges.push({ entityType, entityRef, from, to: status });
  }

  private createChild(parent: Entity, child: ChildSpec): void {
    const { rootEntityType, rootRef, compiled, ids, at } = this.settings;
    if (this.working.get(entityKey(child.entityType, child.ref))) {
      throw new RuleFailedError(`${child.entityType} ${child.ref} already exists`, 'ENTITY_EXISTS');
    }
    const status = child.status ?? initialStatusOf(compiled.workflow);
    this.assertDeclared(status);
    this.working.add(childEntity(parent, child, status, { id: ids(), rootEntityType, rootRef, at }));
    this.queue.push(this.routing.childCreated(parent, child));
  }

  /** A CREATE event for an entity that does not exist yet makes it, pinned to this workflow. */
  private createOnEvent(event: OrdoEvent, key: string): Entity | undefined {
    if (event.name !== CREATE_EVENT) return undefined;
    const { compiled, rootEntityType, rootRef, ids, at } = this.settings;
    const isRoot = event.entityType === rootEntityType && event.entityRef === rootRef;
    if (!isRoot && !this.working.get(entityKey(rootEntityType, rootRef))) return undefined;
    this.working.add(entityOfCreateEvent(event, compiled.workflow, { id: ids(), rootEntityType, rootRef, at }));
    return this.working.get(key);
  }

  private assertDeclared(status: string): void {
    if (!this.settings.compiled.statuses.has(status)) {
      throw new RuleFailedError(`Status '${status}' is not declared in the workflow`, 'UNKNOWN_STATUS');
    }
  }
}
