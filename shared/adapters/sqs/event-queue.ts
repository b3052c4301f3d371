import { GetQueueUrlCommand, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { createHash } from 'node:crypto';
import { messageGroupOf, type EventQueue, type QueuedEvent } from '../../ports/event-queue';

// SQS allows 128 characters of [A-Za-z0-9!-~] in group and deduplication ids.
const sqsId = (value: string) =>
  /^[\x21-\x7e]{1,128}$/.test(value) ? value : createHash('sha256').update(value).digest('hex');

export class SqsEventQueue implements EventQueue {
  private queueUrl?: Promise<string>;

  constructor(
    private readonly client: SQSClient,
    private readonly queueName: string,
  ) {}

  async enqueue(message: QueuedEvent, deduplicationId = message.event.id): Promise<void> {
    await this.client.send(
      new SendMessageCommand({
        QueueUrl: await this.url(),
        MessageBody: JSON.stringify(message),
        MessageGroupId: sqsId(messageGroupOf(message)),
        MessageDeduplicationId: sqsId(deduplicationId),
      }),
    );
  }

  /** Looked up once per container, so the deployment only needs the queue's name. */
  private url(): Promise<string> {
    this.queueUrl ??= this.client
      .send(new GetQueueUrlCommand({ QueueName: this.queueName }))
      .then(({ QueueUrl }) => {
        if (!QueueUrl) throw new Error(`Queue ${this.queueName} has no URL`);
        return QueueUrl;
      })
      .catch((error: unknown) => {
        this.queueUrl = undefined;
        throw error;
      });
    return this.queueUrl;
  }
}
