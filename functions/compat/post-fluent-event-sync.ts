import { sealingOrchestrationOf } from '../../shared/composition/orchestration';
import { runEventNow } from '../../shared/domain/orchestration/api-event';
import { fluentEventAnswer, fluentEventInputSchema } from '../../shared/domain/orchestration/fluent-event';
import { accountRoute } from '../../shared/http/account-route';

/** Fluent's POST /api/v4.1/event/sync: the same run as POST /v1/events/sync, answered in Fluent's shape. */
export const handler = accountRoute(
  { permission: 'EVENT_CREATE', scope: 'retailer', body: fluentEventInputSchema, context: sealingOrchestrationOf },
  async ({ body }, principal, context) => fluentEventAnswer(body, await runEventNow(body, principal, context)),
);
