import { orchestrationFor } from '../../shared/config/orchestration';
import { eventInputSchema, toOrdoEvent } from '../../shared/domain/orchestration/event-input';
import { submitEvent } from '../../shared/domain/orchestration/submit-event';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'EVENT_CREATE', scope: 'retailer', body: eventInputSchema }, async ({ principal, body }) => ({
  status: 202,
  body: await submitEvent(toOrdoEvent(body, 'API', principal), orchestrationFor(principal.accountId)),
}));
