import { orchestrationFor } from '../../shared/config/orchestration';
import { eventInputSchema } from '../../shared/domain/orchestration/event-input';
import { incomingEvent } from '../../shared/domain/orchestration/incoming-event';
import { submitEvent } from '../../shared/domain/orchestration/submit-event';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'EVENT_CREATE', scope: 'retailer', body: eventInputSchema }, async ({ principal, body, deps }) => ({
  status: 202,
  body: await submitEvent(await incomingEvent(body, 'API', principal, deps.dataKeys), orchestrationFor(principal.accountId)),
}));
