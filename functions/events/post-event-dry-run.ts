import { sealingOrchestrationOf } from '../../shared/composition/orchestration';
import { dryRunEvent, dryRunInputSchema } from '../../shared/domain/orchestration/dry-run-event';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'EVENT_CREATE', scope: 'retailer', body: dryRunInputSchema, context: sealingOrchestrationOf },
  ({ body }, principal, context) => dryRunEvent(body, principal, context),
);
