import { DynamoJobStore } from '../adapters/dynamodb/dynamo-job-store';
import type { AccountChange } from '../domain/outbound/account-change';
import { outboundEventsOf as eventsOfChange } from '../domain/outbound/change-events';
import type { OutboundEvent } from '../domain/outbound/outbound-event';
import { accountContext, type AccountContext } from './account-context';
import { dataKeys } from './data-keys';
import { documentClient } from './dynamodb-clients';

export type OutboundEventsOf = (change: AccountChange) => Promise<OutboundEvent[]>;

const build = (account: AccountContext): OutboundEventsOf => {
  const context = { accountId: account.accountId, keys: dataKeys(), jobs: new DynamoJobStore(documentClient(), account.tableName) };
  return (change) => eventsOfChange(change, context);
};

/**
 * What each change of one account sends out of Ordo. Callers pass the account that owns the
 * table the change came from, looked up from the table, never read from the change.
 */
export const outboundEventsOf = (accountId: string): OutboundEventsOf => accountContext(accountId).part(build);
