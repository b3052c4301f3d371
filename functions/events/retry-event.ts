import { orchestrationFor } from '../../shared/config/orchestration';
import { retryEvent } from '../../shared/domain/orchestration/retry-event';
import { retailerQuerySchema } from '../../shared/domain/orchestration/retailer-of-ref';
import { validate } from '../../shared/http/request-body';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'EVENT_CREATE', scope: 'retailer' }, async ({ principal, path, query }) => ({
  status: 202,
  body: await retryEvent(path.eventId ?? '', validate(retailerQuerySchema, query), orchestrationFor(principal.accountId), principal),
}));
