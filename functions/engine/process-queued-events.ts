import { SqsFifoPartialProcessorAsync, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { orchestrationFor } from '../../shared/config/orchestration';
import { EventFailedError, needsRedelivery, parseQueuedEvent, processQueuedEvent } from '../../shared/domain/orchestration/queued-event';
import { lambdaHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

const processor = new SqsFifoPartialProcessorAsync();

const processRecord = async (record: SQSRecord) => {
  const message = parseQueuedEvent(record.body);
  const result = await processQueuedEvent(message, orchestrationFor(message.accountId));
  // Thrown so that the queue redelivers the message, and after its last try parks it in the DLQ.
  if (needsRedelivery(result)) throw new EventFailedError(result.eventId, result.error?.message ?? 'unknown');
  logger.info('event processed', { accountId: message.accountId, eventId: result.eventId, outcome: result.outcome });
};

// A failure stops only its own message group, so one stuck order does not hold up the rest.
export const handler = lambdaHandler((event: SQSEvent, context) =>
  processPartialResponse(event, processRecord, processor, { context, skipGroupOnError: true }),
);
