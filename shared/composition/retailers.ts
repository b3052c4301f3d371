import { systemClock } from '../adapters/clock/system-clock';
import { DynamoRetailerRegistry } from '../adapters/dynamodb/dynamo-retailer-registry';
import { DynamoSourcingProfileStore } from '../adapters/dynamodb/dynamo-sourcing-profile-store';
import type { RetailerAdministration } from '../domain/retailers/register-retailer';
import { accountContext, type AccountContext } from './account-context';
import { workflowsOf } from './account-stores';
import { documentClient } from './dynamodb-clients';

const build = (account: AccountContext): RetailerAdministration => ({
  retailers: new DynamoRetailerRegistry(documentClient(), account.tableName),
  workflows: workflowsOf(account),
  // Registration writes a profile only where none is: no cache to keep fresh here.
  profiles: new DynamoSourcingProfileStore(documentClient(), account.tableName),
  clock: systemClock,
});

/** An account's retailers, with the workflows and sourcing profiles registration installs. */
export const retailersOf = (accountId: string): RetailerAdministration => accountContext(accountId).part(build);
