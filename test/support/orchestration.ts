import type { AccountOrchestration } from '../../shared/domain/orchestration/account-orchestration';
import { Engine } from '../../shared/engine/engine';
import { InMemoryEngineStore, eventRecordKey } from '../../shared/engine/in-memory-store';
import type { AuditRecord, Entity, EventRecord, OrdoEvent, OutboxRecord, ScheduledEventRecord } from '../../shared/engine/engine-model';
import { createCoreRegistry } from '../../shared/engine/rules/core/core-rules';
import type { Workflow, WorkflowKey } from '../../shared/engine/workflow';
import type { EntityIndex, EntityListQuery } from '../../shared/ports/entity-index';
import type { EventLog, EventLogFilter, LoggedEvent } from '../../shared/ports/event-log';
import type { EventQueue, QueuedEvent } from '../../shared/ports/event-queue';
import { deduplicationIdOf, messageGroupOf } from '../../shared/adapters/sqs/fifo-message-ids';
import type { ScheduledEvents } from '../../shared/ports/scheduled-events';
import type { EventFailure, StuckEventRecords } from '../../shared/ports/stuck-event-records';
import type { WorkflowRepository, WorkflowVersionEntry } from '../../shared/ports/workflow-repository';
import { ManualClock } from './clock';
import { RecordingMetrics } from './metrics';
import { InMemoryRegisteredRetailers } from './registered-retailers';

export interface SentMessage {
  message: QueuedEvent;
  /** What SqsEventQueue would send as MessageGroupId and MessageDeduplicationId (before hashing long values). */
  groupId: string;
  deduplicationId: string;
}

/**
 * The orchestration queue as a list of what was sent. It records every message, also one a
 * FIFO queue would drop as a duplicate, so a test can count the sends.
 */
export class InMemoryEventQueue implements EventQueue {
  readonly sent: SentMessage[] = [];
  /** Set to make enqueue fail, as an SQS outage would. */
  failure: Error | undefined;

  async enqueue(message: QueuedEvent, deduplicationKey?: string): Promise<void> {
    if (this.failure) throw this.failure;
    // A sweep or relay that never stops would otherwise hang the test run instead of failing it.
    if (this.sent.length >= 10_000) throw new Error('fake: more than 10000 messages enqueued; is a loop running away?');
    this.sent.push({ message: structuredClone(message), groupId: messageGroupOf(message), deduplicationId: deduplicationIdOf(message, deduplicationKey) });
  }

  /** The sizes of the enqueueAll calls, in order. */
  readonly calls: number[] = [];

  async enqueueAll(messages: readonly QueuedEvent[]): Promise<void> {
    this.calls.push(messages.length);
    for (const message of messages) await this.enqueue(message);
  }

  /** The events sent, in order. */
  get events(): OrdoEvent[] {
    return this.sent.map(({ message }) => message.event);
  }
}

type EventRecords = AccountOrchestration['eventRecords'];

/** The store operations of DynamoEngineStore that the engine does not use, over an InMemoryEngineStore. */
export class InMemoryEventRecords implements EventRecords {
  readonly duplicates: { retailerId: string; eventId: string; at: string }[] = [];

  constructor(private readonly store: InMemoryEngineStore) {}

  /** Like the DynamoDB adapter, a resent event id keeps its first record. */
  async recordPending(record: EventRecord): Promise<void> {
    const key = eventRecordKey(record.event.retailerId, record.event.id);
    if (!this.store.events.has(key)) this.store.events.set(key, structuredClone(record));
  }

  async recordDuplicate(retailerId: string, eventId: string, at: string): Promise<void> {
    this.duplicates.push({ retailerId, eventId, at });
  }

}

type StuckFields = Pick<LoggedEvent, 'lastError' | 'failedAttempts' | 'stuckSince' | 'redrivenOn'>;

/** StuckEventRecords over an InMemoryEngineStore: the marks sit beside its records, as extra fields do in DynamoDB. */
export class InMemoryStuckEvents implements StuckEventRecords {
  readonly marks = new Map<string, StuckFields>();
  /** Set to make every write fail, as a DynamoDB outage would. */
  failure: Error | undefined;

