import type { EventBridgeEvent } from 'aws-lambda';
import { dependencies } from '../../shared/config/dependencies';
import { orchestrationFor } from '../../shared/config/orchestration';
import { ingestBusEvent } from '../../shared/domain/orchestration/ingest-bus-event';
import { lambdaHandler } from '../../shared/http/lambda-handler';
import { logger } from '../../shared/http/logger';

export const handler = lambdaHandler(async (event: EventBridgeEvent<string, unknown>) => {
  const result = await ingestBusEvent(
    { source: event.source, detail: event.detail },
    { eventSources: dependencies().eventSources, dataKeys: dependencies().dataKeys, orchestrationFor },
  );
  if (result.accepted) logger.info('bus event accepted', { accountId: result.accountId, eventId: result.eventId });
  else logger.warn('bus event rejected', { source: event.source, reason: result.reason });
  return result;
});
