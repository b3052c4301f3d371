import { eventSourceAdministration } from '../../shared/composition/event-source-administration';
import { eventSourceInputSchema, registerEventSource } from '../../shared/domain/orchestration/event-sources';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'EVENT_SOURCE_UPDATE', scope: 'retailer', body: eventSourceInputSchema, status: 201, context: eventSourceAdministration },
  ({ body }, principal, context) => registerEventSource(body, principal, context),
);
