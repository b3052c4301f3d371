import { SqsFifoPartialProcessorAsync, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { orchestrationOf } from '../../shared/composition/orchestration';
import { runQueuedMessage, type QueuedMessageContext } from '../../shared/domain/orchestration/queued-event';
import { consumerHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';
import { keptOnLocalQueue } from '../../shared/runtime/local-batch-failures';
import { loggingFailures } from '../../shared/runtime/queue-record-failures';

type Context = QueuedMessageContext;

const reportFailureNotKept = (error: unknown) =>
  logger.warn('the failure of a queued event could not be kept on its record', { code: (error as Error).name });

const processor = new SqsFifoPartialProcessorAsync();

const processRecord = async (record: SQSRecord, context: Context) => {
  const processed = await runQueuedMessage(record.body, context);
  logger.info('event processed', processed);
};

// A failure stops only its own message group, so one stuck order does not hold up the rest.
export const handler = consumerHandler(
  (): Context => ({ orchestrationOf, onFailureNotKept: reportFailureNotKept }),
  (event: SQSEvent, lambdaContext, context) =>
    processPartialResponse(event, loggingFailures('processQueuedEvents', (record: SQSRecord) => processRecord(record, context)), processor, { context: lambdaContext, skipGroupOnError: true }).then(keptOnLocalQueue),
);
