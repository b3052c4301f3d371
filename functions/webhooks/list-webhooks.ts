import { webhookSubscriptionsOf } from '../../shared/composition/webhook-subscriptions';
import { listWebhooks } from '../../shared/domain/webhooks/manage-webhooks';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'WEBHOOK_MANAGE', scope: 'retailer', context: webhookSubscriptionsOf },
  (_input, principal, context) => listWebhooks({}, principal, context),
);
