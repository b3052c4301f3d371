import * as z from 'zod';
import { webhookDeliveriesOf } from '../../shared/composition/webhook-delivery';
import { retryWebhookDelivery } from '../../shared/domain/webhooks/manage-deliveries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'WEBHOOK_MANAGE',
    scope: 'retailer',
    path: z.object({ webhookId: z.string(), messageId: z.string() }),
    context: webhookDeliveriesOf,
  },
  ({ path }, principal, context) => retryWebhookDelivery(path, principal, context),
);
