import { SendMessageBatchCommand, SendMessageCommand, type SendMessageBatchRequestEntry, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueUrl } from './queue-url';
import { createHash } from 'node:crypto';
import type { EventQueue, QueuedEvent } from '../../ports/event-queue';
import { deduplicationIdOf, messageGroupOf } from './fifo-message-ids';

// SQS allows 128 characters of [A-Za-z0-9!-~] in group and deduplication ids; an id that fits
// stays readable in the console, a longer one becomes its SHA-256.
const sqsId = (value: string) =>
  /^[\x21-\x7e]{1,128}$/.test(value) ? value : createHash('sha256').update(value).digest('hex');

// SendMessageBatch takes at most 10 entries and 256 KiB of bodies a call.
const MAX_ENTRIES = 10;
const MAX_CALL_BYTES = 256 * 1024;

const entryOf = (message: QueuedEvent, index: number): SendMessageBatchRequestEntry => ({
  Id: String(index),
  MessageBody: JSON.stringify(message),
  MessageGroupId: sqsId(messageGroupOf(message)),
  MessageDeduplicationId: sqsId(deduplicationIdOf(message)),
});

/** Consecutive runs of entries that fit one SendMessageBatch call, in their order. */
const callsOf = (entries: readonly SendMessageBatchRequestEntry[]): SendMessageBatchRequestEntry[][] => {
  const calls: SendMessageBatchRequestEntry[][] = [];
  let bytes = 0;
  for (const entry of entries) {
    const size = Buffer.byteLength(entry.MessageBody ?? '');
    const current = calls[calls.length - 1];
    if (!current || current.length === MAX_ENTRIES || bytes + size > MAX_CALL_BYTES) {
      calls.push([entry]);
      bytes = size;
    } else {
      current.push(entry);
      bytes += size;
    }
  }
  return calls;
};

export class SqsEventQueue implements EventQueue {
  private readonly queueUrl: QueueUrl;

  constructor(
    private readonly client: SQSClient,
    queueName: string,
  ) {
    this.queueUrl = new QueueUrl(client, queueName);
  }

  async enqueue(message: QueuedEvent, deduplicationKey?: string): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: await this.queueUrl.get(),
        MessageBody: JSON.stringify(message),
        MessageGroupId: sqsId(messageGroupOf(message)),
        MessageDeduplicationId: sqsId(deduplicationIdOf(message, deduplicationKey)),
      }),
    );
  }

  async enqueueAll(messages: readonly QueuedEvent[]): Promise<void> {
    if (!messages.length) return;
    const QueueUrl = await this.queueUrl.get();
    // One call after the other: a FIFO queue keeps the order of entries within a call and
    // across calls that do not overlap.
    for (const Entries of callsOf(messages.map(entryOf))) {
      const { Failed = [] } = await this.client.send(new SendMessageBatchCommand({ QueueUrl, Entries }));
      if (Failed.length) {
        const [first] = Failed;
        throw new Error(`${Failed.length} of ${Entries.length} events were not queued; the first: ${first?.Code} ${first?.Message}`);
      }
    }
  }
}
