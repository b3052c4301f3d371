import * as z from 'zod';
import { webhookSubscriptionsOf } from '../../shared/composition/webhook-subscriptions';
import { updateWebhook } from '../../shared/domain/webhooks/manage-webhooks';
import { updateWebhookSchema } from '../../shared/domain/webhooks/webhook-subscription';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'WEBHOOK_MANAGE',
    scope: 'retailer',
    body: updateWebhookSchema,
    path: z.object({ webhookId: z.string() }),
    context: webhookSubscriptionsOf,
  },
  ({ body, path }, principal, context) => updateWebhook({ webhookId: path.webhookId, changes: body }, principal, context),
);
