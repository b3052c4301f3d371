import type { AccountChange, OutboxOwner } from '../../shared/domain/outbound/account-change';
import type { OutboundEvent } from '../../shared/domain/outbound/outbound-event';
import type { AccountRelay } from '../../shared/domain/outbound/relay-changes';
import type { OutboxRecord } from '../../shared/engine/engine-model';
import type { BusPublisher } from '../../shared/ports/bus-publisher';
import type { WebhookDispatch } from '../../shared/ports/webhook-dispatch';
import { InMemoryEventQueue } from './orchestration';

/** What the relay's parts did, in order, so a test can tell what came first. */
export type RelayJournal = string[];

/** The bus, as a list of what was put on it. */
export class RecordingBus implements BusPublisher {
  readonly published: OutboundEvent[] = [];
  /** Set to make every publish fail, as a throttled bus would. */
  failure: Error | undefined;

  constructor(private readonly journal: RelayJournal = []) {}

  async publish(events: readonly OutboundEvent[]): Promise<void> {
    if (this.failure) throw this.failure;
    for (const event of events) this.journal.push(`bus ${event.id}`);
    this.published.push(...structuredClone(events));
  }
}

/** The webhook dispatch, as a list of what was handed to it. */
export class RecordingDispatch implements WebhookDispatch {
  readonly dispatched: OutboundEvent[] = [];
  /** Set to make every dispatch fail, as a delivery store that cannot be written would. */
  failure: Error | undefined;

  constructor(private readonly journal: RelayJournal = []) {}

  async dispatch(event: OutboundEvent): Promise<void> {
    if (this.failure) throw this.failure;
    this.journal.push(`webhook ${event.id}`);
    this.dispatched.push(structuredClone(event));
  }
}

const recordKey = (owner: OutboxOwner, record: OutboxRecord) => `${owner.retailerId}|${owner.eventId}|${record.id}`;

/** Outbox records by their owner and id; a removed record no longer exists. */
export class InMemoryRelayOutbox {
  readonly held = new Set<string>();
  /** Set to make every removal fail, as a crash between delivery and removal would. */
  failure: Error | undefined;

  constructor(private readonly journal: RelayJournal = []) {}

  add(owner: OutboxOwner, record: OutboxRecord): void {
    this.held.add(recordKey(owner, record));
  }

  async exists(owner: OutboxOwner, record: OutboxRecord): Promise<boolean> {
    return this.held.has(recordKey(owner, record));
  }

  async remove(owner: OutboxOwner, records: OutboxRecord[]): Promise<void> {
    if (this.failure) throw this.failure;
    for (const record of records) {
      this.journal.push(`remove ${record.id}`);
      this.held.delete(recordKey(owner, record));
    }
  }
}

/** The events queue, noting each send in the journal too. */
class JournaledQueue extends InMemoryEventQueue {
  constructor(private readonly journal: RelayJournal) {
    super();
  }

  override async enqueue(...args: Parameters<InMemoryEventQueue['enqueue']>): Promise<void> {
    await super.enqueue(...args);
    this.journal.push(`queue ${args[0].event.id}`);
  }
}

/**
 * A stand-in for the outbound events of a change, so the relay is tested on its own: an outbox
 * PUBLISH record makes one bus event, a WEBHOOK record one webhook message, an EVENT record none,
 * and any other change one event for both, each with an id taken from what changed.
 */
export const plainEventsOf = (accountId: string) => async (change: AccountChange): Promise<OutboundEvent[]> => {
  const event = (id: string, type: string, toBus: boolean, toWebhooks: boolean): OutboundEvent => ({
    id,
    type,
    occurredOn: change.at,
    accountId,
    retailerId: 'r1',
    data: {},
    toBus,
    toWebhooks,
  });
  switch (change.kind) {
    case 'OUTBOX':
      if (change.record.kind === 'PUBLISH') return [event(change.record.id, 'custom.published', true, false)];
      if (change.record.kind === 'WEBHOOK') return [event(change.record.id, 'custom.webhook', false, true)];
      return [];
    case 'ENTITY':
      return [event(`${change.after.ref}@${change.after.version}`, 'order.status_changed', true, true)];
    case 'EVENT':
      return [event(`${change.after.event.id}@${change.after.attempts}`, 'event.failed', true, true)];
    case 'BATCH':
      return [event(change.after.batchId, 'batch.completed', true, true)];
    case 'BATCH_CHUNK':
      return [event(`${change.batchId}#${change.result.chunk}`, 'batch.completed', true, true)];
  }
};

export interface FakeRelay {
  relay: AccountRelay;
  journal: RelayJournal;
  bus: RecordingBus;
  webhooks: RecordingDispatch;
  queue: InMemoryEventQueue;
  outbox: InMemoryRelayOutbox;
}

/** An account's relay over recording fakes sharing one journal. */
export const fakeRelay = (accountId = 'acme', eventsOf = plainEventsOf(accountId)): FakeRelay => {
  const journal: RelayJournal = [];
  const bus = new RecordingBus(journal);
  const webhooks = new RecordingDispatch(journal);
  const queue = new JournaledQueue(journal);
  const outbox = new InMemoryRelayOutbox(journal);
  const scope = { ofChange: <T>(_change: unknown, run: () => Promise<T>) => run() };
  return { relay: { accountId, eventsOf, bus, webhooks, queue, outbox, scope }, journal, bus, webhooks, queue, outbox };
};
