import type { Engine } from '../../engine/engine';
import type { EventRecord, OutboxRecord } from '../../engine/engine-model';
import type { EngineStore } from '../../engine/engine-store';
import type { RuleRegistry } from '../../engine/rule-registry';
import type { Clock } from '../../ports/clock';
import type { EntityIndex } from '../../ports/entity-index';
import type { EventLog } from '../../ports/event-log';
import type { EventQueue } from '../../ports/event-queue';
import type { OrchestrationMetrics } from '../../ports/operational-metrics';
import type { RetailerClaims } from '../../ports/retailer-claims';
import type { RunScope } from '../../ports/run-scope';
import type { StagedStock } from '../../ports/stock-staging';
import type { RegisteredRetailers } from '../../ports/registered-retailers';
import type { ScheduledEvents } from '../../ports/scheduled-events';
import type { StuckEventRecords } from '../../ports/stuck-event-records';
import type { WorkflowRepository } from '../../ports/workflow-repository';

/** Everything the orchestration use cases need for one account, bound to its own table. */
export interface AccountOrchestration {
  accountId: string;
  engine: Engine;
  registry: RuleRegistry;
  workflows: WorkflowRepository;
  events: EventLog;
  queue: EventQueue;
  scheduled: ScheduledEvents;
  entities: Pick<EngineStore, 'loadRoot'>;
  entityIndex: EntityIndex;
  /** Which retailers hold a root ref or an event id, for reads that do not name the retailer. */
  claims: RetailerClaims;
  clock: Clock;
  /** Store operations the engine itself does not need. */
  eventRecords: {
    recordPending(record: EventRecord): Promise<void>;
    recordDuplicate(retailerId: string, eventId: string, at: string): Promise<void>;
  };
  /** Failures and DLQ marks of queued events, which keep them re-drivable. */
  stuckEvents: StuckEventRecords;
  /** How long an event may stay PENDING (since received or re-driven) before it counts as STUCK. */
  stuckAfterMs: number;
  /** Outbox records not relayed yet, kept with the event (of its retailer) that wrote them; relaying removes them. */
  outbox: {
    pending(of: { retailerId: string; eventId: string }): Promise<OutboxRecord[]>;
    remove(of: { retailerId: string; eventId: string }, records: OutboxRecord[]): Promise<void>;
  };
  /** Events by outcome and orders created, counted for operators. */
  metrics: OrchestrationMetrics;
  /** Names the event on every line its run logs. */
  runScope: RunScope;
  /** Orders and workflows name a registered retailer. */
  retailers: RegisteredRetailers;
  /** Stock staged ahead of commits too large for one transaction, for the sweep of what a crash abandoned. */
  stagedStock?: StagedStock;
}
