import { orchestrationFor } from '../../shared/config/orchestration';
import { getEvent } from '../../shared/domain/orchestration/event-queries';
import { retailerQuerySchema } from '../../shared/domain/orchestration/retailer-of-ref';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'EVENT_READ', scope: 'retailer' }, async ({ principal, path, query }) =>
  ok(await getEvent(path.eventId ?? '', validate(retailerQuerySchema, query), orchestrationFor(principal.accountId), principal)),
);
