import type { StockRead } from './engine-store';
import type { Action } from './actions';
import type { AuditTrail } from './audit-trail';
import type { CompiledWorkflow } from './compiled-workflow';
import type { Entity, EntityChange, InventoryChange, OutboxRecord, ScheduledEventRecord } from './engine-model';
import type { IdGenerator, RuleServices } from './engine-store';

/** Kept by a dry run: everything the rules asked for, in order. */
export interface ExecutionRecording {
  rulesets: string[];
  actions: { ruleset: string; rule: string; action: Action }[];
  stateChanges: { entityType: string; entityRef: string; from: string; to: string }[];
}

export const newRecording = (): ExecutionRecording => ({ rulesets: [], actions: [], stateChanges: [] });

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
  /** How rules read stock by default: from the read model first, exactly on a re-run. */
  stockRead?: StockRead;
}

/** Why an event FAILED or was a NO_MATCH, as its record and the API show it. */
export interface ExecutionError {
  code: string;
  message: string;
}

/** Where the execution was, for the EXCEPTION or LOOP_GUARD audit entry. */
export interface ExecutionPosition {
  eventName: string;
  entityType: string;
  entityRef: string;
  ruleset?: string;
  rule?: string;
  inlineEventId?: string;
}

/** What a successful execution leaves for the commit. */
export interface ExecutionEffects {
  entities: EntityChange[];
  /** In the order the rules asked for them. */
  inventory: InventoryChange[];
  outbox: OutboxRecord[];
  scheduled: ScheduledEventRecord[];
  /** The received event's entity after the execution. */
  entity: Entity | undefined;
}

/** A rule threw, or the loop guard tripped: what was thrown and where the execution stood. */
export interface ExecutionFailure {
  cause: unknown;
  position: ExecutionPosition;
  /** Rulesets started, the one that tripped the loop guard included. */
  rulesetsRun: number;
}

export type NoMatch = {
  outcome: 'NO_MATCH';
  error: { code: 'ENTITY_NOT_FOUND' | 'ENTITY_EXISTS' | 'NO_MATCHING_RULESET'; message: string };
};

/** How an execution ended; only SUCCESS has anything to commit. */
export type ExecutionOutcome =
  | { outcome: 'SUCCESS'; effects: ExecutionEffects }
  | NoMatch
  | { outcome: 'FAILED'; failure: ExecutionFailure };
