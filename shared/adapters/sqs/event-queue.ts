import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueUrl } from './queue-url';
import { createHash } from 'node:crypto';
import { messageGroupOf, type EventQueue, type QueuedEvent } from '../../ports/event-queue';

// SQS allows 128 characters of [A-Za-z0-9!-~] in group and deduplication ids.
const sqsId = (value: string) =>
  /^[\x21-\x7e]{1,128}$/.test(value) ? value : createHash('sha256').update(value).digest('hex');

export class SqsEventQueue implements EventQueue {
  private readonly queueUrl: QueueUrl;

  constructor(
    private readonly client: SQSClient,
    queueName: string,
  ) {
    this.queueUrl = new QueueUrl(client, queueName);
  }

  async enqueue(message: QueuedEvent, deduplicationId = message.event.id): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: await this.queueUrl.get(),
        MessageBody: JSON.stringify(message),
        MessageGroupId: sqsId(messageGroupOf(message)),
        MessageDeduplicationId: sqsId(deduplicationId),
      }),
    );
  }
}
