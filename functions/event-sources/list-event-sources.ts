import { listEventSources } from '../../shared/domain/orchestration/event-sources';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'EVENT_SOURCE_READ', scope: 'retailer' }, async ({ principal, deps }) =>
  ok({ items: await listEventSources(principal.accountId, principal, deps) }),
);
