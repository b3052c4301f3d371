import { eventSourceInputSchema, registerEventSource } from '../../shared/domain/orchestration/event-sources';
import { accountRoute } from '../../shared/http/route';
import { created } from '../../shared/http/response';

export const handler = accountRoute(
  { permission: 'EVENT_SOURCE_UPDATE', scope: 'retailer', body: eventSourceInputSchema },
  async ({ principal, body, deps }) => created(await registerEventSource(principal.accountId, body, principal, deps)),
);
