import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { loadSettings } from '../../shared/composition/settings';
import type { QueuedEvent } from '../../shared/ports/event-queue';
import { localSqs, queueUrlOf } from '../support/local-queue';

/** The events queue's DLQ, as the stage names it: where an event goes after its last failed delivery. */
const deadLetterQueueName = () => loadSettings().eventsQueueName.replace(/\.fifo$/, '-dlq.fifo');

/** An event the DLQ holds, by its id: whose it is and what it is. */
export type DeadLetters = ReadonlyMap<string, { accountId: string; name: string }>;

/**
 * The events the DLQ holds: stuck, and re-drivable by POST /v1/events/{eventId}/retry. Received with a long
 * visibility timeout, so each round meets new messages, and left there.
 */
export const deadLetteredEvents = async (deadline: number): Promise<DeadLetters> => {
  const QueueUrl = await queueUrlOf(deadLetterQueueName());
  const events = new Map<string, { accountId: string; name: string }>();
  while (Date.now() < deadline) {
    const { Messages = [] } = await localSqs().send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60 }));
    if (!Messages.length) break;
    for (const message of Messages) {
      const { accountId, event } = JSON.parse(message.Body as string) as QueuedEvent;
      events.set(event.id, { accountId, name: event.name });
    }
  }
  return events;
};
