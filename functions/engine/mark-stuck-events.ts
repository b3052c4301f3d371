import { SqsFifoPartialProcessorAsync, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { stuckEventMarking } from '../../shared/composition/stuck-event-marking';
import { markStuckMessage, type StuckMarkContext } from '../../shared/domain/orchestration/stuck-event-marks';
import { consumerHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';
import { keptOnLocalQueue } from '../../shared/runtime/local-batch-failures';
import { loggingFailures } from '../../shared/runtime/queue-record-failures';

const processor = new SqsFifoPartialProcessorAsync();

const markRecord = async (record: SQSRecord, context: StuckMarkContext) => {
  const marked = await markStuckMessage(record.body, context);
  logger.info(marked.marked ? 'event marked STUCK' : 'event in the DLQ already has an outcome', marked);
};

// A message whose mark could not be written stays in the DLQ and comes back after its visibility timeout.
export const handler = consumerHandler(
  (): StuckMarkContext => stuckEventMarking(),
  (event: SQSEvent, lambdaContext, context) =>
    processPartialResponse(event, loggingFailures('markStuckEvents', (record: SQSRecord) => markRecord(record, context)), processor, { context: lambdaContext, skipGroupOnError: true }).then(keptOnLocalQueue),
);
