import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { WebhookMessageRef, WebhookRetry, WebhookRetryQueue } from '../../ports/webhook-retry-queue';
import { QueueUrl } from './queue-url';

/** The longest SQS holds a message back. */
const MAX_DELAY_SECONDS = 900;

/** Webhook retries on the standard webhooks queue, held back with DelaySeconds; messages that FAILED copied to its DLQ. */
export class SqsWebhookRetryQueue implements WebhookRetryQueue {
  private readonly queueUrl: QueueUrl;
  private readonly deadLetterQueueUrl: QueueUrl;

  constructor(
    private readonly client: SQSClient,
    queueName: string,
    deadLetterQueueName: string,
  ) {
    this.queueUrl = new QueueUrl(client, queueName);
    this.deadLetterQueueUrl = new QueueUrl(client, deadLetterQueueName);
  }

  async schedule(retry: WebhookRetry, delaySeconds: number): Promise<void> {
    // SQS takes whole seconds within 0-900: rounding up never sends a retry before its time.
    const DelaySeconds = Math.min(MAX_DELAY_SECONDS, Math.max(0, Math.ceil(delaySeconds)));
    await this.client.send(new SendMessageCommand({ QueueUrl: await this.queueUrl.get(), MessageBody: JSON.stringify(retry), DelaySeconds }));
  }

  async deadLetter({ accountId, webhookId, messageId }: WebhookMessageRef): Promise<void> {
    await this.client.send(
      new SendMessageCommand({ QueueUrl: await this.deadLetterQueueUrl.get(), MessageBody: JSON.stringify({ accountId, webhookId, messageId }) }),
    );
  }
}
