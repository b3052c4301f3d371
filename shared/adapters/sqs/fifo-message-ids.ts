import type { QueuedEvent } from '../../ports/event-queue';

// '#' separates the parts; escaping it (and the escape character) inside a part keeps two
// different tuples from ever joining into the same id.
const idOf = (...parts: string[]): string => parts.map((part) => part.replace(/%/g, '%25').replace(/#/g, '%23')).join('#');

export const messageGroupOf = ({ accountId, event }: QueuedEvent): string =>
  idOf(accountId, event.retailerId, event.rootEntityType ?? event.entityType, event.rootEntityRef ?? event.entityRef);

/**
 * FIFO deduplication is by id alone, queue-wide on a queue (or emulator) without
 * per-group deduplication, and event ids are chosen by senders: the id names the account
 * and the retailer so that one tenant's event can never swallow another's.
 */
export const deduplicationIdOf = ({ accountId, event }: QueuedEvent, deduplicationKey = event.id): string =>
  idOf(accountId, event.retailerId, deduplicationKey);
