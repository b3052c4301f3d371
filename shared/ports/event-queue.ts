import type { OrdoEvent } from '../engine/engine-model';

/** What travels on the orchestration queue. The account comes from the authenticated sender. */
export interface QueuedEvent {
  accountId: string;
  event: OrdoEvent;
}

export interface EventQueue {
  /**
   * FIFO per account, retailer and root entity. `deduplicationKey` defaults to the event id;
   * the queue scopes it to the event's account and retailer (`deduplicationIdOf`), so a resend
   * within the queue's window is dropped while another tenant's event of the same id is not.
   * A re-drive passes a fresh key.
   */
  enqueue(message: QueuedEvent, deduplicationKey?: string): Promise<void>;
  /**
   * Sends many messages, each deduplicated by its event id, in the order given, so messages of
   * one group keep their order. Fails when any of them could not be sent; fixed event ids make
   * sending them all again safe.
   */
  enqueueAll(messages: readonly QueuedEvent[]): Promise<void>;
}
