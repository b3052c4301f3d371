import { handler as createWebhook } from '../../functions/webhooks/create-webhook';
import { handler as deleteWebhook } from '../../functions/webhooks/delete-webhook';
import { handler as getWebhook } from '../../functions/webhooks/get-webhook';
import { handler as listWebhooks } from '../../functions/webhooks/list-webhooks';
import { handler as rotateWebhookSecret } from '../../functions/webhooks/rotate-webhook-secret';
import { handler as updateWebhook } from '../../functions/webhooks/update-webhook';
import { invoke } from '../support/api-gateway-event';

const one = (webhookId: string) => ({ resource: '/v1/webhooks/{webhookId}', pathParameters: { webhookId } });

/** The webhook subscription routes, called in-process against DynamoDB Local. */
export const webhooksApi = {
  create: (apiKey: string, body: unknown) => invoke(createWebhook, { method: 'POST', resource: '/v1/webhooks', apiKey, body }),
  list: (apiKey: string) => invoke(listWebhooks, { method: 'GET', resource: '/v1/webhooks', apiKey }),
  get: (apiKey: string, webhookId: string) => invoke(getWebhook, { method: 'GET', ...one(webhookId), apiKey }),
  update: (apiKey: string, webhookId: string, body: unknown) => invoke(updateWebhook, { method: 'PATCH', ...one(webhookId), apiKey, body }),
  remove: (apiKey: string, webhookId: string) => invoke(deleteWebhook, { method: 'DELETE', ...one(webhookId), apiKey }),
  rotateSecret: (apiKey: string, webhookId: string) =>
    invoke(rotateWebhookSecret, {
      method: 'POST',
      resource: '/v1/webhooks/{webhookId}/rotate-secret',
      pathParameters: { webhookId },
      apiKey,
    }),
};

/**
 * https on a public address written as an IP, so a deployed stage's checks accept it with no DNS
 * lookup (93.184.215.14 is example.com's). Nothing in these suites delivers to it.
 */
export const PUBLIC_WEBHOOK_ORIGIN = 'https://93.184.215.14';
