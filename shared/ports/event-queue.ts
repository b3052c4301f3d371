import type { OrdoEvent } from '../engine/model';

/** What travels on the orchestration queue. The account comes from the authenticated sender. */
export interface QueuedEvent {
  accountId: string;
  event: OrdoEvent;
}

export interface EventQueue {
  /**
   * FIFO per account and root entity. `deduplicationId` defaults to the event id, so a
   * resend within the queue's window is dropped; a re-drive passes a fresh one.
   */
  enqueue(message: QueuedEvent, deduplicationId?: string): Promise<void>;
  /**
   * Sends many messages, each deduplicated by its event id, in the order given, so messages of
   * one group keep their order. Fails when any of them could not be sent; fixed event ids make
   * sending them all again safe.
   */
  enqueueAll(messages: readonly QueuedEvent[]): Promise<void>;
}

export const messageGroupOf = ({ accountId, event }: QueuedEvent): string =>
  `${accountId}#${event.rootEntityType ?? event.entityType}#${event.rootEntityRef ?? event.entityRef}`;
