import type { Clock } from '../ports/clock';
import type { Action } from './actions';
import { AuditTrail } from './audit-trail';
import { WorkflowCompiler } from './compiled-workflow';
import {
  DuplicateEventError,
  HopLimitError,
  InsufficientStockError,
  LoopGuardError,
  VersionConflictError,
  WorkflowNotFoundError,
} from './engine-errors';
import { Execution, type ExecutionRecording, type ExecutionSettings } from './execution';
import {
  entityKey,
  type AuditRecord,
  type Entity,
  type EntityChange,
  type EventRecord,
  type InventoryChange,
  type OrdoEvent,
  type Outcome,
  type OutboxRecord,
  type ScheduledEventRecord,
  type UnitOfWork,
} from './engine-model';
import type { EngineStore, IdGenerator, RuleServices } from './engine-store';
import type { RuleRegistry } from './rule-registry';
import { CREATE_EVENT, DEFAULT_SUBTYPE, WORKFLOW_LIMITS, type Workflow, type WorkflowKey } from './workflow';
import { WorkflowCache } from './workflow-cache';
import { WorkingCopy } from './working-copy';

export interface EngineDeps {
  store: EngineStore;
  registry: RuleRegistry;
  clock: Clock;
  ids: IdGenerator;
  /** Most rulesets one execution may run; default 200. A workflow's settings.loopGuard overrides it. */
  loopGuard?: number;
  /**
   * Most relays an event may have come through (`OrdoEvent.hops`) and still run; default 20.
   * Past it the event FAILS with HOP_LIMIT and sends nothing on.
   */
  hopLimit?: number;
  /** Re-runs after a VersionConflictError or InsufficientStockError before giving up; default 3. */
  maxConflictRetries?: number;
  /** Read-only services for rules (`ctx.services`), e.g. the inventory reader. */
  services?: RuleServices;
  /** Default: a cache of this engine's own, with the 5 s "latest" TTL. */
  workflowCache?: WorkflowCache;
}

export interface ExecutionError {
  code: string;
  message: string;
}

export interface ExecutionResult {
  eventId: string;
  outcome: Outcome;
  /** The event's entity after the execution (as committed), when it exists. */
  entity?: Entity;
  /** Why it FAILED, or why it was a NO_MATCH. */
  error?: ExecutionError;
  /** What was committed; absent for DUPLICATE. */
  unitOfWork?: UnitOfWork;
}

export interface DryRunResult {
  outcome: Outcome;
  /** Names of the rulesets run, received and inline events alike, in order. */
  rulesets: string[];
  actions: { ruleset: string; rule: string; action: Action }[];
  stateChanges: { entityType: string; entityRef: string; from: string; to: string }[];
  /** The inventory changes the execution would commit, in order (none when it fails without an EXCEPTION ruleset). */
  inventory: InventoryChange[];
  entity?: Entity;
  error?: ExecutionError;
  /** The audit the execution would write. */
  audit?: AuditRecord[];
}

export const DEFAULT_LOOP_GUARD = 200;
export const DEFAULT_HOP_LIMIT = 20;
/** Base of the jittered, growing pause before a re-run after a conflict. */
const CONFLICT_BACKOFF_MS = 5;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const DEFAULT_MAX_CONFLICT_RETRIES = 3;

/** What one run of an event came to, before it is committed (or, in a dry run, not). */
interface Run {
  outcome: Outcome;
  error?: ExecutionError;
  at: string;
  trail: AuditTrail;
  entities: EntityChange[];
  inventory: InventoryChange[];
  outbox: OutboxRecord[];
  scheduled: ScheduledEventRecord[];
  entity?: Entity;
  recording?: ExecutionRecording;
}

interface RunOptions {
  draft?: Workflow;
  dryRun: boolean;
}

type WorkflowLookup = { workflow: Workflow } | { outcome: 'NO_MATCH' | 'FAILED'; error: ExecutionError };

const errorOf = (error: unknown): ExecutionError => {
  const code = (error as { code?: unknown } | undefined)?.code;
  return {
    code: typeof code === 'string' ? code : 'RULE_EXCEPTION',
    message: error instanceof Error ? error.message : String(error),
  };
};

const newRecording = (): ExecutionRecording => ({ rulesets: [], actions: [], stateChanges: [] });

