import { orchestrationFor } from '../../shared/config/orchestration';
import { retryEvent } from '../../shared/domain/orchestration/retry-event';
import { accountRoute } from '../../shared/http/route';

export const handler = accountRoute({ permission: 'EVENT_CREATE', scope: 'retailer' }, async ({ principal, path }) => ({
  status: 202,
  body: await retryEvent(path.eventId ?? '', orchestrationFor(principal.accountId), principal),
}));
