import { sealingOrchestrationOf } from '../../shared/composition/orchestration';
import { acceptEvent } from '../../shared/domain/orchestration/api-event';
import { fluentEventAnswer, fluentEventInputSchema } from '../../shared/domain/orchestration/fluent-event';
import { accountRoute } from '../../shared/http/account-route';

/**
 * Fluent's POST /api/v4.1/event/async: queued as POST /v1/events queues it. Fluent answers its
 * event calls with 200, so this does too, where POST /v1/events answers 202.
 */
export const handler = accountRoute(
  { permission: 'EVENT_CREATE', scope: 'retailer', body: fluentEventInputSchema, context: sealingOrchestrationOf },
  async ({ body }, principal, context) => fluentEventAnswer(body, await acceptEvent(body, principal, context)),
);
