import { orchestrationFor } from '../../shared/config/orchestration';
import { dryRunEvent, dryRunInputSchema } from '../../shared/domain/orchestration/dry-run-event';
import { accountRoute } from '../../shared/http/route';
import { ok } from '../../shared/http/response';

export const handler = accountRoute({ permission: 'EVENT_CREATE', scope: 'retailer', body: dryRunInputSchema }, async ({ principal, body, deps }) =>
  ok(await dryRunEvent(body, principal, orchestrationFor(principal.accountId), deps.dataKeys)),
);
