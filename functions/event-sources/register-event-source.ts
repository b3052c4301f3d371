import { systemClock } from '../../shared/adapters/clock/system-clock';
import { eventSourceRegistry } from '../../shared/composition/event-source-registrations';
import { eventSourceInputSchema, registerEventSource } from '../../shared/domain/orchestration/event-sources';
import { accountRoute } from '../../shared/http/account-route';

const context = () => ({ eventSources: eventSourceRegistry(), clock: systemClock });

export const handler = accountRoute(
  { permission: 'EVENT_SOURCE_UPDATE', scope: 'retailer', body: eventSourceInputSchema, status: 201, context },
  ({ body }, principal, context) => registerEventSource(body, principal, context),
);
