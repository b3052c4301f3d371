import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { loadSettings } from '../../shared/composition/settings';
import type { QueuedEvent } from '../../shared/ports/event-queue';
import { localSqs, queueUrlOf } from '../support/local-queue';

/** The events queue's DLQ, as the stage names it: where an event goes after its last failed delivery. */
const deadLetterQueueName = () => loadSettings().eventsQueueName.replace(/\.fifo$/, '-dlq.fifo');

/**
 * The ids of the events the DLQ holds: stuck, and re-drivable by POST /v1/events/{eventId}/retry. Received with a
 * long visibility timeout, so each round meets new messages, and left there.
 */
export const deadLetteredEventIds = async (deadline: number): Promise<Set<string>> => {
  const QueueUrl = await queueUrlOf(deadLetterQueueName());
  const ids = new Set<string>();
  while (Date.now() < deadline) {
    const { Messages = [] } = await localSqs().send(new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 60 }));
    if (!Messages.length) break;
    for (const message of Messages) ids.add((JSON.parse(message.Body as string) as QueuedEvent).event.id);
  }
  return ids;
};
