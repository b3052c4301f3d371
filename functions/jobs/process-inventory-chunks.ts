import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { jobsOf } from '../../shared/composition/jobs';
import { positionWorkflowOf } from '../../shared/composition/position-workflow';
import { applyChunk, type ChunkDeps } from '../../shared/domain/jobs/apply-chunk';
import { parseBatchChunk } from '../../shared/domain/jobs/batch';
import { notifyPositionWorkflow, type PositionWorkflowDeps } from '../../shared/domain/jobs/notify-position-workflow';
import { lambdaHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

/** What the processor is built over, per account of a chunk; tests pass fakes through `handler.with(...)`. */
export interface ChunkProcessorParts {
  jobs: (accountId: string) => ChunkDeps;
  positionWorkflow: (accountId: string) => PositionWorkflowDeps;
}

const processRecord = (parts: ChunkProcessorParts) => async (record: SQSRecord) => {
  const chunk = parseBatchChunk(record.body);
  let notified = 0;
  const { result, redelivered } = await applyChunk(chunk, parts.jobs(chunk.accountId), {
    // Before the chunk's result is stored: see applyChunk and notifyPositionWorkflow.
    beforeResult: async (changes) => {
      notified = await notifyPositionWorkflow(chunk, changes, parts.positionWorkflow(chunk.accountId));
    },
  });
  logger.info('inventory chunk applied', {
    accountId: chunk.accountId,
    jobId: chunk.jobId,
    batchId: chunk.batchId,
    chunk: chunk.chunk,
    applied: result.applied,
    unchanged: result.unchanged,
    failed: result.failed,
    redelivered,
    positionEvents: notified,
  });
};

// Each chunk stands alone: a failed one goes back to the queue (then to the DLQ) without the others.
const over = (parts: Partial<ChunkProcessorParts>) => {
  const processor = new BatchProcessor(EventType.SQS);
  const run = processRecord({ jobs: parts.jobs ?? jobsOf, positionWorkflow: parts.positionWorkflow ?? positionWorkflowOf });
  return lambdaHandler((event: SQSEvent, context) => processPartialResponse(event, run, processor, { context }));
};

export const handler = Object.assign(over({}), { with: over });
