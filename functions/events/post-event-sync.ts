import { orchestrationFor } from '../../shared/config/orchestration';
import { eventInputSchema, toOrdoEvent } from '../../shared/domain/orchestration/event-input';
import { runEvent } from '../../shared/domain/orchestration/run-event';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'EVENT_CREATE', scope: 'retailer', body: eventInputSchema }, async ({ principal, body }) => {
  const result = await runEvent(toOrdoEvent(body, 'API', principal), orchestrationFor(principal.accountId));
  return ok({ eventId: result.eventId, status: result.outcome, entity: result.entity, error: result.error });
});
