import { SQSClient } from '@aws-sdk/client-sqs';
import { carryMessageContext } from '../adapters/sqs/message-context';
import { SqsChunkQueue } from '../adapters/sqs/sqs-chunk-queue';
import { SqsEventQueue } from '../adapters/sqs/sqs-event-queue';
import type { ChunkQueue } from '../ports/chunk-queue';
import type { EventQueue } from '../ports/event-queue';
import { currentLogContext } from '../runtime/log-context';
import { logger } from '../runtime/logger';
import { containerPart } from './account-context';
import { settings } from './settings';
import { instrumented } from '../runtime/sdk-instrumentation';

// Messages carry the correlation id and account of the work that sent them, for the consumer's log lines.
const buildClient = () => carryMessageContext(instrumented(new SQSClient({})), currentLogContext);
const buildEventQueue = () => new SqsEventQueue(sqsClient(), settings().eventsQueueName);
const buildChunkQueue = () =>
  new SqsChunkQueue(sqsClient(), settings().inventoryQueueName, (chunk, error) =>
    logger.error('chunk not queued', {
      jobId: chunk.jobId,
      batchId: chunk.batchId,
      chunk: chunk.chunk,
      records: chunk.records.length,
      errorName: (error as Error | undefined)?.name,
      errorMessage: (error as Error | undefined)?.message,
    }),
  );

/** The container's one SQS client, shared by every queue adapter. */
export const sqsClient = (): SQSClient => containerPart(buildClient);

/** The orchestration (events FIFO) queue, one for every account. */
export const eventQueue = (): EventQueue => containerPart(buildEventQueue);

/** The queue of inventory batch chunks, one for every account. */
export const chunkQueue = (): ChunkQueue => containerPart(buildChunkQueue);
