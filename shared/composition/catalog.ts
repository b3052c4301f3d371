import { CachedLocationStore } from '../adapters/cache/cached-location-store';
import { CachedSourcingProfileStore } from '../adapters/cache/cached-sourcing-profile-store';
import { systemClock } from '../adapters/clock/system-clock';
import { DynamoInventoryStore } from '../adapters/dynamodb/dynamo-inventory-store';
import { DynamoLocationStore } from '../adapters/dynamodb/dynamo-location-store';
import { DynamoSourcingProfileStore } from '../adapters/dynamodb/dynamo-sourcing-profile-store';
import type { Clock } from '../ports/clock';
import type { InventoryStore } from '../ports/inventory-store';
import type { LocationStore } from '../ports/location-store';
import type { SourcingProfileStore } from '../ports/sourcing-profile-store';
import { accountContext, type AccountContext } from './account-context';
import { documentClient } from './dynamodb-clients';

/** Locations, inventory and sourcing profiles of one account, bound to that account's table. */
export interface AccountCatalog {
  locations: LocationStore;
  inventory: InventoryStore;
  profiles: SourcingProfileStore;
  clock: Clock;
}

const build = ({ tableName }: AccountContext): AccountCatalog => ({
  locations: new CachedLocationStore(new DynamoLocationStore(documentClient(), tableName), systemClock),
  inventory: new DynamoInventoryStore(documentClient(), tableName),
  profiles: new CachedSourcingProfileStore(new DynamoSourcingProfileStore(documentClient(), tableName), systemClock),
  clock: systemClock,
});

export const catalogPart = (account: AccountContext): AccountCatalog => account.part(build);

/** Callers pass the accountId of the authenticated principal, never one from the request. */
export const catalogOf = (accountId: string): AccountCatalog => catalogPart(accountContext(accountId));
