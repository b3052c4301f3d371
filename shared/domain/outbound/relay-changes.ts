import type { OrdoEvent, OutboxRecord } from '../../engine/engine-model';
import type { BusPublisher } from '../../ports/bus-publisher';
import type { EventQueue } from '../../ports/event-queue';
import type { RunScope } from '../../ports/run-scope';
import type { WebhookDispatch } from '../../ports/webhook-dispatch';
import type { AccountChange, OutboxOwner } from './account-change';
import type { OutboundEvent } from './outbound-event';

/** What relaying one account's changes needs. */
export interface AccountRelay {
  accountId: string;
  /** What leaves Ordo because of a change: built-in domain events, and the messages outbox records carry. */
  eventsOf(change: AccountChange): Promise<OutboundEvent[]>;
  bus: BusPublisher;
  webhooks: WebhookDispatch;
  queue: EventQueue;
  outbox: {
    /** Read consistently: the inline path or an earlier try may have relayed and removed it. */
    exists(owner: OutboxOwner, record: OutboxRecord): Promise<boolean>;
    remove(owner: OutboxOwner, records: OutboxRecord[]): Promise<void>;
  };
  /** Each change is relayed in the chain of the request that made it. */
  scope: Pick<RunScope, 'ofChange'>;
}

export interface RelayOutcome {
  /** Changes relayed, or found relayed already, from the start of the list. */
  handled: number;
  /** The change that failed and every change after it, for the stream to hand on again in order. */
  failed: AccountChange[];
  /** Why the first of them failed. */
  error?: unknown;
}

/** How long the relay may take: webhooks' first attempts that would end later are queued instead of made. */
export type RelayOptions = { attemptBefore?: Date };

const deliver = async (events: readonly OutboundEvent[], relay: AccountRelay, options: RelayOptions): Promise<void> => {
  const toBus = events.filter((event) => event.toBus);
  if (toBus.length) await relay.bus.publish(toBus);
  for (const event of events) if (event.toWebhooks) await relay.webhooks.dispatch(event, options);
};

const relayChange = async (change: AccountChange, relay: AccountRelay, options: RelayOptions): Promise<void> => {
  if (change.kind !== 'OUTBOX') return deliver(await relay.eventsOf(change), relay, options);
  const { owner, record } = change;
  if (!(await relay.outbox.exists(owner, record))) return;
  if (record.kind === 'EVENT') {
    // Deduplicated by the event's id, so the inline path having sent it too costs nothing.
    await relay.queue.enqueue({ accountId: relay.accountId, event: record.payload as unknown as OrdoEvent });
  }
  await deliver(await relay.eventsOf(change), relay, options);
  // Removed only once delivered: a crash in between delivers again (the same ids), never loses it.
  await relay.outbox.remove(owner, [record]);
};

/**
 * Relays an account's changes in stream order, at least once: each change's outbound events go
 * on the bus and to the webhook subscriptions, an outbox record's event goes on the events queue,
 * and the record is then removed. The first failure stops the rest, so the stream hands that
 * change and those after it on again, in order.
 */
export const relayChanges = async (changes: readonly AccountChange[], relay: AccountRelay, options: RelayOptions = {}): Promise<RelayOutcome> => {
  for (const [index, change] of changes.entries()) {
    try {
      await relay.scope.ofChange(change, () => relayChange(change, relay, options));
    } catch (error) {
      return { handled: index, failed: changes.slice(index), error };
    }
  }
  return { handled: changes.length, failed: [] };
};
