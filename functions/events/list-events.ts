import { orchestrationFor } from '../../shared/config/orchestration';
import { eventListQuerySchema, listEvents } from '../../shared/domain/orchestration/event-queries';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'EVENT_READ', scope: 'retailer' }, async ({ principal, query }) =>
  ok(await listEvents(validate(eventListQuerySchema, query), orchestrationFor(principal.accountId), principal)),
);
