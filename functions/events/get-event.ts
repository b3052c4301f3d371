import { orchestrationFor } from '../../shared/config/orchestration';
import { getEvent } from '../../shared/domain/orchestration/event-queries';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'EVENT_READ', scope: 'retailer' }, async ({ principal, path }) =>
  ok(await getEvent(path.eventId ?? '', orchestrationFor(principal.accountId), principal)),
);
