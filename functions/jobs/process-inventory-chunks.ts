import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { jobsOf } from '../../shared/composition/jobs';
import { positionWorkflowOf } from '../../shared/composition/position-workflow';
import { processChunk, type ChunkProcessing } from '../../shared/domain/jobs/process-chunk';
import { lambdaHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

/** What the processor is built over; tests pass fakes through `handler.with(...)`. */
export type ChunkProcessorParts = ChunkProcessing;

// Each chunk stands alone: a failed one goes back to the queue (then to the DLQ) without the others.
const over = (parts: Partial<ChunkProcessorParts>) => {
  const processor = new BatchProcessor(EventType.SQS);
  const processing: ChunkProcessing = { jobs: parts.jobs ?? jobsOf, positionWorkflow: parts.positionWorkflow ?? positionWorkflowOf };
  const run = async (record: SQSRecord) => logger.info('inventory chunk applied', await processChunk(record.body, processing));
  return lambdaHandler((event: SQSEvent, context) => processPartialResponse(event, run, processor, { context }));
};

export const handler = Object.assign(over({}), { with: over });
