import { eventSourceRegistry } from '../../shared/composition/event-source-registrations';
import { listEventSources, type ListedEventSource } from '../../shared/domain/orchestration/event-sources';
import { accountRoute } from '../../shared/http/account-route';

const context = () => ({ eventSources: eventSourceRegistry() });

export const handler = accountRoute(
  { permission: 'EVENT_SOURCE_READ', scope: 'retailer', view: (items: ListedEventSource[]) => ({ items }), context },
  (_input, principal, context) => listEventSources({}, principal, context),
);
