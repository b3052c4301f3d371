import { sealingOrchestrationOf } from '../../shared/composition/orchestration';
import { runEventNow } from '../../shared/domain/orchestration/api-event';
import { eventInputSchema } from '../../shared/domain/orchestration/event-input';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'EVENT_CREATE', scope: 'retailer', body: eventInputSchema, context: sealingOrchestrationOf },
  ({ body }, principal, context) => runEventNow(body, principal, context),
);
