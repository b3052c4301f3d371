import { DynamoWebhookDeliveryStore } from '../adapters/dynamodb/dynamo-webhook-delivery-store';
import { SqsWebhookRetryQueue } from '../adapters/sqs/sqs-webhook-retry-queue';
import { HttpWebhookSender } from '../adapters/webhooks/http-webhook-sender';
import { webhookDispatch } from '../domain/webhooks/dispatch-webhooks';
import { parseRetrySchedule } from '../domain/webhooks/retry-schedule';
import type { WebhookDeliveries } from '../domain/webhooks/webhook-deliveries';
import type { WebhookDispatch } from '../ports/webhook-dispatch';
import type { WebhookRetryQueue } from '../ports/webhook-retry-queue';
import { accountContext, containerPart, type AccountContext } from './account-context';
import { documentClient } from './dynamodb-clients';
import { busPublisher } from './event-bus';
import { settings } from './settings';
import { sqsClient } from './sqs-queues';
import { webhookSubscriptionsPart } from './webhook-subscriptions';
import { accountMetricsOf } from './account-metrics';

const buildSender = () => new HttpWebhookSender();
// A bad ORDO_WEBHOOK_RETRY_SCHEDULE stops the first delivery with an error naming the variable.
const buildSchedule = () => parseRetrySchedule(settings().webhookRetrySchedule);
const buildQueue = (): WebhookRetryQueue => new SqsWebhookRetryQueue(sqsClient(), settings().webhookQueueName, settings().webhookDeadLetterQueueName);

const build = (account: AccountContext): WebhookDeliveries => {
  const { webhooks, keys, resolver, policy, clock } = webhookSubscriptionsPart(account);
  return {
    accountId: account.accountId,
    deliveries: new DynamoWebhookDeliveryStore(documentClient(), account.tableName),
    webhooks,
    keys,
    resolver,
    policy,
    sender: containerPart(buildSender),
    clock,
    schedule: containerPart(buildSchedule),
    queue: containerPart(buildQueue),
    bus: busPublisher(),
    metrics: accountMetricsOf(account.accountId),
  };
};

const buildDispatch = (account: AccountContext): WebhookDispatch => webhookDispatch(account.part(build));

/** Delivering one account's webhook messages. Callers pass the accountId of the authenticated principal or of a message only Ordo enqueues. */
export const webhookDeliveriesOf = (accountId: string): WebhookDeliveries => accountContext(accountId).part(build);

/** Hands one account's outbound events to its webhook subscriptions (the relay's part). */
export const webhookDispatchOf = (accountId: string): WebhookDispatch => accountContext(accountId).part(buildDispatch);
