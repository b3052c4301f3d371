import { getRetailer } from '../adapters/dynamodb/retailer-items';
import { KnownRetailers } from '../domain/retailers/retailer-gate';
import type { RegisteredRetailers } from '../ports/registered-retailers';
import type { AccountContext } from './account-context';
import { documentClient } from './dynamodb-clients';

const build = (account: AccountContext): RegisteredRetailers =>
  new KnownRetailers({ get: (retailerId) => getRetailer(documentClient(), account.tableName, retailerId) });

/** Whether a retailer is registered, asked of the registry once per container for each registered one. */
export const registeredRetailersOf = (account: AccountContext): RegisteredRetailers => account.part(build);
