import { orchestrationOf } from '../../shared/composition/orchestration';
import { eventListQuerySchema, listEvents } from '../../shared/domain/orchestration/event-queries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'EVENT_READ', scope: 'retailer', query: eventListQuerySchema, context: orchestrationOf },
  ({ query }, principal, context) => listEvents(query, principal, context),
);