  constructor(private readonly store: InMemoryEngineStore) {}

  async recordFailure(event: OrdoEvent, failure: EventFailure): Promise<void> {
    const record = this.pendingRecord(event, failure.at);
    if (record.outcome !== 'PENDING' && record.outcome !== 'FAILED') return;
    const mark = this.markOf(event.retailerId, event.id);
    mark.lastError = failure;
    mark.failedAttempts = (mark.failedAttempts ?? 0) + 1;
  }

  async markStuck(event: OrdoEvent, at: string): Promise<{ marked: boolean; lastError?: EventFailure }> {
    const record = this.pendingRecord(event, at);
    if (record.outcome !== 'PENDING') return { marked: false };
    const mark = this.markOf(event.retailerId, event.id);
    mark.stuckSince ??= at;
    return mark.lastError ? { marked: true, lastError: mark.lastError } : { marked: true };
  }

  async markRedriven(retailerId: string, eventId: string, at: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.store.events.get(eventRecordKey(retailerId, eventId))?.outcome !== 'PENDING') return;
    const mark = this.markOf(retailerId, eventId);
    delete mark.stuckSince;
    mark.redrivenOn = at;
  }

  /** The marks of an event, as the event log shows them. */
  of(retailerId: string, eventId: string): StuckFields {
    return this.marks.get(eventRecordKey(retailerId, eventId)) ?? {};
  }

  private pendingRecord(event: OrdoEvent, at: string): EventRecord {
    if (this.failure) throw this.failure;
    const key = eventRecordKey(event.retailerId, event.id);
    const rootEntityType = event.rootEntityType ?? event.entityType;
    const rootRef = event.rootEntityRef ?? event.entityRef;
    if (!this.store.events.has(key)) this.store.events.set(key, { event: structuredClone(event), outcome: 'PENDING', receivedOn: at, rootEntityType, rootRef, attempts: 0 });
    return this.store.events.get(key) as EventRecord;
  }

  private markOf(retailerId: string, eventId: string): StuckFields {
    const key = eventRecordKey(retailerId, eventId);
    const mark = this.marks.get(key) ?? {};
    this.marks.set(key, mark);
    return mark;
  }
}

/** The outbox an InMemoryEngineStore committed, read and removed one event's records at a time like the DynamoDB adapter does. */
export class InMemoryOutbox {
  constructor(private readonly store: InMemoryEngineStore) {}

  async pending(of: { retailerId: string; eventId: string }): Promise<OutboxRecord[]> {
    return this.store.outboxOf(of.retailerId, of.eventId);
  }

  async remove(of: { retailerId: string; eventId: string }, records: OutboxRecord[]): Promise<void> {
    const held = this.store.outboxOf(of.retailerId, of.eventId);
    for (const record of records) {
      const index = this.store.outbox.findIndex((candidate) => candidate.id === record.id && held.includes(candidate));
      if (index >= 0) this.store.outbox.splice(index, 1);
    }
  }
}

/** The scheduled records an InMemoryEngineStore committed, read and removed like the DynamoDB adapter does. */
export class InMemoryScheduledEvents implements ScheduledEvents {
  /** Set to make every read fail, as a table still being created would. */
  failure: Error | undefined;

  constructor(private readonly store: InMemoryEngineStore) {}

  async due(now: string, limit: number): Promise<ScheduledEventRecord[]> {
    if (this.failure) throw this.failure;
    return this.store.scheduled
      .filter((record) => record.dueAt <= now)
      .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
      .slice(0, limit)
      .map((record) => structuredClone(record));
  }

  async remove(records: ScheduledEventRecord[]): Promise<void> {
    if (this.failure) throw this.failure;
    for (const record of records) {
      const index = this.store.scheduled.findIndex((candidate) => candidate.id === record.id);
      if (index >= 0) this.store.scheduled.splice(index, 1);
    }
  }
}

/** The read side of an InMemoryEngineStore's event records and audit. */
export class InMemoryEventLog implements EventLog {
  constructor(
    private readonly store: InMemoryEngineStore,
    private readonly records: InMemoryEventRecords,
    private readonly stuck?: InMemoryStuckEvents,
  ) {}

