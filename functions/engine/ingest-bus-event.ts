import type { EventBridgeEvent } from 'aws-lambda';
import { busIngress } from '../../shared/composition/bus-ingress';
import { ingestBusEvent } from '../../shared/domain/orchestration/ingest-bus-event';
import { consumerHandler } from '../../shared/runtime/lambda-handler';
import { logger } from '../../shared/runtime/logger';

export const handler = consumerHandler(busIngress, async (event: EventBridgeEvent<string, unknown>, _lambda, context) => {
  const result = await ingestBusEvent({ source: event.source, account: event.account, detail: event.detail }, context);
  if (result.accepted) {
    logger.info('bus event accepted', { accountId: result.accountId, eventId: result.eventId });
  } else {
    // The detail is never logged: it can carry customer data.
    logger.warn('bus event dropped', { source: event.source, awsAccount: event.account, reason: result.reason, message: result.message });
    context.countDropped(result.reason);
  }
  return result;
});
