import type { Clock } from '../ports/clock';
import { AuditTrail } from './audit-trail';
import type { WorkflowCompiler } from './compiled-workflow';
import { HopLimitError } from './engine-errors';
import {
  entityKey,
  type AuditRecord,
  type Entity,
  type EntityChange,
  type InventoryChange,
  type OrdoEvent,
  type Outcome,
  type OutboxRecord,
  type ScheduledEventRecord,
} from './engine-model';
import type { EngineStore, IdGenerator, RuleServices, StockRead } from './engine-store';
import { Execution } from './execution';
import { settleFailure } from './execution-failure';
import { newRecording, type ExecutionError, type ExecutionRecording, type ExecutionSettings } from './execution-outcome';
import { loopGuardOf, type RootWorkflows } from './root-workflow';
import type { Workflow } from './workflow';
import { WorkingCopy } from './working-copy';

/** What one run of an event came to, before it is committed (or, in a dry run, not). */
export interface EventRun {
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

export interface RunOptions {
  draft?: Workflow;
  dryRun: boolean;
  /** How rules read stock by default (see StockRead); `summary` unless said otherwise. */
  stockRead?: StockRead;
}

export interface EventRunnerDeps {
  store: Pick<EngineStore, 'loadRoot'>;
  workflows: RootWorkflows;
  compiler: WorkflowCompiler;
  clock: Clock;
  ids: IdGenerator;
  hopLimit: number;
  /** The engine's loop guard; a workflow's own wins (see loopGuardOf). */
  loopGuard: number | undefined;
  services: RuleServices | undefined;
}

const receivedProps = (source: OrdoEvent['source'], hops: number): Record<string, unknown> | undefined => {
  if (!source && !hops) return undefined;
  return { ...(source ? { source } : {}), ...(hops ? { hops } : {}) };
};

/**
 * One received event up to its commit: the hop limit, a due time still to come, the root and
 * its workflow, the execution, what a failure keeps, and the OUTCOME that closes the trail.
 */
export class EventRunner {
  constructor(private readonly deps: EventRunnerDeps) {}

  async run(event: OrdoEvent, options: RunOptions): Promise<EventRun> {
    const now = this.deps.clock.now();
    const at = now.toISOString();
    const rootEntityType = event.rootEntityType ?? event.entityType;
    const rootRef = event.rootEntityRef ?? event.entityRef;
    const trail = new AuditTrail(event.id, rootEntityType, rootRef, at);
    const hops = event.hops ?? 0;
    trail.add('EVENT_RECEIVED', event.entityType, event.entityRef, { name: event.name, props: receivedProps(event.source, hops) });
    const empty = { at, trail, entities: [], inventory: [], outbox: [], scheduled: [] };

    const { hopLimit } = this.deps;
    if (hops > hopLimit) {
      const error = new HopLimitError(hopLimit, hops);
      trail.add('HOP_LIMIT', event.entityType, event.entityRef, { name: event.name, message: error.message, props: { limit: hopLimit, hops } });
      return this.finish({ ...empty, outcome: 'FAILED', error: { code: error.code, message: error.message } });
    }

    if (!options.dryRun && event.scheduledOn !== undefined && Date.parse(event.scheduledOn) > now.getTime()) {
      return this.park(event, { ...empty, outcome: 'SCHEDULED' });
    }

    // Only the event's own retailer's roots: another retailer's entity can never run or show here.
    const loaded = await this.deps.store.loadRoot(event.retailerId, rootEntityType, rootRef);
    const working = new WorkingCopy(loaded);
    const targetKey = entityKey(event.entityType, event.entityRef);
    const root = working.get(entityKey(rootEntityType, rootRef));
    const lookup = await this.deps.workflows.forEvent(event, root, rootEntityType, rootRef, options.draft);
    if (!('workflow' in lookup)) {
      const kind = lookup.outcome === 'NO_MATCH' ? 'NO_MATCH' : 'EXCEPTION';
      trail.add(kind, event.entityType, event.entityRef, { name: event.name, message: lookup.error.message });
      return this.finish({ ...empty, outcome: lookup.outcome, error: lookup.error, entity: working.get(targetKey) });
    }

    const settings: ExecutionSettings = {
      eventId: event.id,
      compiled: this.deps.compiler.compile(lookup.workflow),
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
      stockRead: options.stockRead ?? 'summary',
    };
    const ran = await new Execution(settings, working).run(event, 'NORMAL');
    if (ran.outcome === 'SUCCESS') return this.finish({ ...empty, outcome: 'SUCCESS', ...ran.effects, recording: settings.recording });
    // As loaded: nothing of a run that did not succeed is kept.
    const loadedTarget = loaded.find((entity) => entityKey(entity.entityType, entity.ref) === targetKey);
    if (ran.outcome === 'NO_MATCH') return this.finish({ ...empty, outcome: 'NO_MATCH', error: ran.error, entity: loadedTarget });
    const { error, recovered } = await settleFailure(event, ran.failure, settings, loaded);
    const failed: EventRun = { ...empty, outcome: 'FAILED', error, entity: loadedTarget };
    return this.finish(recovered ? { ...failed, ...recovered.effects, recording: recovered.recording } : failed);
  }

  /** An event due later: keep it for the scheduler under a new id, and run nothing now. */
  private park(event: OrdoEvent, run: EventRun): EventRun {
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

  private finish(run: EventRun): EventRun {
    const details: { name?: string; outcome: Outcome; message?: string } = { outcome: run.outcome };
    if (run.error) details.message = run.error.message;
    const first = run.trail.records[0] as AuditRecord;
    run.trail.add('OUTCOME', first.entityType, first.entityRef, { name: first.name, ...details });
    return run;
  }
}