/**
 * A workflow's own loop guard wins over the engine's, up to WORKFLOW_LIMITS.loopGuard: uploads
 * are refused above it, and a version stored before the cap existed is held to it as well.
 */
const loopGuardOf = (workflow: Workflow, engineDefault: number | undefined): number => {
  const own = workflow.settings?.loopGuard;
  return own === undefined ? (engineDefault ?? DEFAULT_LOOP_GUARD) : Math.min(own, WORKFLOW_LIMITS.loopGuard);
};

/**
 * Runs events against workflows: one incoming event, one execution scoped to its root entity,
 * committed in one unit of work.
 */
export class Engine {
  private readonly compiler: WorkflowCompiler;
  private readonly cache: WorkflowCache;
  private readonly loadWorkflow: (key: WorkflowKey, version?: number) => Promise<Workflow | undefined>;

  constructor(private readonly deps: EngineDeps) {
    this.compiler = new WorkflowCompiler(deps.registry);
    this.cache = deps.workflowCache ?? new WorkflowCache({ clock: deps.clock });
    this.loadWorkflow = (key, version) => deps.store.loadWorkflow(key, version);
  }

  /**
   * Whether a workflow exists for the key, through the same cache the executions read: a check
   * before an event (does this retailer take orders?) costs no read once the workflow is warm.
   */
  async hasWorkflow(key: WorkflowKey): Promise<boolean> {
    return (await this.cache.get(key, undefined, this.loadWorkflow)) !== undefined;
  }

  /**
   * Runs the event and commits everything it caused in one unit of work. Re-runs from a fresh
   * load on a version conflict, and when an inventory change no longer fits the stock (the rules
   * then read the stock as it is and may take another path); a redelivered event comes back
   * DUPLICATE with nothing written.
   */
  async process(event: OrdoEvent): Promise<ExecutionResult> {
    const maxRetries = this.deps.maxConflictRetries ?? DEFAULT_MAX_CONFLICT_RETRIES;
    for (let attempt = 0; ; attempt += 1) {
      const run = await this.run(event, { dryRun: false });
      const unitOfWork = this.unitOfWork(event, run);
      try {
        await this.deps.store.commit(unitOfWork);
      } catch (error) {
        if (error instanceof DuplicateEventError) return { eventId: event.id, outcome: 'DUPLICATE' };
        const retryable = error instanceof VersionConflictError || error instanceof InsufficientStockError;
        if (retryable && attempt < maxRetries) {
          // Executions racing for one root or one position would collide again at once.
          await pause(Math.random() * CONFLICT_BACKOFF_MS * 2 ** Math.min(attempt, 5));
          continue;
        }
        throw error;
      }
      const result: ExecutionResult = { eventId: event.id, outcome: run.outcome, unitOfWork };
      if (run.entity) result.entity = run.entity;
      if (run.error) result.error = run.error;
      return result;
    }
  }

  /**
   * What the event would do to its entity, with the entity's workflow or a draft, writing nothing.
   * Unlike process, an event's scheduledOn is ignored: the rules run now.
   */
  async dryRun(event: OrdoEvent, draft?: Workflow): Promise<DryRunResult> {
    const run = await this.run(event, { dryRun: true, draft });
    const recording = run.recording ?? newRecording();
    const result: DryRunResult = {
      outcome: run.outcome,
      rulesets: recording.rulesets,
      actions: recording.actions,
      stateChanges: recording.stateChanges,
      inventory: run.inventory,
      audit: run.trail.records,
    };
    if (run.entity) result.entity = run.entity;
    if (run.error) result.error = run.error;
    return result;
  }

  private async run(event: OrdoEvent, options: RunOptions): Promise<Run> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const rootEntityType = event.rootEntityType ?? event.entityType;
    const rootRef = event.rootEntityRef ?? event.entityRef;
    const trail = new AuditTrail(event.id, rootEntityType, rootRef, at);
    const hops = event.hops ?? 0;
    trail.add('EVENT_RECEIVED', event.entityType, event.entityRef, {
      name: event.name,
      props: receivedProps(event.source, hops),
    });
    const empty = { at, trail, entities: [], inventory: [], outbox: [], scheduled: [] };

    const hopLimit = this.deps.hopLimit ?? DEFAULT_HOP_LIMIT;
    if (hops > hopLimit) {
      const error = new HopLimitError(hopLimit, hops);
      trail.add('HOP_LIMIT', event.entityType, event.entityRef, {
        name: event.name,
        message: error.message,
        props: { limit: hopLimit, hops },
      });
      return this.finish({ ...empty, outcome: 'FAILED', error: { code: error.code, message: error.message } });
    }

