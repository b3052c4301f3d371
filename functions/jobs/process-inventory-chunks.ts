import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { jobsFor } from '../../shared/config/jobs';
import { positionWorkflowFor } from '../../shared/config/position-workflow';
import { applyChunk } from '../../shared/domain/jobs/apply-chunk';
import { parseBatchChunk } from '../../shared/domain/jobs/batch';
import { notifyPositionWorkflow } from '../../shared/domain/jobs/notify-position-workflow';
import { lambdaHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

const processor = new BatchProcessor(EventType.SQS);

const processRecord = async (record: SQSRecord) => {
  const chunk = parseBatchChunk(record.body);
  let notified = 0;
  const { result, redelivered } = await applyChunk(chunk, jobsFor(chunk.accountId), {
    // Before the chunk's result is stored: see applyChunk and notifyPositionWorkflow.
    beforeResult: async (changes) => {
      notified = await notifyPositionWorkflow(chunk, changes, positionWorkflowFor(chunk.accountId));
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
export const handler = lambdaHandler((event: SQSEvent, context) => processPartialResponse(event, processRecord, processor, { context }));