  /** Like the DynamoDB adapter, STUCK and PENDING split the PENDING events at `stuckBefore`. */
  private hasStatus(logged: LoggedEvent, filter: EventLogFilter): boolean {
    if (filter.status === undefined) return true;
    const outcome = filter.status === 'STUCK' ? 'PENDING' : filter.status;
    if (logged.outcome !== outcome) return false;
    if (!filter.stuckBefore || outcome !== 'PENDING') return true;
    const stuck = logged.stuckSince !== undefined || (logged.redrivenOn ?? logged.receivedOn) < filter.stuckBefore;
    return filter.status === 'STUCK' ? stuck : !stuck;
  }

  async list(filter: EventLogFilter): Promise<{ items: LoggedEvent[]; cursor?: string }> {
    const items = [...this.store.events.values()]
      .map((record) => this.logged(record))
      .filter(
        (record) =>
          (filter.rootEntityRef === undefined || record.rootRef === filter.rootEntityRef) &&
          (filter.retailerId === undefined || record.event.retailerId === filter.retailerId) &&
          (filter.entityRef === undefined || record.event.entityRef === filter.entityRef) &&
          this.hasStatus(record, filter) &&
          (filter.from === undefined || record.receivedOn >= filter.from) &&
          (filter.to === undefined || record.receivedOn <= filter.to),
      )
      .sort((a, b) => b.receivedOn.localeCompare(a.receivedOn))
      .slice(0, filter.limit);
    return { items };
  }

  async get(retailerId: string, eventId: string): Promise<{ event: LoggedEvent; audit: AuditRecord[] } | undefined> {
    const record = this.store.events.get(eventRecordKey(retailerId, eventId));
    return record && { event: this.logged(record), audit: this.store.auditOf(eventId, retailerId) };
  }

  private logged(record: EventRecord): LoggedEvent {
    const duplicateDeliveries = this.records.duplicates.filter(
      ({ retailerId, eventId }) => eventId === record.event.id && retailerId === record.event.retailerId,
    ).length;
    const marks = record.outcome === 'PENDING' ? this.stuck?.of(record.event.retailerId, record.event.id) : undefined;
    const logged: LoggedEvent = { ...structuredClone(record), ...structuredClone(marks ?? {}) };
    return duplicateDeliveries ? { ...logged, duplicateDeliveries } : logged;
  }
}

/** Versioned workflows in an InMemoryEngineStore; like the DynamoDB adapter it picks the next version itself. */
export class InMemoryWorkflowRepository implements WorkflowRepository {
  private readonly versions: WorkflowVersionEntry[] = [];

  constructor(private readonly store: InMemoryEngineStore) {}

  async saveNewVersion(workflow: Workflow, createdOn: string): Promise<number> {
    const latest = await this.store.loadWorkflow(workflow);
    const version = this.store.putWorkflow({ ...workflow, version: (latest?.version ?? 0) + 1 }).version as number;
    const { retailerId, entityType, subtype } = workflow;
    this.versions.push({ retailerId, entityType, subtype, version, createdOn });
    return version;
  }

  async listVersions(retailerId?: string): Promise<WorkflowVersionEntry[]> {
    return this.versions.filter((entry) => !retailerId || entry.retailerId === retailerId).map((entry) => ({ ...entry }));
  }

  async get(key: WorkflowKey, version?: number): Promise<(Workflow & { version: number }) | undefined> {
    return (await this.store.loadWorkflow(key, version)) as (Workflow & { version: number }) | undefined;
  }
}

/**
 * The entity indexes over an InMemoryEngineStore: the entities of every root an event was
 * recorded for (entities seeded with putEntity alone are not listed), newest first like
 * DynamoEntityIndex (by createdOn, or by updatedOn within a status). No cursor.
 */
export class InMemoryEntityIndex implements EntityIndex {
  constructor(private readonly store: InMemoryEngineStore) {}

