import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { webhookDeliveriesOf } from '../../shared/composition/webhook-delivery';
import { deliverWebhook, type WebhookRetrying } from '../../shared/domain/webhooks/deliver-webhook';
import { consumerHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';
import { keptOnLocalQueue } from '../../shared/runtime/local-batch-failures';
import { loggingFailures } from '../../shared/runtime/queue-record-failures';

const processor = new BatchProcessor(EventType.SQS);

const processRecord = async (record: SQSRecord, context: WebhookRetrying) => {
  logger.info('webhook retry handled', await deliverWebhook(record.body, context));
};

// Retries from the webhooks queue, each on its own: one that fails goes back to the queue (then to the DLQ) alone.
export const handler = consumerHandler(
  (): WebhookRetrying => ({ deliveriesOf: webhookDeliveriesOf }),
  (event: SQSEvent, lambda, context) =>
    processPartialResponse(event, loggingFailures('deliverWebhooks', (record: SQSRecord) => processRecord(record, context)), processor, { context: lambda }).then(keptOnLocalQueue),
);
