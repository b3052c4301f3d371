import { handler as createWebhook } from '../../functions/webhooks/create-webhook';
import { handler as deleteWebhook } from '../../functions/webhooks/delete-webhook';
import { handler as getWebhook } from '../../functions/webhooks/get-webhook';
import { handler as listWebhooks } from '../../functions/webhooks/list-webhooks';
import { handler as rotateWebhookSecret } from '../../functions/webhooks/rotate-webhook-secret';
import { handler as updateWebhook } from '../../functions/webhooks/update-webhook';
import { handler as listWebhookDeliveries } from '../../functions/webhooks/list-webhook-deliveries';
import { handler as retryWebhookDelivery } from '../../functions/webhooks/retry-webhook-delivery';
import { handler as testWebhook } from '../../functions/webhooks/test-webhook';
import { webhookSubscriptionsOf } from '../../shared/composition/webhook-subscriptions';
import { createWebhook as subscribe } from '../../shared/domain/webhooks/manage-webhooks';
import { invoke } from '../support/api-gateway-event';
import { accountPrincipal } from '../support/principals';

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
  test: (apiKey: string, webhookId: string) =>
    invoke(testWebhook, { method: 'POST', resource: '/v1/webhooks/{webhookId}/test', pathParameters: { webhookId }, apiKey }),
  deliveries: (apiKey: string, webhookId: string, query: Record<string, string> = {}) =>
    invoke(listWebhookDeliveries, { method: 'GET', resource: '/v1/webhooks/{webhookId}/deliveries', pathParameters: { webhookId }, query, apiKey }),
  retry: (apiKey: string, webhookId: string, messageId: string) =>
    invoke(retryWebhookDelivery, {
      method: 'POST',
      resource: '/v1/webhooks/{webhookId}/deliveries/{messageId}/retry',
      pathParameters: { webhookId, messageId },
      apiKey,
    }),
};

/**
 * https on a public address written as an IP, so a deployed stage's checks accept it with no DNS
 * lookup (93.184.215.14 is example.com's). Nothing in these suites delivers to it.
 */
export const PUBLIC_WEBHOOK_ORIGIN = 'https://93.184.215.14';

/**
 * A subscription of the account whose messages never leave: its url is loopback over http, taken at
 * creation as the local stack takes it, and refused on this stage at every attempt. For suites that
 * call the routes that deliver (test, retry) without reaching any network.
 */
export const undeliverableWebhook = (accountId: string, options: { path: string; retailerId?: string; description?: string }) =>
  subscribe(
    {
      url: `http://127.0.0.1:9/${options.path}`,
      events: ['*'],
      ...(options.retailerId === undefined ? {} : { retailerId: options.retailerId }),
      ...(options.description === undefined ? {} : { description: options.description }),
    },
    accountPrincipal({ accountId, ...(options.retailerId === undefined ? {} : { retailerId: options.retailerId }) }),
    { ...webhookSubscriptionsOf(accountId), policy: { allowInsecureLocal: true } },
  );
