import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueUrl } from './queue-url';
import type { BatchChunk } from '../../domain/jobs/batch';
import type { ChunkQueue } from '../../ports/chunk-queue';

/**
 * Chunks on the standard inventory queue, one message each. Messages go one by one rather
 * than with SendMessageBatch, whose 256 KB cap is on the whole call: two chunks would not fit.
 */
export class SqsChunkQueue implements ChunkQueue {
  private readonly queueUrl: QueueUrl;

  constructor(
    private readonly client: SQSClient,
    queueName: string,
  ) {
    this.queueUrl = new QueueUrl(client, queueName);
  }

  async enqueue(chunks: readonly BatchChunk[]): Promise<void> {
    if (!chunks.length) return;
    const QueueUrl = await this.queueUrl.get();
    await Promise.all(chunks.map((chunk) => this.client.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(chunk) }))));
  }
}