    if (!options.dryRun && event.scheduledOn !== undefined && Date.parse(event.scheduledOn) > now.getTime()) {
      return this.park(event, { ...empty, outcome: 'SCHEDULED' });
    }

    // Only the event's own retailer's roots: another retailer's entity can never run or show here.
    const loaded = await this.deps.store.loadRoot(event.retailerId, rootEntityType, rootRef);
    const working = new WorkingCopy(loaded);
    const targetKey = entityKey(event.entityType, event.entityRef);
    const lookup = await this.workflowFor(event, working, rootEntityType, rootRef, options.draft);
    if (!('workflow' in lookup)) {
      const kind = lookup.outcome === 'NO_MATCH' ? 'NO_MATCH' : 'EXCEPTION';
      trail.add(kind, event.entityType, event.entityRef, { name: event.name, message: lookup.error.message });
      return this.finish({ ...empty, outcome: lookup.outcome, error: lookup.error, entity: working.get(targetKey) });
    }

    const compiled = this.compiler.compile(lookup.workflow);
    const settings: ExecutionSettings = {
      eventId: event.id,
      compiled,
      ids: this.deps.ids,
      now,
      at,
      loopGuard: loopGuardOf(lookup.workflow, this.deps.loopGuard),
      hops,
      trail,
      rootEntityType,
      rootRef,
      recording: options.dryRun ? newRecording() : undefined,
      services: this.deps.services,
    };
    const execution = new Execution(settings, working);
    let match;
    try {
      match = await execution.run(event, 'NORMAL');
    } catch (error) {
      return this.failed(event, error, execution, settings, loaded, { ...empty });
    }
    if (!match.matched) {
      const error = { code: match.code, message: match.message };
      return this.finish({ ...empty, outcome: 'NO_MATCH', error, entity: loaded.find(isEntity(targetKey)) });
    }
    const entities = working.changes(at);
    return this.finish({
      ...empty,
      outcome: 'SUCCESS',
      entities,
      inventory: execution.inventory,
      outbox: execution.outbox,
      scheduled: execution.scheduled,
      entity: entities.find((change) => isEntity(targetKey)(change.entity))?.entity ?? working.get(targetKey),
      recording: settings.recording,
    });
  }

  /**
   * A rule threw or the loop guard tripped: keep none of what ran, only the failure. If the
   * workflow has an EXCEPTION ruleset of the event's name, run it on the loaded entities and keep its effects.
   */
  private async failed(
    event: OrdoEvent,
    thrown: unknown,
    execution: Execution,
    settings: ExecutionSettings,
    loaded: Entity[],
    run: Omit<Run, 'outcome'>,
  ): Promise<Run> {
    const { trail } = settings;
    const error = errorOf(thrown);
    const position = execution.position ?? { eventName: event.name, entityType: event.entityType, entityRef: event.entityRef };
    trail.truncate(1);
    const failed: Run = { ...run, outcome: 'FAILED', error, entity: loaded.find(isEntity(entityKey(event.entityType, event.entityRef))) };

    if (thrown instanceof LoopGuardError) {
      trail.add('LOOP_GUARD', position.entityType, position.entityRef, {
        name: position.eventName,
        message: error.message,
        props: { limit: thrown.limit, rulesetsRun: execution.rulesetsRun - 1 },
        inlineEventId: position.inlineEventId,
      });
      return this.finish(failed);
    }

    trail.add('EXCEPTION', position.entityType, position.entityRef, {
      name: position.rule ?? position.eventName,
      message: error.message,
      props: { code: error.code, ruleset: position.ruleset },
      inlineEventId: position.inlineEventId,
    });
    if (!settings.compiled.hasRuleset('EXCEPTION', event.name)) return this.finish(failed);
    return this.finish(await this.recover(event, settings, loaded, failed));
  }

  /** Runs the EXCEPTION ruleset on a fresh copy of the loaded entities; if that throws too, keeps only the failure. */
  private async recover(event: OrdoEvent, settings: ExecutionSettings, loaded: Entity[], failed: Run): Promise<Run> {
    const { trail } = settings;
    const mark = trail.size;
    const recording = settings.recording ? newRecording() : undefined;
    const recovery = new Execution({ ...settings, recording }, new WorkingCopy(loaded));
    try {
      const match = await recovery.run(event, 'EXCEPTION');
      if (!match.matched) return failed;
    } catch (thrown) {
      trail.truncate(mark);
      const error = errorOf(thrown);
      trail.add('EXCEPTION', event.entityType, event.entityRef, {
        name: recovery.position?.rule ?? event.name,
        message: `The EXCEPTION ruleset failed too: ${error.message}`,
        props: { code: error.code, ruleset: recovery.position?.ruleset },
      });
      return failed;
    }
    const entities = recovery.working.changes(settings.at);
    const targetKey = entityKey(event.entityType, event.entityRef);
    return {
      ...failed,
      entities,
      inventory: recovery.inventory,
      outbox: recovery.outbox,
      scheduled: recovery.scheduled,
      entity: entities.find((change) => isEntity(targetKey)(change.entity))?.entity ?? recovery.working.get(targetKey),
      recording,
    };
  }

  /** An event due later: keep it for the scheduler under a new id, and run nothing now. */
  private park(event: OrdoEvent, run: Run): Run {
    const id = this.deps.ids();
    const dueAt = new Date(event.scheduledOn as string).toISOString();
    run.scheduled = [{ id, dueAt, event: { ...event, id, source: 'SCHEDULE' } }];
    run.trail.add('OUTCOME', event.entityType, event.entityRef, {
      name: event.name,
      outcome: 'SCHEDULED',
      props: { scheduledEventId: id, dueAt },
    });
    return run;
  }

  private finish(run: Run): Run {
    const details: { name?: string; outcome: Outcome; message?: string } = { outcome: run.outcome };
    if (run.error) details.message = run.error.message;
    const first = run.trail.records[0] as AuditRecord;
    run.trail.add('OUTCOME', first.entityType, first.entityRef, { name: first.name, ...details });
    return run;
  }

  private async workflowFor(
    event: OrdoEvent,
    working: WorkingCopy,
    rootEntityType: string,
    rootRef: string,
    draft: Workflow | undefined,
  ): Promise<WorkflowLookup> {
    const root = working.get(entityKey(rootEntityType, rootRef));
    let key: WorkflowKey;
    let version: number | undefined;
    if (root && root.retailerId === event.retailerId) {
      key = { retailerId: root.retailerId, entityType: rootEntityType, subtype: root.subtype };
      version = root.workflowVersion;
    } else if (!root && event.name === CREATE_EVENT && event.entityType === rootEntityType && event.entityRef === rootRef) {
      key = { retailerId: event.retailerId, entityType: rootEntityType, subtype: event.entitySubtype ?? DEFAULT_SUBTYPE };
    } else {
      return {
        outcome: 'NO_MATCH',
        error: { code: 'ENTITY_NOT_FOUND', message: `${rootEntityType} ${rootRef} does not exist for retailer ${event.retailerId}` },
      };
    }
    if (draft) return { workflow: draft };
    const workflow = await this.cache.get(key, version, this.loadWorkflow);
    if (!workflow) {
      const notFound = new WorkflowNotFoundError(key, version);
      return { outcome: 'FAILED', error: { code: notFound.code, message: notFound.message } };
    }
    return { workflow };
  }

  private unitOfWork(event: OrdoEvent, run: Run): UnitOfWork {
    const record: EventRecord = {
      event,
      outcome: run.outcome,
      receivedOn: run.at,
      processedOn: run.at,
      rootEntityType: event.rootEntityType ?? event.entityType,
      rootRef: event.rootEntityRef ?? event.entityRef,
      attempts: 1,
    };
    if (run.error) record.error = run.error;
    return {
      event: record,
      entities: run.entities,
      inventory: run.inventory,
      audit: run.trail.records,
      outbox: run.outbox,
      scheduled: run.scheduled,
      markProcessed: run.outcome !== 'FAILED',
    };
  }
}

const receivedProps = (source: OrdoEvent['source'], hops: number): Record<string, unknown> | undefined => {
  if (!source && !hops) return undefined;
  return { ...(source ? { source } : {}), ...(hops ? { hops } : {}) };
};

const isEntity =
  (key: string) =>
  (entity: Entity): boolean =>
    entityKey(entity.entityType, entity.ref) === key;
