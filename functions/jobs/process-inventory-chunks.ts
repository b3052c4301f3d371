import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { jobsFor } from '../../shared/config/jobs';
import { applyChunk } from '../../shared/domain/jobs/apply-chunk';
import { parseBatchChunk } from '../../shared/domain/jobs/batch';
import { lambdaHandler } from '../../shared/http/lambda-handler';
import { logger } from '../../shared/http/logger';

const processor = new BatchProcessor(EventType.SQS);

const processRecord = async (record: SQSRecord) => {
  const chunk = parseBatchChunk(record.body);
  const { result, redelivered } = await applyChunk(chunk, jobsFor(chunk.accountId));
  logger.info('inventory chunk applied', {
    accountId: chunk.accountId,
    jobId: chunk.jobId,
    batchId: chunk.batchId,
    chunk: chunk.chunk,
    applied: result.applied,
    unchanged: result.unchanged,
    failed: result.failed,
    redelivered,
  });
};

// Each chunk stands alone: a failed one goes back to the queue (then to the DLQ) without the others.
export const handler = lambdaHandler((event: SQSEvent, context) => processPartialResponse(event, processRecord, processor, { context }));
