import * as z from 'zod';
import { webhookDeliveriesOf } from '../../shared/composition/webhook-delivery';
import { deliveryListQuerySchema, listWebhookDeliveries } from '../../shared/domain/webhooks/manage-deliveries';
import { accountRoute } from '../../shared/http/account-route';

export const handler = accountRoute(
  {
    permission: 'WEBHOOK_MANAGE',
    scope: 'retailer',
    path: z.object({ webhookId: z.string() }),
    query: deliveryListQuerySchema,
    context: webhookDeliveriesOf,
  },
  ({ path, query }, principal, context) => listWebhookDeliveries({ ...query, webhookId: path.webhookId }, principal, context),
);