  async list(query: EntityListQuery) {
    const roots = new Map<string, EventRecord>();
    for (const record of this.store.events.values()) {
      roots.set(JSON.stringify([record.event.retailerId, record.rootEntityType, record.rootRef]), record);
    }
    const entities: Entity[] = [];
    for (const record of roots.values()) {
      entities.push(...(await this.store.loadRoot(record.event.retailerId, record.rootEntityType, record.rootRef)));
    }
    const sortKey = (entity: Entity) => `${query.status ? entity.updatedOn : entity.createdOn}#${entity.ref}`;
    const items = entities
      .filter(
        (entity) =>
          entity.entityType === query.entityType &&
          (query.status === undefined || entity.status === query.status) &&
          (query.retailerId === undefined || entity.retailerId === query.retailerId) &&
          (query.refPrefix === undefined || entity.ref.startsWith(query.refPrefix)),
      )
      .sort((a, b) => sortKey(b).localeCompare(sortKey(a)))
      .slice(0, query.limit);
    return { items };
  }
}

/** An account's orchestration over in-memory ports, with the fakes exposed for the test to look into. */
export interface TestAccount extends AccountOrchestration {
  store: InMemoryEngineStore;
  queue: InMemoryEventQueue;
  eventRecords: InMemoryEventRecords;
  stuckEvents: InMemoryStuckEvents;
  scheduled: InMemoryScheduledEvents;
  events: InMemoryEventLog;
  workflows: InMemoryWorkflowRepository;
  entityIndex: InMemoryEntityIndex;
  clock: ManualClock;
  metrics: RecordingMetrics;
}

export const TEST_NOW = new Date('2025-03-14T09:26:53.000Z');

/** The composition of shared/composition/orchestration.ts for one account, every adapter replaced by an in-memory fake. */
export const inMemoryOrchestration = (
  accountId = 'acme',
  options: { workflows?: Workflow[]; clock?: ManualClock; queue?: InMemoryEventQueue; hopLimit?: number; stuckAfterMs?: number; retailers?: string[] } = {},
): TestAccount => {
  const store = new InMemoryEngineStore();
  for (const workflow of options.workflows ?? []) store.putWorkflow(workflow);
  const clock = options.clock ?? new ManualClock(TEST_NOW);
  const registry = createCoreRegistry();
  let next = 0;
  const ids = () => `${accountId}-id-${(next += 1)}`;
  const eventRecords = new InMemoryEventRecords(store);
  const stuckEvents = new InMemoryStuckEvents(store);
  return {
    accountId,
    engine: new Engine({ store, registry, clock, ids, hopLimit: options.hopLimit }),
    registry,
    workflows: new InMemoryWorkflowRepository(store),
    events: new InMemoryEventLog(store, eventRecords, stuckEvents),
    queue: options.queue ?? new InMemoryEventQueue(),
    scheduled: new InMemoryScheduledEvents(store),
    entities: store,
    entityIndex: new InMemoryEntityIndex(store),
    claims: store,
    clock,
    eventRecords,
    stuckEvents,
    stuckAfterMs: options.stuckAfterMs ?? 15 * 60_000,
    outbox: new InMemoryOutbox(store),
    metrics: new RecordingMetrics(),
    runScope: { ofEvent: (_eventId, run) => run(), ofChange: (_change, run) => run() },
    retailers: new InMemoryRegisteredRetailers(options.retailers),
    store,
  };
};

/**
 * What orchestrationFor hands out, for many accounts: one orchestration per account, made on
 * first use, all sharing one clock and one queue as the deployed functions do.
 */
export class InMemoryAccounts {
  readonly clock = new ManualClock(TEST_NOW);
  readonly queue = new InMemoryEventQueue();
  /** Account ids in the order orchestrationFor was asked for them. */
  readonly requested: string[] = [];
  private readonly accounts = new Map<string, TestAccount>();

  constructor(private readonly workflows: Workflow[] = []) {}

  /** Use as the orchestrationFor of the code under test: it records the request. */
  readonly orchestrationFor = (accountId: string): TestAccount => {
    this.requested.push(accountId);
    return this.account(accountId);
  };

  /** For the test itself, to prepare or inspect an account without it counting as a request. */
  account(accountId: string): TestAccount {
    let account = this.accounts.get(accountId);
    if (!account) {
      account = inMemoryOrchestration(accountId, { workflows: this.workflows, clock: this.clock, queue: this.queue });
      this.accounts.set(accountId, account);
    }
    return account;
  }
}
