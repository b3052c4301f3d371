import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { QueueUrl } from './queue-url';
import type { BatchChunk } from '../../domain/jobs/batch';
import type { ChunkQueue } from '../../ports/chunk-queue';

/** Told of each chunk that could not be sent, after the SDK's own retries. */
export type UnsentChunkListener = (chunk: BatchChunk, error: unknown) => void;

/**
 * Chunks on the standard inventory queue, one message each. Messages go one by one rather
 * than with SendMessageBatch, whose 256 KB cap is on the whole call: two chunks would not fit.
 */
export class SqsChunkQueue implements ChunkQueue {
  private readonly queueUrl: QueueUrl;

  constructor(
    private readonly client: SQSClient,
    queueName: string,
    private readonly onUnsent: UnsentChunkListener = () => undefined,
  ) {
    this.queueUrl = new QueueUrl(client, queueName);
  }

  async enqueue(chunks: readonly BatchChunk[]): Promise<readonly BatchChunk[]> {
    if (!chunks.length) return [];
    let QueueUrl: string;
    try {
      QueueUrl = await this.queueUrl.get();
    } catch (error) {
      for (const chunk of chunks) this.onUnsent(chunk, error);
      return chunks;
    }
    const sent = await Promise.allSettled(
      chunks.map((chunk) => this.client.send(new SendMessageCommand({ QueueUrl, MessageBody: JSON.stringify(chunk) }))),
    );
    return chunks.filter((chunk, i) => {
      const outcome = sent[i];
      if (outcome?.status !== 'rejected') return false;
      this.onUnsent(chunk, outcome.reason);
      return true;
    });
  }
}
