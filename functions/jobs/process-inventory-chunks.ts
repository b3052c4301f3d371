import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { accountMetricsOf } from '../../shared/composition/account-metrics';
import { jobsOf } from '../../shared/composition/jobs';
import { positionWorkflowOf } from '../../shared/composition/position-workflow';
import { processChunk, type ChunkProcessing } from '../../shared/domain/jobs/process-chunk';
import { consumerHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';
import { keptOnLocalQueue } from '../../shared/runtime/local-batch-failures';
import { loggingFailures } from '../../shared/runtime/queue-record-failures';

const processor = new BatchProcessor(EventType.SQS);

// Each chunk stands alone: a failed one goes back to the queue (then to the DLQ) without the others.
export const handler = consumerHandler(
  (): ChunkProcessing => ({ jobs: jobsOf, positionWorkflow: positionWorkflowOf, metrics: accountMetricsOf }),
  (event: SQSEvent, lambda, context) =>
    processPartialResponse(
      event,
      loggingFailures('processInventoryChunks', async (record: SQSRecord) => logger.info('inventory chunk applied', await processChunk(record.body, context))),
      processor,
      { context: lambda },
    ).then(keptOnLocalQueue),
);
