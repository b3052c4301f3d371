import { ChangeMessageVisibilityBatchCommand, ReceiveMessageCommand, type Message } from '@aws-sdk/client-sqs';
import type { SQSEvent } from 'aws-lambda';
import { handler as processQueuedEvents } from '../../functions/engine/process-queued-events';
import { loadSettings } from '../../shared/composition/settings';
import type { QueuedEvent } from '../../shared/ports/event-queue';
import { lambdaContext } from './api-gateway-event';
import { deleteHandled, localSqs, queueUrlOf, sqsEventOf } from './local-queue';

/** The stage's FIFO events queue, as the handlers under test name it. */
const queueName = () => loadSettings().eventsQueueName;

const client = localSqs;
const queueUrl = () => queueUrlOf(queueName());

const accountOf = (message: Message): string | undefined => {
  try {
    return (JSON.parse(message.Body ?? '') as QueuedEvent).accountId;
  } catch {
    return undefined;
  }
};

/** A FIFO queue's records carry their group, deduplication id and sequence number. */
export const fifoEventOf = (messages: Message[]): SQSEvent =>
  sqsEventOf(messages, queueName(), (message) => ({
    ApproximateReceiveCount: '1',
    SentTimestamp: String(Date.now()),
    SenderId: 'local',
    ApproximateFirstReceiveTimestamp: String(Date.now()),
    MessageGroupId: message.Attributes?.MessageGroupId ?? 'group',
    MessageDeduplicationId: message.Attributes?.MessageDeduplicationId ?? message.MessageId,
    SequenceNumber: message.Attributes?.SequenceNumber ?? '1',
  }));

/**
 * Receives one round of what waits on the events queue. Messages of other accounts (other test
 * files share the queue) are made visible again at once and left alone.
 */
const receiveFor = async (accountId: string): Promise<Message[]> => {
  const QueueUrl = await queueUrl();
  const { Messages = [] } = await client().send(
    new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: 30, MessageSystemAttributeNames: ['All'] }),
  );
  const others = Messages.filter((message) => accountOf(message) !== accountId);
  if (others.length) {
    await client().send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl,
        Entries: others.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle as string, VisibilityTimeout: 0 })),
      }),
    );
  }
  return Messages.filter((message) => accountOf(message) === accountId);
};

/** The events waiting on the events queue for the account, received and left there (visible again). */
export const peekQueuedEvents = async (accountId: string): Promise<QueuedEvent[]> => {
  const messages = await receiveFor(accountId);
  if (messages.length) {
    await client().send(
      new ChangeMessageVisibilityBatchCommand({
        QueueUrl: await queueUrl(),
        Entries: messages.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle as string, VisibilityTimeout: 0 })),
      }),
    );
  }
  return messages.map((message) => JSON.parse(message.Body as string) as QueuedEvent);
};

/**
 * The function's timeout in serverless.yml: a 200-line order's execution, on two cores shared with the rest of the
 * suite, can take longer than a route's budget, as it may on AWS.
 */
const PROCESS_QUEUED_EVENTS_TIMEOUT_MS = 50_000;

/**
 * Does what the SQS event source does in AWS for one account, in this process: hands the
 * account's queued events to the process-queued-events handler and deletes those it did not
 * report as failed, until a few rounds find none (events the handler relays are queued anew).
 * Returns the events it handed over. A failed record throws, unless `failed: 'delete'` (a suite that
 * only clears the queue after itself) has it deleted with the rest.
 */
export const runQueuedEvents = async (
  accountId: string,
  emptyRounds = 3,
  { failed = 'throw' }: { failed?: 'throw' | 'delete' } = {},
): Promise<QueuedEvent[]> => {
  const handled: QueuedEvent[] = [];
  for (let empty = 0; empty < emptyRounds; ) {
    const messages = await receiveFor(accountId);
    if (!messages.length) {
      empty++;
      await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    empty = 0;
    const processing = processQueuedEvents(fifoEventOf(messages), lambdaContext('processQueuedEvents', PROCESS_QUEUED_EVENTS_TIMEOUT_MS)) as Promise<{
      batchItemFailures: { itemIdentifier: string }[];
    }>;
    // Powertools throws when every record of a batch failed; a suite only clearing the queue deletes them all the same.
    const reply = failed === 'delete' ? await processing.catch(() => ({ batchItemFailures: [] })) : await processing;
    const done = await deleteHandled(queueName(), messages, failed === 'delete' ? { batchItemFailures: [] } : reply);
    handled.push(...done.map((message) => JSON.parse(message.Body as string) as QueuedEvent));
    if (failed === 'throw' && reply.batchItemFailures.length) throw new Error(`queued events failed: ${reply.batchItemFailures.map((f) => f.itemIdentifier).join(', ')}`);
  }
  return handled;
};
