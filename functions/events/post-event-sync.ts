import { orchestrationFor } from '../../shared/config/orchestration';
import { entityView } from '../../shared/domain/orchestration/entity-queries';
import { eventInputSchema } from '../../shared/domain/orchestration/event-input';
import { incomingEvent } from '../../shared/domain/orchestration/incoming-event';
import { runEvent } from '../../shared/domain/orchestration/run-event';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'EVENT_CREATE', scope: 'retailer', body: eventInputSchema }, async ({ principal, body, deps }) => {
  const result = await runEvent(await incomingEvent(body, 'API', principal, deps.dataKeys), orchestrationFor(principal.accountId));
  return ok({ eventId: result.eventId, status: result.outcome, entity: result.entity && entityView(result.entity), error: result.error });
});
