import type { Clock } from '../ports/clock';
import type { Action } from './actions';
import { WorkflowCompiler } from './compiled-workflow';
import { DuplicateEventError, InsufficientStockError, VersionConflictError } from './engine-errors';
import type { AuditRecord, Entity, EventRecord, InventoryChange, OrdoEvent, Outcome, UnitOfWork } from './engine-model';
import type { EngineStore, IdGenerator, RuleServices } from './engine-store';
import { EventRunner, type EventRun } from './event-run';
import { newRecording, type ExecutionError } from './execution-outcome';
import { RootWorkflows } from './root-workflow';
import type { RuleRegistry } from './rule-registry';
import type { Workflow, WorkflowKey } from './workflow';
import { WorkflowCache } from './workflow-cache';

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

export const DEFAULT_HOP_LIMIT = 20;
export const DEFAULT_MAX_CONFLICT_RETRIES = 3;
/** Base of the jittered, growing pause before a re-run after a conflict. */
const CONFLICT_BACKOFF_MS = 5;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs events against workflows: one incoming event, one execution scoped to its root entity,
 * committed in one unit of work.
 */
export class Engine {
  private readonly workflows: RootWorkflows;
  private readonly runner: EventRunner;

  constructor(private readonly deps: EngineDeps) {
    this.workflows = new RootWorkflows(deps.workflowCache ?? new WorkflowCache({ clock: deps.clock }), deps.store);
    this.runner = new EventRunner({
      store: deps.store,
      workflows: this.workflows,
      compiler: new WorkflowCompiler(deps.registry),
      clock: deps.clock,
      ids: deps.ids,
      hopLimit: deps.hopLimit ?? DEFAULT_HOP_LIMIT,
      loopGuard: deps.loopGuard,
      services: deps.services,
    });
  }

  /**
   * Whether a workflow exists for the key, through the same cache the executions read: a check
   * before an event (does this retailer take orders?) costs no read once the workflow is warm.
   */
  async hasWorkflow(key: WorkflowKey): Promise<boolean> {
    return this.workflows.exists(key);
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
      // A first run may decide on the read model; a re-run reads exactly, so it sees what made the commit fail.
      const run = await this.runner.run(event, { dryRun: false, stockRead: attempt === 0 ? 'summary' : 'exact' });
      const unitOfWork = unitOfWorkOf(event, run);
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
    const run = await this.runner.run(event, { dryRun: true, draft });
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
}

/** The event record (also its processed marker) and everything the run caused, to commit at once. */
const unitOfWorkOf = (event: OrdoEvent, run: EventRun): UnitOfWork => {
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
};
