import * as z from 'zod';
import { webhookSubscriptionsOf } from '../../shared/composition/webhook-subscriptions';
import { deleteWebhook } from '../../shared/domain/webhooks/manage-webhooks';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'WEBHOOK_MANAGE',
    scope: 'retailer',
    path: z.object({ webhookId: z.string() }),
    status: 204,
    context: webhookSubscriptionsOf,
  },
  ({ path }, principal, context) => deleteWebhook(path, principal, context),
);
