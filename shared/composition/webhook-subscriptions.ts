import { systemClock } from '../adapters/clock/system-clock';
import { DnsHostResolver } from '../adapters/dns/dns-host-resolver';
import { DynamoWebhookSubscriptionStore } from '../adapters/dynamodb/dynamo-webhook-subscription-store';
import type { WebhookSubscriptions } from '../domain/webhooks/manage-webhooks';
import { accountContext, type AccountContext } from './account-context';
import { dataKeys } from './data-keys';
import { documentClient } from './dynamodb-clients';
import { settings } from './settings';

const build = ({ tableName }: AccountContext): WebhookSubscriptions => ({
  webhooks: new DynamoWebhookSubscriptionStore(documentClient(), tableName),
  keys: dataKeys(),
  resolver: new DnsHostResolver(),
  policy: { allowInsecureLocal: settings().webhookAllowInsecureLocal },
  clock: systemClock,
});

export const webhookSubscriptionsPart = (account: AccountContext): WebhookSubscriptions => account.part(build);

/** The webhook subscriptions of one account. Callers pass the accountId of the authenticated principal, never one from the request. */
export const webhookSubscriptionsOf = (accountId: string): WebhookSubscriptions => webhookSubscriptionsPart(accountContext(accountId));
