import { webhookSubscriptionsOf } from '../../shared/composition/webhook-subscriptions';
import { createWebhook } from '../../shared/domain/webhooks/manage-webhooks';
import { createWebhookSchema } from '../../shared/domain/webhooks/webhook-subscription';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  { permission: 'WEBHOOK_MANAGE', scope: 'retailer', body: createWebhookSchema, status: 201, context: webhookSubscriptionsOf },
  ({ body }, principal, context) => createWebhook(body, principal, context),
);
