import { systemClock } from '../adapters/clock/system-clock';
import { DnsHostResolver } from '../adapters/dns/dns-host-resolver';
import { DynamoWebhookSubscriptionStore } from '../adapters/dynamodb/dynamo-webhook-subscription-store';
import type { WebhookSubscriptions } from '../domain/webhooks/manage-webhooks';
import type { Environment } from '../domain/accounts/account';
import { accountContext, type AccountContext } from './account-context';
import { accountProfiles } from './account-profiles';
import { dataKeys } from './data-keys';
import { documentClient } from './dynamodb-clients';
import { settings } from './settings';

/** Read once per container: an account's environment is set when it is created and never changes. */
const environmentOf = (tableName: string) => {
  let read: Promise<Environment | undefined> | undefined;
  const forget = (error: unknown) => {
    // A failed read is not kept: the next webhook call reads again.
    read = undefined;
    throw error;
  };
  return () => (read ??= accountProfiles().get(tableName).then((profile) => profile?.environment, forget));
};

const build = ({ tableName }: AccountContext): WebhookSubscriptions => ({
  webhooks: new DynamoWebhookSubscriptionStore(documentClient(), tableName),
  keys: dataKeys(),
  resolver: new DnsHostResolver(),
  policy: { allowInsecureLocal: settings().webhookAllowInsecureLocal, environment: environmentOf(tableName) },
  clock: systemClock,
});

export const webhookSubscriptionsPart = (account: AccountContext): WebhookSubscriptions => account.part(build);

/** The webhook subscriptions of one account. Callers pass the accountId of the authenticated principal, never one from the request. */
export const webhookSubscriptionsOf = (accountId: string): WebhookSubscriptions => webhookSubscriptionsPart(accountContext(accountId));
