import { DeleteMessageBatchCommand, ReceiveMessageCommand, SendMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { handler as processQueuedEvents } from '../../functions/engine/process-queued-events';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { loadSettings } from '../../shared/composition/settings';
import { runQueuedMessage } from '../../shared/domain/orchestration/queued-event';
import { lambdaContext } from '../support/api-gateway-event';
import { fifoEventOf } from '../support/events-queue';
import { localSqs, queueUrlOf } from '../support/local-queue';
import type { FaultPlan } from './faults';

/** What the consumer did, for the run's table. */
export interface PumpCounts {
  batches: number;
  /** Deliveries of a message after its first (ApproximateReceiveCount above 1): retries after a failure or a crash. */
  redeliveries: number;
  /** Records the handler reported failed (they come back after the visibility timeout). */
  failedRecords: number;
  /** Messages handled and deleted. */
  acked: number;
}

type BatchReply = { batchItemFailures: { itemIdentifier: string }[] };

/** How long a received message stays hidden: short, so a message a crash left behind comes back within the run. */
const VISIBILITY_SECONDS = 1;

/**
 * Another worker on the same messages, as a second Lambda would be: each record run as the function runs it, in
 * order, its answer ignored (the queue hears from the first). Not the handler itself: its batch processor is one
 * per container and keeps one batch's state, which two batches at once in one process would share.
 */
const secondWorker = async (messages: Message[]): Promise<void> => {
  const context = { orchestrationOf, onFailureNotKept: () => undefined };
  for (const message of messages) await runQueuedMessage(message.Body as string, context).catch(() => undefined);
};

/**
 * The events queue's consumer, in this process, as the SQS event source runs the process-queued-events function:
 * receive a batch, hand it to the handler, delete what it did not report failed. The faults happen here: a message
 * sent again (duplicate delivery), a second worker on the same batch (a race), a handled message never deleted (a
 * crash before the ack).
 */
export class EventsPump {
  readonly counts: PumpCounts = { batches: 0, redeliveries: 0, failedRecords: 0, acked: 0 };
  private duplicates = 0;

  constructor(private readonly faults: FaultPlan) {}

  /** One receive and what follows; the number of messages received. */
  async round(): Promise<number> {
    const queueName = loadSettings().eventsQueueName;
    const QueueUrl = await queueUrlOf(queueName);
    const { Messages = [] } = await localSqs().send(
      new ReceiveMessageCommand({ QueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0, VisibilityTimeout: VISIBILITY_SECONDS, MessageSystemAttributeNames: ['All'], AttributeNames: ['All'] }),
    );
    if (!Messages.length) return 0;
    this.counts.batches++;
    this.counts.redeliveries += Messages.filter((message) => Number(message.Attributes?.ApproximateReceiveCount ?? '1') > 1).length;
    for (const message of Messages) if (this.faults.strikes('duplicate')) await this.sendAgain(QueueUrl, message);

    const event = fifoEventOf(Messages);
    const run = () =>
      (processQueuedEvents(event, lambdaContext('processQueuedEvents', 30_000)) as Promise<BatchReply>).catch(
        // Powertools throws when every record failed: all of them stay on the queue.
        (): BatchReply => ({ batchItemFailures: Messages.map((message) => ({ itemIdentifier: message.MessageId as string })) }),
      );
    const [reply] = await Promise.all([run(), ...(this.faults.strikes('race') ? [secondWorker(Messages)] : [])]);

    const failed = new Set(reply.batchItemFailures.map((failure) => failure.itemIdentifier));
    this.counts.failedRecords += failed.size;
    const handled = Messages.filter((message) => !failed.has(message.MessageId as string));
    const acked = handled.filter(() => !this.faults.strikes('afterCommit'));
    if (acked.length) {
      await localSqs().send(
        new DeleteMessageBatchCommand({ QueueUrl, Entries: acked.map((message, i) => ({ Id: String(i), ReceiptHandle: message.ReceiptHandle as string })) }),
      );
    }
    this.counts.acked += acked.length;
    return Messages.length;
  }

  /** The same body on the queue again, in its group, under a deduplication id of its own so the queue keeps it. */
  private async sendAgain(QueueUrl: string, message: Message): Promise<void> {
    const group = message.Attributes?.MessageGroupId ?? 'group';
    const deduplication = message.Attributes?.MessageDeduplicationId ?? (message.MessageId as string);
    await localSqs().send(
      new SendMessageCommand({ QueueUrl, MessageBody: message.Body, MessageGroupId: group, MessageDeduplicationId: `${deduplication}#again${++this.duplicates}`.slice(0, 128) }),
    );
  }
}
